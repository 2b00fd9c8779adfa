"""
Replica of openedx-platform ``lms/djangoapps/instructor/access.py`` (``allow_access``, ``revoke_access``, ``list_with_level``).

Upstream also updates forum roles and sends a ``COURSE_ACCESS_ROLE_ADDED`` event; the sandbox has no forums.
"""
import logging

from common.djangoapps.student.roles import (
    CourseBetaTesterRole,
    CourseCcxCoachRole,
    CourseInstructorRole,
    CourseStaffRole,
)

log = logging.getLogger(__name__)

ROLES = {
    "beta": CourseBetaTesterRole,
    "instructor": CourseInstructorRole,
    "staff": CourseStaffRole,
    "ccx_coach": CourseCcxCoachRole,
}


def list_with_level(course_id, level):
    """
    The users with role ``level`` ("instructor", "staff", "beta", "ccx_coach") on the course ``course_id``.
    """
    return ROLES[level](course_id).users_with_role()


def allow_access(course, user, level, send_email=True):  # pylint: disable=unused-argument
    """
    Give ``user`` the role ``level`` on ``course`` (a course block); ``send_email`` is ignored (no mail here).
    """
    _change_access(course, user, level, "allow")


def revoke_access(course, user, level, send_email=True):  # pylint: disable=unused-argument
    """
    Take the role ``level`` on ``course`` away from ``user``.
    """
    _change_access(course, user, level, "revoke")


def _change_access(course, user, level, action):
    try:
        role = ROLES[level](course.id)
    except KeyError as exc:
        raise ValueError(f"unrecognized level '{level}'") from exc
    if action == "allow":
        role.add_users(user)
    elif action == "revoke":
        role.remove_users(user)
    else:
        raise ValueError(f"unrecognized action '{action}'")
