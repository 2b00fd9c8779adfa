"""
Replica of openedx-platform ``lms/djangoapps/ccx/overrides.py`` (the override read/write functions; not the field-override provider).

Upstream converts values with the XBlock field's ``to_json``/``from_json``. A
block here may be any object with ``.location``: when it has ``.fields`` (a
mapping of XBlock-like fields) those are used, otherwise the known CCX fields
are converted the way XBlock's ``Date``/``Integer`` fields do (datetimes as ISO
8601 strings, ``Z`` for UTC). Upstream also caches overrides per CCX for the
request; the sandbox reads the table each time.
"""
import json
import logging
from datetime import UTC, datetime

from lms.djangoapps.ccx.models import CcxFieldOverride

log = logging.getLogger(__name__)

_DATE_FIELDS = {"start", "due", "end", "enrollment_start", "enrollment_end"}
_INTEGER_FIELDS = {"max_student_enrollments_allowed"}


def _date_to_json(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset().total_seconds() == 0:
            return value.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.isoformat()
    raise TypeError(f"Value stored must be a datetime object, not {type(value)}")


def _date_from_json(value):
    if value is None:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _integer_from_json(value):
    return None if value is None else int(value)


def _to_json(block, name, value):
    fields = getattr(block, "fields", None)
    if fields is not None and name in fields:
        return fields[name].to_json(value)
    if name in _DATE_FIELDS:
        return _date_to_json(value)
    return value


def _from_json(block, name, value):
    fields = getattr(block, "fields", None)
    if fields is not None and name in fields:
        return fields[name].from_json(value)
    if name in _DATE_FIELDS:
        return _date_from_json(value)
    if name in _INTEGER_FIELDS:
        return _integer_from_json(value)
    return value


def get_override_for_ccx(ccx, block, name, default=None):
    """
    Gets the value of the overridden field for the `ccx`.  `block` and `name`
    specify the block and the name of the field.  If the field is not
    overridden for the given ccx, returns `default`.
    """
    if block is None:
        return default
    try:
        override = CcxFieldOverride.objects.get(ccx=ccx, location=block.location, field=name)
    except CcxFieldOverride.DoesNotExist:
        return default
    return _from_json(block, name, json.loads(override.value))


def override_field_for_ccx(ccx, block, name, value):
    """
    Overrides a field for the `ccx`.  `block` and `name` specify the block
    and the name of the field on that block to override.  `value` is the
    value to set for the given field.
    """
    serialized_value = json.dumps(_to_json(block, name, value))
    override, created = CcxFieldOverride.objects.get_or_create(
        ccx=ccx, location=block.location, field=name, defaults={"value": serialized_value}
    )
    if not created and override.value != serialized_value:
        override.value = serialized_value
        override.save()
    _clear_cached_properties(ccx, name)


def clear_override_for_ccx(ccx, block, name):
    """
    Clears a previously set field override for the `ccx`.  `block` and `name`
    specify the block and the name of the field on that block for which to clear
    the override.
    """
    CcxFieldOverride.objects.filter(ccx=ccx, location=block.location, field=name).delete()
    _clear_cached_properties(ccx, name)


def _clear_cached_properties(ccx, name):
    # The CCX's ``start``/``due``/``max_student_enrollments_allowed`` are cached per instance.
    ccx.__dict__.pop(name, None)
