"""
Error codes of the finance API.
"""
NOT_FINANCE_ADMIN = "not_finance_admin"
NOT_COURSE_STAFF = "not_course_staff"
INVALID_REQUEST = "invalid_request"
SEAT_NOT_FOUND = "seat_not_found"
LMS_UNAVAILABLE = "lms_unavailable"
COURSE_NOT_FOUND = "course_not_found"


class FinanceError(Exception):
    def __init__(self, error_code, message, http_status=400):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
        self.http_status = http_status

    def as_dict(self):
        return {"error_code": self.error_code, "message": self.message}
