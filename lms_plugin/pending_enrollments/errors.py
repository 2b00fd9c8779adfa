"""
Error codes of the pending-enrollments API.
"""
INVALID_TOKEN = "invalid_token"
TOKEN_FOR_ANOTHER_USER = "token_for_another_user"
TOKEN_ALREADY_USED = "token_already_used"
INVALID_COURSE_ID = "invalid_course_id"
INVALID_REQUEST = "invalid_request"
UNKNOWN_USER = "unknown_user"


class PendingEnrollmentError(Exception):
    def __init__(self, error_code, message):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
