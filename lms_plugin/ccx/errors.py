"""
Error codes of the CCX API (v1) and of ``api.py``: v0's codes for v0's checks, new ones for the new checks.

Every failure is a ``CcxApiError`` carrying either one ``error_code`` (answered as
``{"error_code": ...}``) or per-field codes (``{"field_errors": {field: {"error_code": ...}}}``),
with the HTTP status v0 uses for it.
"""

# v0's codes (lms/djangoapps/ccx/api/v0/views.py), same meaning, same status.
MASTER_COURSE_ID_NOT_PROVIDED = "master_course_id_not_provided"  # 400
COURSE_ID_NOT_PROVIDED = "course_id_not_provided"  # 400
COURSE_ID_NOT_VALID = "course_id_not_valid"  # 400
COURSE_ID_DOES_NOT_EXIST = "course_id_does_not_exist"  # 404
DEPRECATED_MASTER_COURSE_ID = "deprecated_master_course_id"  # 400
CCX_NOT_ENABLED_FOR_MASTER_COURSE = "ccx_not_enabled_for_master_course"  # 403
COURSE_ID_NOT_VALID_CCX_ID = "course_id_not_valid_ccx_id"  # 400
CCX_COURSE_ID_DOES_NOT_EXIST = "ccx_course_id_does_not_exist"  # 404
COACH_USER_DOES_NOT_EXIST = "coach_user_does_not_exist"  # 404
COURSE_MODULE_LIST_NOT_BELONGING_TO_MASTER_COURSE = "course_module_list_not_belonging_to_master_course"  # 400
MASTER_COURSE_ID_CHANGE_NOT_ALLOWED = "master_course_id_change_not_allowed"  # 403
# v0's per-field codes: missing_field_<f>, null_field_<f>, invalid_<f>, invalid_course_module_keys,
# invalid_course_module_list.
INVALID_COURSE_MODULE_KEYS = "invalid_course_module_keys"
INVALID_COURSE_MODULE_LIST = "invalid_course_module_list"

# New in v1.
MAX_STUDENTS_ALLOWED_BELOW_ENROLLMENT_COUNT = "max_students_allowed_below_enrollment_count"  # field, 400
INVALID_EXTERNAL_ID = "invalid_external_id"  # field, 400
EXTERNAL_ID_ALREADY_EXISTS = "external_id_already_exists"  # 409 (POST with an external id in use)
EXTERNAL_ID_DOES_NOT_EXIST = "external_id_does_not_exist"  # 404
JOB_DOES_NOT_EXIST = "job_does_not_exist"  # 404
JOB_RETRIES_EXHAUSTED = "job_retries_exhausted"  # job failure: the database kept failing
INTERNAL_ERROR = "internal_error"  # job failure: an unexpected exception (see the worker's log)
INVALID_REQUEST_BODY = "invalid_request_body"  # 400: the body is not a JSON object (or form)
PERMISSION_DENIED = "permission_denied"  # 403: not staff/instructor of the course the write acts on


def missing_field(field):
    return f"missing_field_{field}"


def null_field(field):
    return f"null_field_{field}"


def invalid_field(field):
    return f"invalid_{field}"


class CcxApiError(Exception):
    """
    A refused CCX request: one error code or per-field codes, and the HTTP status that goes with it.
    """

    def __init__(self, error_code=None, http_status=400, field_errors=None):
        self.error_code = error_code
        self.http_status = http_status
        self.field_errors = field_errors or None
        super().__init__(error_code or str(field_errors))

    @property
    def body(self):
        """
        The v0-format response body.
        """
        if self.field_errors:
            return {"field_errors": {field: {"error_code": code} for field, code in self.field_errors.items()}}
        return {"error_code": self.error_code}

    @property
    def code(self):
        """
        One code for job records: the error code, or the first field's code.
        """
        if self.error_code:
            return self.error_code
        return next(iter(self.field_errors.values()))
