"""
Codes of the discount engine: why a learner is not eligible, and the REST API's errors.

The ineligibility reasons are stable strings: logs, the filter step's message and tests use them.
"""
# Why ``can_receive_discount`` said no (``DiscountEligibility.reason``).
FEATURE_DISABLED = "feature_disabled"
COURSE_NOT_FOUND = "course_not_found"
COURSE_ENDED = "course_ended"
NO_VERIFIED_MODE = "no_verified_mode"
RESTRICTED = "restricted_by_configuration"
ALREADY_PAID = "already_in_paid_mode"
NOT_FIRST_PURCHASE = "not_first_purchase"
HOLDS_ENTITLEMENT = "holds_entitlement"
NOT_ENROLLED = "not_enrolled"
WINDOW_CLOSED = "eligibility_window_closed"
EXEMPTED_BY_FILTER = "exempted_by_filter"

# REST API errors (400 ``{"error_code", "message"}``).
INVALID_COURSE_KEY = "invalid_course_key"
