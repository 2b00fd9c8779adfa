"""
Error codes of the registration-codes API.
"""
from ecommerce_plugin.api_errors import CommerceError

INVALID_REQUEST = "invalid_request"
# One answer for every code the learner may not use (unknown, used, void, withdrawn, or a second
# code for a course they already redeemed one for): telling them apart would let a guesser learn
# which codes exist.
CODE_UNUSABLE = "code_unusable"
COURSE_CLOSED = "course_closed"
COURSE_FULL = "course_full"
SEAT_NOT_FOUND = "seat_not_found"
TOO_MANY_SEATS = "too_many_seats"
REDEMPTION_NOT_FOUND = "redemption_not_found"


class RegistrationCodeError(CommerceError):
    """
    A refusal of this API; see ``ecommerce_plugin.api_errors``.
    """
