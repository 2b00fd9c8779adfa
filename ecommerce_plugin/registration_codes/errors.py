"""
Error codes of the registration-codes API.
"""
from ecommerce_plugin.api_errors import CommerceError

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


class RegistrationCodeError(CommerceError):
    """
    A refusal of this API; see ``ecommerce_plugin.api_errors``.
    """
