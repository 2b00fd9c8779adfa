"""
Error codes of the course types rules and API: the ``error_code`` of every refusal and every 4xx answer.
"""

# A professional (or no-id-professional) track shares its run type with another track.
PROFESSIONAL_TRACK_NOT_ALONE = "professional_track_not_alone"
# A course type allows a professional run type next to a non-professional one.
PROFESSIONAL_COURSE_TYPE_MIXED = "professional_course_type_mixed"
# A course type's entitlement seat type is sold by no track of its allowed run types.
ENTITLEMENT_TYPE_NOT_SOLD = "entitlement_type_not_sold"
# A course type has more than one entitlement seat type (a course has at most one entitlement).
TOO_MANY_ENTITLEMENT_TYPES = "too_many_entitlement_types"
# A run's type is not one its course's type allows (checked when strict run types are on).
RUN_TYPE_NOT_ALLOWED = "run_type_not_allowed_by_course_type"
# A run has paid seats of a seat type its (new) run type has no track for.
PAID_SEAT_TYPE_DROPPED = "paid_seat_type_dropped"
# A mode, seat type, track, run type or course type is still used and cannot be deleted or withdrawn.
TYPE_IN_USE = "type_in_use"
# A run whose type is Empty (or none) under a typed course: exactly one allowed run type fits its seats.
RUN_TYPE_MISSING = "run_type_missing"
# Request query parameter is malformed.
INVALID_INPUT = "invalid_input"
# No course, run or type has the key or slug asked for (for this site's partner).
NOT_FOUND = "not_found"
# The request's site has no partner, so no course key can be resolved.
PARTNER_NOT_FOUND = "partner_not_found"
