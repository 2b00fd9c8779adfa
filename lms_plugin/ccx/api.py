"""
The CCX feature's Python API: create, create-or-update by external id, update, read and list CCXs, and jobs.

In-process callers (other features, management commands) use these functions; the
REST views are a thin layer over them. Inputs are the v0 request fields
(``master_course_id``, ``coach_email``, ``display_name``, ``max_students_allowed``,
``course_modules``); every refusal is a ``CcxApiError`` with v0's error codes,
raised before anything is written, and a write that fails midway is rolled back
whole. Writes given an ``actor`` (``data.CcxActor``) check, inside their transaction,
that the actor may write on the course the write really acts on. Outputs are
``data.CcxRecord`` values.
"""
import json
import logging
import re
import time

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey

from lms_plugin import platform

from . import errors
from .data import CcxActor, CcxJobRecord, CcxRecord
from .errors import CcxApiError
from .models import CcxExternalId, CcxJob

log = logging.getLogger(__name__)

MANDATORY_FIELDS = ("coach_email", "display_name", "max_students_allowed")
EXTERNAL_ID_PATTERN = re.compile(r"^[A-Za-z0-9._~:@+-]{1,255}$")
# Attempts of one create-or-update: a lost race for the external id, or a deadlock, is retried.
UPSERT_ATTEMPTS = 5
# MariaDB/MySQL errors that mean "try the transaction again": deadlock, lock wait timeout.
_RETRYABLE_MYSQL_ERRORS = {1213, 1205}
# Bounds of the stored values: the enrollment limit ends up in integer columns (the CCX's
# CourseOverview), the display name in CustomCourseForEdX.display_name (max_length 255 there).
MAX_STUDENTS_ALLOWED_RANGE = (0, 2**31 - 1)
DISPLAY_NAME_MAX_LENGTH = 255
EMAIL_MAX_LENGTH = 254
# CustomCourseForEdX ids are AutoField (a signed 32-bit column on MySQL).
CCX_ID_MAX = 2**31 - 1


# --- reading ------------------------------------------------------------------------------------


def get(ccx_course_id):
    """
    The CCX of a CCX course id string; CcxApiError with v0's codes when it is not one or does not exist.
    """
    ccx, __ = _ccx_from_id(ccx_course_id)
    return _record(ccx)


def get_by_external_id(external_id):
    """
    The CCX a client named ``external_id``, or None.
    """
    if not _is_valid_external_id(external_id):
        return None
    link = CcxExternalId.objects.select_related("ccx__coach").filter(external_id=external_id).first()
    if link is None or link.ccx is None:
        return None
    return _record(link.ccx, external_id=link.external_id)


def list_ccxs(master_course_id=None, external_id=None, order_by=None, sort_order=None):
    """
    The CCXs of a master course and/or with an external id, as a lazy sliceable sequence of CcxRecord.

    ``order_by`` may be ``id`` or ``display_name`` (``sort_order`` ``asc``/``desc``), as in v0.
    A ``master_course_id`` that is not a course key, or an unknown course, raises v0's errors.
    """
    queryset = platform.ccx_model().objects.select_related("coach", "commerce_external_id")
    if master_course_id is None and external_id is None:
        raise CcxApiError(errors.MASTER_COURSE_ID_NOT_PROVIDED)
    if master_course_id is not None:
        __, course_key = _master_course(master_course_id)
        queryset = queryset.filter(course_id=course_key)
    if external_id is not None:
        check_external_id(external_id)
        queryset = queryset.filter(commerce_external_id__external_id=external_id)
    ordering = "id"
    if order_by in ("id", "display_name"):
        ordering = f"{'-' if sort_order == 'desc' else ''}{order_by}"
    return RecordList(queryset.order_by(ordering))


class RecordList:
    """
    A queryset of CCXs seen as CcxRecords, built only for the slice a page asks for.
    """

    def __init__(self, queryset):
        self._queryset = queryset

    def count(self):
        return self._queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_record(ccx) for ccx in self._queryset[index]]
        return _record(self._queryset[index])


