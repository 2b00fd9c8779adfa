"""
Commerce features of the LMS: CCX external ids and jobs, pending enrollments, course+user discounts.
"""
__version__ = "0.1.0"
