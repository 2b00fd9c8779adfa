"""
Replica of openedx-platform ``common/djangoapps/student/models/user.py`` (subset: ``UserProfile``, ``CourseAccessRole``, ``anonymous_id_for_user``).
"""
import hashlib

from django.conf import settings
from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from django.db import models
from django.utils.translation import gettext_noop
from opaque_keys.edx.django.models import CourseKeyField


def anonymous_id_for_user(user, course_id):
    """
    Return a 32-character anonymous id of ``user`` (per course when ``course_id`` is given).

    Upstream hashes SECRET_KEY, the user id and the course id, and stores the
    result in ``AnonymousUserId`` so it survives a SECRET_KEY rotation. The
    sandbox only computes the hash (sha256 of SECRET_KEY, user id and course
    id, truncated to 32 hex characters): deterministic, never stored.
    """
    if user.is_anonymous:
        return None
    hasher = hashlib.sha256()
    hasher.update(settings.SECRET_KEY.encode("utf8"))
    hasher.update(str(user.id).encode("utf8"))
    if course_id:
        hasher.update(str(course_id).encode("utf8"))
    return hasher.hexdigest()[:32]


class UserProfile(models.Model):
    """
    This is where we store all the user demographic fields (subset of the upstream fields).

    .. pii: Contains many PII fields. Retired in AccountRetirementView.
    .. pii_types: name, location, birth_date, gender, phone_number
    .. pii_retirement: local_api
    """

    class Meta:
        db_table = "auth_userprofile"
        permissions = (("can_deactivate_users", "Can deactivate, but NOT delete users"),)

    # CRITICAL TODO/SECURITY (upstream): sanitize all of these fields before they are displayed.
    user = models.OneToOneField(User, unique=True, db_index=True, related_name="profile", on_delete=models.CASCADE)
    name = models.CharField(blank=True, max_length=255, db_index=True)
    meta = models.TextField(blank=True)  # JSON dictionary for future expansion
    courseware = models.CharField(blank=True, max_length=255, default="course.xml")
    language = models.CharField(blank=True, max_length=255, db_index=True)
    location = models.CharField(blank=True, max_length=255, db_index=True)
    year_of_birth = models.IntegerField(blank=True, null=True, db_index=True)

    GENDER_CHOICES = (
        ("m", gettext_noop("Male")),
        ("f", gettext_noop("Female")),
        ("o", gettext_noop("Other/Prefer Not to Say")),
    )
    gender = models.CharField(blank=True, null=True, max_length=6, db_index=True, choices=GENDER_CHOICES)

    LEVEL_OF_EDUCATION_CHOICES = (
        ("p", gettext_noop("Doctorate")),
        ("m", gettext_noop("Master's or professional degree")),
        ("b", gettext_noop("Bachelor's degree")),
        ("a", gettext_noop("Associate degree")),
        ("hs", gettext_noop("Secondary/high school")),
        ("jhs", gettext_noop("Junior secondary/junior high/middle school")),
        ("el", gettext_noop("Elementary/primary school")),
        ("none", gettext_noop("No formal education")),
        ("other", gettext_noop("Other education")),
    )
    level_of_education = models.CharField(
        blank=True, null=True, max_length=6, db_index=True, choices=LEVEL_OF_EDUCATION_CHOICES
    )
    mailing_address = models.TextField(blank=True, null=True)
    city = models.TextField(blank=True, null=True)
    # Upstream uses django-countries' CountryField (a 2-character code column).
    country = models.CharField(blank=True, null=True, max_length=2)
    goals = models.TextField(blank=True, null=True)
    phone_number = models.CharField(blank=True, null=True, max_length=50)

    def __str__(self):
        return f"UserProfile of {self.user.username}"


class CourseAccessRole(models.Model):
    """
    Maps users to org, courses, and roles. Used by student.roles.CourseRole and OrgRole.

    To establish a user as having a specific role over all courses in the org,
    create an entry without a course_id.

    .. no_pii:
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    # blank org is for global group based roles such as course creator (may be deprecated)
    org = models.CharField(max_length=64, db_index=True, blank=True)
    # blank course_id implies org wide role
    course_id = CourseKeyField(max_length=255, db_index=True, blank=True)
    role = models.CharField(max_length=64, db_index=True)

    class Meta:
        unique_together = ("user", "org", "course_id", "role")

    def __str__(self):
        return f"[CourseAccessRole] user: {self.user.username}   role: {self.role}   org: {self.org}   course: {self.course_id}"
