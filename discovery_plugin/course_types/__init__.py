"""
Course types: which LMS modes and which ecommerce products every course and course run must have.
"""
