"""
Replica of openedx-platform ``common/djangoapps/student/roles.py`` (subset: course roles and GlobalStaff), checked against c6607476c5fd8e206a850203fd97512edaffa7c1.

Upstream caches a user's roles on the user object (``RoleCache``); the sandbox
queries ``CourseAccessRole`` every time. Upstream master also keeps course roles in
openedx-authz when the ``authz.enable_course_authoring`` flag is on for a course
(``has_user``, ``add_users``, ``remove_users`` and ``users_with_role`` then go through
``openedx_authz.api``); the sandbox has the legacy path only. Callers that use these
methods, and not ``CourseAccessRole`` directly, work with both.
"""
from abc import ABCMeta, abstractmethod

from django.contrib.auth.models import User  # pylint: disable=imported-auth-user
from opaque_keys.edx.django.models import CourseKeyField

REGISTERED_ACCESS_ROLES = {}


def register_access_role(cls):
    """
    Register ``cls`` under its ROLE name, as upstream does for the roles it lists.
    """
    REGISTERED_ACCESS_ROLES[cls.ROLE] = cls
    return cls


class AccessRole(metaclass=ABCMeta):
    """
    Object representing a role with particular access to a resource.
    """

    @abstractmethod
    def has_user(self, user):
        """Return whether the supplied django user has access to this role."""

    @abstractmethod
    def add_users(self, *users):
        """Add the role to the supplied django users."""

    @abstractmethod
    def remove_users(self, *users):
        """Remove the role from the supplied django users."""

    @abstractmethod
    def users_with_role(self):
        """Return a django QuerySet for all of the users with this role."""


class GlobalStaff(AccessRole):
    """
    The global staff role (``User.is_staff``).
    """

    def has_user(self, user):
        return bool(user and user.is_staff)

    def add_users(self, *users):
        for user in users:
            if user.is_authenticated and user.is_active:
                user.is_staff = True
                user.save()

    def remove_users(self, *users):
        for user in users:
            user.is_staff = False
            user.save()

    def users_with_role(self):
        raise Exception("This operation is un-indexed, and shouldn't be used")


class RoleBase(AccessRole):
    """
    Roles by type (e.g., instructor, beta_user) and optionally org and course_key.
    """

    def __init__(self, role_name, org="", course_key=None):
        super().__init__()
        self.org = org
        self.course_key = course_key
        self._role_name = role_name

    def _course_id(self):
        # CourseAccessRole stores "no course" as the empty key, not NULL.
        return self.course_key if self.course_key is not None else CourseKeyField.Empty

    def has_user(self, user, check_user_activation=True):
        """
        Whether ``user`` has this role (inactive or anonymous users never do, unless told not to check).
        """
        from common.djangoapps.student.models import CourseAccessRole  # pylint: disable=import-outside-toplevel

        if check_user_activation and not (user.is_authenticated and user.is_active):
            return False
        if user.is_anonymous:
            return False
        return CourseAccessRole.objects.filter(
            user=user, role=self._role_name, org=self.org, course_id=self._course_id()
        ).exists()

    def add_users(self, *users):
        """
        Add the supplied (active, authenticated) users to this role.
        """
        from common.djangoapps.student.models import CourseAccessRole  # pylint: disable=import-outside-toplevel

        for user in users:
            if user.is_authenticated and user.is_active and not self.has_user(user):
                CourseAccessRole.objects.create(
                    user=user, role=self._role_name, course_id=self._course_id(), org=self.org
                )

    def remove_users(self, *users):
        """
        Remove the supplied users from this role.
        """
        from common.djangoapps.student.models import CourseAccessRole  # pylint: disable=import-outside-toplevel

        CourseAccessRole.objects.filter(
            user__in=users, role=self._role_name, org=self.org, course_id=self._course_id()
        ).delete()

    def users_with_role(self):
        """
        A User queryset of everyone with this role.
        """
        return User.objects.filter(
            courseaccessrole__role=self._role_name,
            courseaccessrole__org=self.org,
            courseaccessrole__course_id=self._course_id(),
        )


class CourseRole(RoleBase):
    """
    A named role in a particular course.
    """

    def __init__(self, role, course_key):
        super().__init__(role, course_key.org, course_key)

    @classmethod
    def course_group_already_exists(cls, course_key):
        from common.djangoapps.student.models import CourseAccessRole  # pylint: disable=import-outside-toplevel

        return CourseAccessRole.objects.filter(org=course_key.org, course_id=course_key).exists()


class OrgRole(RoleBase):
    """
    A named role in a particular org independent of course.
    """

    def __init__(self, role, org):
        super().__init__(role, org)


@register_access_role
class CourseStaffRole(CourseRole):
    """A Staff member of a course."""

    ROLE = "staff"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class CourseInstructorRole(CourseRole):
    """A course Instructor."""

    ROLE = "instructor"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class CourseFinanceAdminRole(CourseRole):
    """A course staff member with privileges to review financial data."""

    ROLE = "finance_admin"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class CourseCcxCoachRole(CourseRole):
    """A CCX Coach."""

    ROLE = "ccx_coach"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class CourseBetaTesterRole(CourseRole):
    """A course Beta Tester."""

    ROLE = "beta_testers"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class OrgStaffRole(OrgRole):
    """An organization staff member."""

    ROLE = "staff"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)


@register_access_role
class OrgInstructorRole(OrgRole):
    """An organization instructor."""

    ROLE = "instructor"

    def __init__(self, *args, **kwargs):
        super().__init__(self.ROLE, *args, **kwargs)
