"""
Error codes of the registration-codes API.
"""
INVALID_REQUEST = "invalid_request"
CODE_NOT_FOUND = "code_not_found"
CODE_ALREADY_REDEEMED = "code_already_redeemed"
CODE_VOID = "code_void"
ALREADY_REDEEMED_FOR_COURSE = "already_redeemed_for_course"
COURSE_CLOSED = "course_closed"
COURSE_FULL = "course_full"
SEAT_NOT_FOUND = "seat_not_found"
TOO_MANY_SEATS = "too_many_seats"
REDEMPTION_NOT_FOUND = "redemption_not_found"


class RegistrationCodeError(Exception):
    def __init__(self, error_code, message, http_status=400):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
        self.http_status = http_status

    def as_dict(self):
        return {"error_code": self.error_code, "message": self.message}
