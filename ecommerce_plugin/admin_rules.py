"""
What every admin class of the plugin declares: which fields the code owns (``machine_owned_fields``,
``ALL`` for a wholly machine-owned row); the rule is ``commerce_plugins_common.admin_rules``,
shared with the LMS plugin. And how a course run key typed in the admin is checked.
"""
from commerce_plugins_common.admin_rules import ALL, MachineOwnedFieldsAdmin

__all__ = ["ALL", "MachineOwnedFieldsAdmin", "validated_course_key"]


def validated_course_key(value):
    """
    ``value`` as a canonical course run key, or a ``ValidationError`` saying it is none.
    """
    from django.core.exceptions import ValidationError  # noqa: PLC0415
    from django.utils.translation import gettext as _  # noqa: PLC0415
    from opaque_keys import InvalidKeyError  # noqa: PLC0415
    from opaque_keys.edx.keys import CourseKey  # noqa: PLC0415

    try:
        return str(CourseKey.from_string((value or "").strip()))
    except InvalidKeyError:
        raise ValidationError(
            _("%(value)r is not a course run key (course-v1:ORG+COURSE+RUN).") % {"value": value},
            code="invalid_course_key",
        ) from None
