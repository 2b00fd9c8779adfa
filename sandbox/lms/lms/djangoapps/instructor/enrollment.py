"""
Replica of openedx-platform ``lms/djangoapps/instructor/enrollment.py`` (``enroll_email``, ``get_email_params``, ``EmailEnrollmentState``).

The sandbox sends no email: ``message_students`` is accepted and ignored. ``enroll_email``'s signature and return
value checked against openedx-platform e57a655d77b614f19223984e9805b1fb940ab192.
"""
from common.djangoapps.student.models import CourseEnrollment, CourseEnrollmentAllowed
from django.conf import settings
from django.contrib.auth.models import User  # pylint: disable=imported-auth-user


class EmailEnrollmentState:
    """
    The enrollment state of an email address in a course (whether a user has it, is enrolled, may enroll).
    """

    def __init__(self, course_id, email):
        user = User.objects.filter(email=email).first()
        self.user = user is not None
        enrollment = CourseEnrollment.get_enrollment(user, course_id) if user is not None else None
        self.enrollment = bool(enrollment and enrollment.is_active)
        self.mode = enrollment.mode if enrollment else None
        allowed = CourseEnrollmentAllowed.objects.filter(course_id=course_id, email=email).first()
        self.allowed = allowed is not None
        self.auto_enroll = bool(allowed and allowed.auto_enroll)

    def to_dict(self):
        return {
            "user": self.user,
            "enrollment": self.enrollment,
            "allowed": self.allowed,
            "auto_enroll": self.auto_enroll,
        }


def get_email_params(course, auto_enroll, secure=True, course_key=None, display_name=None):  # pylint: disable=unused-argument
    """
    The parameters of the enrollment emails of ``course`` (upstream renders them into the messages).
    """
    course_key = course_key or str(course.id)
    lms_root = getattr(settings, "LMS_ROOT_URL", "")
    return {
        "site_name": lms_root,
        "registration_url": f"{lms_root}/register",
        "course": course,
        "display_name": display_name or getattr(course, "display_name_with_default", str(course_key)),
        "auto_enroll": auto_enroll,
        "course_url": f"{lms_root}/courses/{course_key}/",
        "course_about_url": f"{lms_root}/courses/{course_key}/about",
    }


def enroll_email(course_id, student_email, auto_enroll=False, message_students=False, message_params=None,  # pylint: disable=unused-argument
                 language=None):  # pylint: disable=unused-argument
    """
    Enroll the active user with ``student_email`` in ``course_id``, or (no such user, or an inactive one) allow that
    email to enroll, as upstream; the sandbox has no retired emails and sends no message.

    Returns ``(previous_state, after_state, enrollment_obj)`` as upstream (``enrollment_obj`` None when only allowed).
    """
    previous_state = EmailEnrollmentState(course_id, student_email)
    enrollment_obj = None
    user = User.objects.filter(email=student_email).first() if previous_state.user else None
    if user is not None and user.is_active:
        mode = previous_state.mode if previous_state.enrollment else None
        enrollment_obj = CourseEnrollment.enroll(user, course_id, mode=mode)
    else:
        allowed, __ = CourseEnrollmentAllowed.objects.get_or_create(course_id=course_id, email=student_email)
        allowed.auto_enroll = auto_enroll
        allowed.save()
    after_state = EmailEnrollmentState(course_id, student_email)
    return previous_state, after_state, enrollment_obj
