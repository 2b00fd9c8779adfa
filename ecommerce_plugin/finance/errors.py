"""
Error codes of the finance API.
"""
from ecommerce_plugin.api_errors import CommerceError

NOT_FINANCE_ADMIN = "not_finance_admin"
NOT_COURSE_STAFF = "not_course_staff"
INVALID_REQUEST = "invalid_request"
SEAT_NOT_FOUND = "seat_not_found"
LMS_UNAVAILABLE = "lms_unavailable"
COURSE_NOT_FOUND = "course_not_found"
PERIOD_NOT_SUPPORTED = "period_not_supported"


class FinanceError(CommerceError):
    """
    A refusal of this API; see ``ecommerce_plugin.api_errors``.
    """
