"""
Error codes of held seats (a basket or a checkout refused because the learner has the seat).
"""
SEAT_ALREADY_HELD = "seat_already_held"
SEAT_ALREADY_PAID = "seat_already_paid"