def master_course_key_of(ccx_course_id):
    """
    The master course key of a CCX (for permission checks), or None when there is no such CCX.
    """
    try:
        ccx, __ = _ccx_from_id(ccx_course_id)
    except CcxApiError:
        return None
    return ccx.course_id


def coach_id_of(ccx_course_id):
    """
    The user id of a CCX's coach, or None when there is no such CCX.
    """
    try:
        ccx, __ = _ccx_from_id(ccx_course_id)
    except CcxApiError:
        return None
    return ccx.coach_id


def master_course_key_of_external_id(external_id):
    """
    The master course key of the CCX with ``external_id``, or None when there is none.
    """
    if not _is_valid_external_id(external_id):
        return None
    link = CcxExternalId.objects.select_related("ccx").filter(external_id=external_id).first()
    return link.ccx.course_id if link is not None and link.ccx is not None else None


# --- writing ------------------------------------------------------------------------------------


def create(data, external_id=None, actor=None):
    """
    Create a CCX as the platform's v0 POST does; with ``external_id`` the id must be new (else 409).
    """
    if external_id is not None:
        check_external_id(external_id)
        if CcxExternalId.objects.filter(external_id=external_id).exists():
            raise CcxApiError(errors.EXTERNAL_ID_ALREADY_EXISTS, 409)
    prepared = _prepare_create(data, actor)
    try:
        with transaction.atomic():
            if external_id is not None:
                link = CcxExternalId.objects.create(external_id=external_id)
            ccx = _create_ccx(prepared)
            if external_id is not None:
                link.ccx = ccx
                link.save(update_fields=["ccx", "modified"])
            return _record(ccx, external_id=external_id)
    except IntegrityError as exc:
        if external_id is not None and CcxExternalId.objects.filter(external_id=external_id).exists():
            raise CcxApiError(errors.EXTERNAL_ID_ALREADY_EXISTS, 409) from exc
        raise


