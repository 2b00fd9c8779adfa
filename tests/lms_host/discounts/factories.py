"""
Data of the discount tests: a course with an audit and a verified mode, learners, enrollments.
"""
from datetime import timedelta

from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.entitlements.models import CourseEntitlement
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth.models import User
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

COURSE = CourseKey.from_string("course-v1:edX+Disc101+2026")
OTHER_COURSE = CourseKey.from_string("course-v1:OtherX+Paid201+2026")


def make_course(course_key=COURSE, end_in_days=60, verified=True, verified_deadline_in_days=30):
    now = timezone.now()
    overview = CourseOverview.objects.create(
        id=course_key,
        org=course_key.org,
        display_name=f"Course {course_key.course}",
        start=now - timedelta(days=10),
        end=None if end_in_days is None else now + timedelta(days=end_in_days),
    )
    CourseMode.objects.create(course_id=course_key, mode_slug="audit", mode_display_name="Audit")
    if verified:
        mode = CourseMode(course_id=course_key, mode_slug="verified", mode_display_name="Verified", min_price=100)
        if verified_deadline_in_days is not None:
            mode.expiration_datetime = now + timedelta(days=verified_deadline_in_days)
        mode.save()
    return overview


def make_learner(username="learner"):
    return User.objects.create_user(username=username, email=f"{username}@example.com", password="edx")


def enroll(user, course_key=COURSE, mode="audit", days_ago=0, is_active=True):
    enrollment = CourseEnrollment.objects.create(user=user, course_id=course_key, mode=mode, is_active=is_active)
    if days_ago:
        CourseEnrollment.objects.filter(id=enrollment.id).update(created=timezone.now() - timedelta(days=days_ago))
    return enrollment


def entitle(user, enrollment=None, expired=False):
    import uuid  # noqa: PLC0415

    return CourseEntitlement.objects.create(
        user=user,
        course_uuid=uuid.uuid4(),
        mode="verified",
        enrollment_course_run=enrollment,
        expired_at=timezone.now() if expired else None,
    )
