"""
Error codes of the paid-enrollments API and filter step.
"""
PURCHASE_REQUIRED = "purchase_required"
INVALID_COURSE_KEY = "invalid_course_key"
COURSE_NOT_FOUND = "course_not_found"