def create_or_update_by_external_id(external_id, data, actor=None):
    """
    Create the CCX named ``external_id`` (returns ``(record, True)``) or fully update it (``(record, False)``).

    Idempotent and safe under concurrency: the unique external id decides which of
    several simultaneous creates wins; the others update the winner's CCX.
    """
    check_external_id(external_id)
    for attempt in range(1, UPSERT_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                link = (
                    CcxExternalId.objects.select_for_update()
                    .filter(external_id=external_id)
                    .first()
                )
                if link is not None:
                    ccx = platform.ccx_model().objects.select_related("coach").get(pk=link.ccx_id)
                    _check_may_write(actor, ccx.course_id)
                    _update_ccx(ccx, data, partial=False)
                    return _record(ccx, external_id=external_id), False
                prepared = _prepare_create(data, actor)
                # Claim the id first: a concurrent claim waits here on the unique index, then fails.
                link = CcxExternalId.objects.create(external_id=external_id)
                ccx = _create_ccx(prepared)
                link.ccx = ccx
                link.save(update_fields=["ccx", "modified"])
                return _record(ccx, external_id=external_id), True
        except IntegrityError:
            if attempt == UPSERT_ATTEMPTS:
                raise
            log.info("CCX external id %s: lost a race (attempt %s), retrying", external_id, attempt)
        except OperationalError as exc:
            if attempt == UPSERT_ATTEMPTS or not _is_retryable(exc):
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def update(ccx_course_id, data, partial, actor=None):
    """
    Update a CCX: ``partial=False`` is v1's PUT (the three mandatory fields required, absent
    ``course_modules`` clears them), ``partial=True`` is v0's PATCH.
    """
    ccx, __ = _ccx_from_id(ccx_course_id)
    with transaction.atomic():
        ccx = platform.ccx_model().objects.select_for_update().select_related("coach").get(pk=ccx.pk)
        _check_may_write(actor, ccx.course_id)
        _update_ccx(ccx, data, partial=partial)
        return _record(ccx)


def delete(ccx_course_id, actor=None):
    """
    Delete a CCX as the platform's v0 DELETE does (its overrides, enrollments and course
    overview with it), and its external id, in one transaction.
    """
    ccx, ccx_key = _ccx_from_id(ccx_course_id)
    with transaction.atomic():
        ccx = platform.ccx_model().objects.select_for_update().get(pk=ccx.pk)
        _check_may_write(actor, ccx.course_id)
        CcxExternalId.objects.filter(ccx_id=ccx.pk).delete()
        platform.delete_ccx(ccx, ccx_key)


def check_external_id(external_id):
    """
    Refuse an external id that is not 1-255 URL-safe characters.
    """
    if not _is_valid_external_id(external_id):
        raise CcxApiError(field_errors={"external_id": errors.INVALID_EXTERNAL_ID})


def _is_valid_external_id(external_id):
    return isinstance(external_id, str) and EXTERNAL_ID_PATTERN.fullmatch(external_id) is not None


def validate_input(data, partial):
    """
    v0's field checks alone (no database), for requests answered before a job runs.
    """
    return _valid_input(data, ignore_missing=partial)


# --- jobs ---------------------------------------------------------------------------------------


def submit_job(actor, kind, payload, target=""):
    """
    Record an asynchronous CCX write and queue it once the recording commits; returns its CcxJobRecord.

    The job runs as ``actor`` (a ``CcxActor``): its permission is checked again when it
    writes, on the course it then acts on.
    """
    from .tasks import enqueue_ccx_job  # noqa: PLC0415  (tasks import this module)

    job = CcxJob.objects.create(
        creator=actor.user, as_trusted_service=actor.is_trusted_service, kind=kind, target=target, payload=payload
    )
    transaction.on_commit(lambda: enqueue_ccx_job(str(job.job_id)))
    return _job_record(job)


def get_job(job_id):
    """
    The CcxJobRecord of ``job_id``, or None.
    """
    job = CcxJob.objects.select_related("ccx__coach").filter(job_id=job_id).first()
    return None if job is None else _job_record(job)


def run_job(job_id):
    """
    Run a queued job once: a finished job (a redelivered message) is left as it is.

    The CCX write and the job's success commit together, so a worker that dies
    mid-job leaves no half-done CCX and the redelivered message simply runs again.
    Database errors propagate, for the task to retry.
    """
    job = CcxJob.objects.select_related("creator").filter(job_id=job_id).first()
    if job is None:
        log.warning("CCX job %s does not exist; nothing to run", job_id)
        return None
    if job.status in (CcxJob.Status.SUCCEEDED, CcxJob.Status.FAILED):
        log.info("CCX job %s already %s; redelivery ignored", job_id, job.status)
        return _job_record(job)
    CcxJob.objects.filter(pk=job.pk).update(status=CcxJob.Status.RUNNING, attempts=job.attempts + 1)
    try:
        with transaction.atomic():
            record = _perform(job)
            ccx_id = int(CourseKey.from_string(record.ccx_course_id).ccx)
            CcxJob.objects.filter(pk=job.pk).update(
                status=CcxJob.Status.SUCCEEDED, ccx_id=ccx_id, error_code=None, http_status=None,
                finished=timezone.now(),
            )
    except CcxApiError as exc:
        finish_job_as_failed(job_id, exc.code, exc.http_status)
    except OperationalError:
        raise
    except Exception:  # pylint: disable=broad-except
        log.exception("CCX job %s failed", job_id)
        finish_job_as_failed(job_id, errors.INTERNAL_ERROR, 500)
    return get_job(job_id)


def finish_job_as_failed(job_id, error_code, http_status=None):
    CcxJob.objects.filter(job_id=job_id).update(
        status=CcxJob.Status.FAILED, error_code=error_code, http_status=http_status, finished=timezone.now()
    )


def _perform(job):
    payload = job.payload
    actor = CcxActor(user=job.creator, is_trusted_service=job.as_trusted_service)
    if job.kind == CcxJob.Kind.UPSERT_EXTERNAL:
        record, __ = create_or_update_by_external_id(job.target, payload, actor=actor)
        return record
    if job.kind == CcxJob.Kind.CREATE:
        return create(payload, external_id=payload.get("external_id"), actor=actor)
    if job.kind in (CcxJob.Kind.UPDATE, CcxJob.Kind.PARTIAL_UPDATE):
        return update(job.target, payload, partial=job.kind == CcxJob.Kind.PARTIAL_UPDATE, actor=actor)
    raise ValueError(f"unknown CCX job kind {job.kind}")


def _job_record(job):
    ccx = job.ccx if job.ccx_id else None
    return CcxJobRecord(
        job_id=str(job.job_id),
        kind=job.kind,
        status=job.status,
        ccx=_record(ccx) if ccx is not None else None,
        error_code=job.error_code,
        http_status=job.http_status,
        creator_id=job.creator_id,
    )


# --- internals ----------------------------------------------------------------------------------


def _check_may_write(actor, course_key):
    """
    Refuse a write by ``actor`` on ``course_key`` unless it is a trusted service or staff/instructor there.
    """
    if actor is None or actor.is_trusted_service:
        return
    if not platform.is_master_course_staff_or_instructor(actor.user, course_key):
        raise CcxApiError(errors.PERMISSION_DENIED, 403)


def _is_retryable(exc):
    code = exc.args[0] if exc.args else None
    return code in _RETRYABLE_MYSQL_ERRORS or "database is locked" in str(exc)


def _master_course(master_course_id, for_create=False):
    """
    (course block, course key) of a master course id, refused with v0's codes and statuses.
    """
    if master_course_id is None:
        raise CcxApiError(errors.MASTER_COURSE_ID_NOT_PROVIDED)
    if not _is_clean_text(master_course_id, 255):
        raise CcxApiError(errors.COURSE_ID_NOT_VALID)
    try:
        course_key = CourseKey.from_string(master_course_id)
    except InvalidKeyError as exc:
        raise CcxApiError(errors.COURSE_ID_NOT_VALID) from exc
    course = platform.master_course_or_none(course_key)
    if course is None:
        raise CcxApiError(errors.COURSE_ID_DOES_NOT_EXIST, 404)
    if for_create:
        if course.id.deprecated:
            raise CcxApiError(errors.DEPRECATED_MASTER_COURSE_ID)
        if not course.enable_ccx:
            raise CcxApiError(errors.CCX_NOT_ENABLED_FOR_MASTER_COURSE, 403)
    return course, course_key


def _ccx_from_id(ccx_course_id):
    """
    (CCX, CCX course key) of a CCX course id string, refused with v0's codes.
    """
    if ccx_course_id is None:
        raise CcxApiError(errors.COURSE_ID_NOT_PROVIDED)
    if not _is_clean_text(ccx_course_id, 255):
        raise CcxApiError(errors.COURSE_ID_NOT_VALID)
    try:
        course_key = CourseKey.from_string(ccx_course_id)
    except InvalidKeyError as exc:
        raise CcxApiError(errors.COURSE_ID_NOT_VALID) from exc
    ccx_id = getattr(course_key, "ccx", None)
    if ccx_id is None:
        raise CcxApiError(errors.COURSE_ID_NOT_VALID_CCX_ID)
    if not str(ccx_id).isdigit() or not 1 <= int(ccx_id) <= CCX_ID_MAX:
        raise CcxApiError(errors.COURSE_ID_NOT_VALID_CCX_ID)
    ccx = (
        platform.ccx_model().objects.select_related("coach")
        .filter(id=ccx_id, course_id=course_key.to_course_locator()).first()
    )
    if ccx is None:
        raise CcxApiError(errors.CCX_COURSE_ID_DOES_NOT_EXIST, 404)
    return ccx, course_key


def _valid_input(data, ignore_missing):  # noqa: PLR0912  (v0's checks, field by field)
    """
    v0's input checks: the valid fields, or CcxApiError with v0's per-field codes.
    """
    valid, field_errors = {}, {}
    if not ignore_missing:
        missing = {field: errors.missing_field(field) for field in MANDATORY_FIELDS if field not in data}
        if missing:
            raise CcxApiError(field_errors=missing)

    coach_email = data.get("coach_email")
    if coach_email is not None:
        if _is_clean_text(coach_email, EMAIL_MAX_LENGTH) and platform.is_valid_email(coach_email):
            valid["coach_email"] = coach_email
        else:
            field_errors["coach_email"] = errors.invalid_field("coach_email")
    elif "coach_email" in data:
        field_errors["coach_email"] = errors.null_field("coach_email")

    display_name = data.get("display_name")
    if display_name is not None:
        if display_name and _is_clean_text(display_name, DISPLAY_NAME_MAX_LENGTH):
            valid["display_name"] = display_name
        else:
            field_errors["display_name"] = errors.invalid_field("display_name")
    elif "display_name" in data:
        field_errors["display_name"] = errors.null_field("display_name")

    max_students = data.get("max_students_allowed")
    if max_students is not None:
        count = _whole_number(max_students)
        low, high = MAX_STUDENTS_ALLOWED_RANGE
        if count is not None and low <= count <= high:
            valid["max_students_allowed"] = count
        else:
            field_errors["max_students_allowed"] = errors.invalid_field("max_students_allowed")
    elif "max_students_allowed" in data:
        field_errors["max_students_allowed"] = errors.null_field("max_students_allowed")

    modules = data.get("course_modules")
    if modules is not None:
        if isinstance(modules, list):
            try:
                modules = sorted(set(modules), key=str)
                for module in modules:
                    if not _is_clean_text(module, 255):
                        raise TypeError(module)
                    UsageKey.from_string(module)
            except (InvalidKeyError, TypeError):
                field_errors["course_modules"] = errors.INVALID_COURSE_MODULE_KEYS
            else:
                valid["course_modules"] = modules
        else:
            field_errors["course_modules"] = errors.INVALID_COURSE_MODULE_LIST
    elif "course_modules" in data:
        valid["course_modules"] = None

    if field_errors:
        raise CcxApiError(field_errors=field_errors)
    return valid


def _is_clean_text(value, max_length):
    """
    A string that fits its column and has no NUL byte (which MySQL truncates at and PostgreSQL refuses).
    """
    return isinstance(value, str) and len(value) <= max_length and "\x00" not in value


def _whole_number(value):
    """
    ``value`` as an int if it is one (JSON) or a string of digits (form bodies), else None.

    Booleans and floats are refused, not coerced: ``true`` or ``1.9`` is a client's mistake.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 12:
        return int(value)
    return None


def _coach(email):
    coach = platform.user_by_email_or_none(email)
    if coach is None:
        raise CcxApiError(errors.COACH_USER_DOES_NOT_EXIST, 404)
    return coach


def _check_modules(modules, master_course_key):
    if modules and not set(modules) <= set(platform.course_chapter_ids(master_course_key)):
        raise CcxApiError(errors.COURSE_MODULE_LIST_NOT_BELONGING_TO_MASTER_COURSE)


def _check_max_students(max_students, ccx_key):
    enrolled = platform.active_enrollment_count_excluding_staff(ccx_key) if ccx_key is not None else 0
    if max_students < enrolled:
        raise CcxApiError(field_errors={"max_students_allowed": errors.MAX_STUDENTS_ALLOWED_BELOW_ENROLLMENT_COUNT})


def _prepare_create(data, actor=None):
    """
    Every check of a create, in v0's order, before anything is written.
    """
    course, course_key = _master_course(data.get("master_course_id"), for_create=True)
    _check_may_write(actor, course_key)
    valid = _valid_input(data, ignore_missing=False)
    coach = _coach(valid["coach_email"])
    _check_modules(valid.get("course_modules"), course_key)
    _check_max_students(valid["max_students_allowed"], None)
    return course, course_key, valid, coach


def _create_ccx(prepared):
    """
    Write a new CCX the way the platform's v0 POST does (overrides, coach role and enrollment, staff).
    """
    course, course_key, valid, coach = prepared
    ccx = platform.ccx_model().objects.create(
        course_id=course.id,
        coach=coach,
        display_name=valid["display_name"],
        structure_json=json.dumps(valid.get("course_modules")),
    )
    platform.override_ccx_field(ccx, course, "start", timezone.now())
    platform.override_ccx_field(ccx, course, "due", None)
    platform.override_ccx_field(ccx, course, "max_student_enrollments_allowed", valid["max_students_allowed"])
    for chapter in course.get_children():
        platform.override_ccx_field(ccx, chapter, "visible_to_staff_only", True)
        for sequential in chapter.get_children():
            platform.override_ccx_field(ccx, sequential, "visible_to_staff_only", True)
            for vertical in sequential.get_children():
                platform.override_ccx_field(ccx, vertical, "visible_to_staff_only", True)
    platform.make_ccx_coach_on_master_course(coach, course_key)
    ccx_key = platform.ccx_locator(course.id, ccx.id)
    platform.enroll_coach_in_ccx(coach, course, ccx_key, ccx.display_name)
    platform.assign_ccx_staff_roles(ccx_key, coach, course, ccx.display_name, add_master_staff=True)
    transaction.on_commit(lambda: platform.send_course_published(ccx, ccx_key))
    return ccx


def _update_ccx(ccx, data, partial):
    """
    Apply an update to a (locked) CCX after all of v0's checks and ours; v0's PATCH writes for the rest.
    """
    master_course_id = data.get("master_course_id")
    if master_course_id is not None and str(ccx.course_id) != str(master_course_id):
        raise CcxApiError(errors.MASTER_COURSE_ID_CHANGE_NOT_ALLOWED, 403)
    valid = _valid_input(data, ignore_missing=partial)
    if not partial and "course_modules" not in valid:
        valid["course_modules"] = None
    ccx_key = platform.ccx_locator(ccx.course_id, ccx.id)
    coach = _coach(valid["coach_email"]) if "coach_email" in valid else None
    if "course_modules" in valid:
        _check_modules(valid["course_modules"], ccx.course_id)
    if "max_students_allowed" in valid:
        _check_max_students(valid["max_students_allowed"], ccx_key)

    course = platform.master_course_or_none(ccx.course_id)
    coach_changed = coach is not None and coach.id != ccx.coach_id
    if "display_name" in valid:
        ccx.display_name = valid["display_name"]
    if coach_changed:
        ccx.coach = coach
    if "course_modules" in valid:
        ccx.structure_json = json.dumps(valid["course_modules"])
    ccx.save()
    if "max_students_allowed" in valid:
        platform.override_ccx_field(ccx, course, "max_student_enrollments_allowed", valid["max_students_allowed"])
    if coach_changed:
        platform.make_ccx_coach_on_master_course(coach, ccx.course_id)
        platform.enroll_coach_in_ccx(coach, course, ccx_key, ccx.display_name)
        platform.assign_ccx_staff_roles(ccx_key, coach, course, ccx.display_name, add_master_staff=False)
    transaction.on_commit(lambda: platform.send_course_published(ccx, ccx_key))
    return ccx


def _record(ccx, external_id=None):
    if external_id is None:
        cache = ccx._state.fields_cache  # pylint: disable=protected-access
        if "commerce_external_id" in cache:  # loaded with select_related (None when there is no link)
            link = cache["commerce_external_id"]
        else:
            link = CcxExternalId.objects.filter(ccx_id=ccx.pk).only("external_id").first()
        external_id = link.external_id if link is not None else None
    structure = ccx.structure
    return CcxRecord(
        ccx_course_id=str(platform.ccx_locator(ccx.course_id, ccx.id)),
        master_course_id=str(ccx.course_id),
        display_name=ccx.display_name,
        coach_email=ccx.coach.email,
        start=ccx.start,
        due=ccx.due,
        max_students_allowed=ccx.max_student_enrollments_allowed,
        course_modules=tuple(structure) if structure else (),
        external_id=external_id,
    )

