"""
Course types for course discovery: Mode, Track, CourseRunType, CourseType.
"""
