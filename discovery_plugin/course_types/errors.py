"""
Error codes of the course types API: the ``error_code`` of every 400/404/409 answer and of every rule violation.
"""

# A professional (or no-id-professional) track shares its run type with another track.
PROFESSIONAL_TRACK_NOT_ALONE = "professional_track_not_alone"
# A course type allows a professional run type next to a non-professional one.
PROFESSIONAL_COURSE_TYPE_MIXED = "professional_course_type_mixed"
# A course type's entitlement seat type is sold by no track of its allowed run types.
ENTITLEMENT_TYPE_NOT_IN_RUN_TYPES = "entitlement_type_not_in_run_types"
# A run's type is not one its course's type allows.
RUN_TYPE_NOT_ALLOWED = "run_type_not_allowed_by_course_type"
# A run is given a type while its course has none.
COURSE_HAS_NO_TYPE = "course_has_no_type"
# A change would leave a run with paid seats of a seat type its type no longer sells.
PAID_SEAT_TYPE_DROPPED = "paid_seat_type_dropped"
# A mode, track, run type or course type is still used and cannot be deleted or withdrawn.
TYPE_IN_USE = "type_in_use"
# Request body or query parameter is malformed.
INVALID_INPUT = "invalid_input"
# No course, run or type has the key or slug asked for.
NOT_FOUND = "not_found"
