"""
Why a discount token was not honoured. The code is for logs and tests; the message is shown to the learner.
"""
from django.utils.translation import gettext_lazy as _

TOKEN_MALFORMED = "discount_token_malformed"
TOKEN_ALGORITHM_REFUSED = "discount_token_algorithm_refused"
TOKEN_WRONG_AUDIENCE = "discount_token_wrong_audience"
TOKEN_INVALID = "discount_token_invalid"
TOKEN_EXPIRED = "discount_token_expired"
WRONG_USER = "discount_token_wrong_user"
WRONG_COURSE = "discount_token_wrong_course"
NOT_APPLICABLE = "discount_not_applicable"
BAD_PERCENT = "discount_percent_invalid"
ALREADY_USED = "discount_token_already_used"
BASKET_NOT_ONE_SEAT = "discount_basket_not_one_seat"
TOKEN_V1_REFUSED = "discount_token_v1_refused"
# Otto: the discount the learner was shown no longer holds at payment; the payment is refused.
DISCOUNT_CHANGED = "discount_changed"

MESSAGES = {
    TOKEN_MALFORMED: _("The discount link is damaged, so the full price applies."),
    TOKEN_ALGORITHM_REFUSED: _("The discount could not be verified, so the full price applies."),
    TOKEN_WRONG_AUDIENCE: _("The discount could not be verified, so the full price applies."),
    TOKEN_INVALID: _("The discount could not be verified, so the full price applies."),
    TOKEN_EXPIRED: _("The discount offer has expired; reload the page to check for a new one. Full price applies."),
    WRONG_USER: _("This discount belongs to another learner, so the full price applies."),
    WRONG_COURSE: _("This discount is for another course, so the full price applies."),
    NOT_APPLICABLE: _("No discount applies to this course for you, so the full price applies."),
    BAD_PERCENT: _("The discount could not be verified, so the full price applies."),
    ALREADY_USED: _("This discount was already used for another order, so the full price applies."),
    TOKEN_V1_REFUSED: _("The discount could not be verified, so the full price applies."),
    DISCOUNT_CHANGED: _("The discount shown no longer applies; reload the page to see the current price. "
                        "You have not been charged."),
    BASKET_NOT_ONE_SEAT: _("The discount applies to a basket with a single course seat only; full price applies."),
}
