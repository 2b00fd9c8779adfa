"""
Error codes of the pending-enrollments API.
"""
INVALID_TOKEN = "invalid_token"
TOKEN_FOR_ANOTHER_USER = "token_for_another_user"
INVALID_COURSE_ID = "invalid_course_id"


class PendingEnrollmentError(Exception):
    def __init__(self, error_code, message):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
