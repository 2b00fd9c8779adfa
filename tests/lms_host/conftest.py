"""
Fixtures of the LMS suite; it runs inside the sandbox LMS with its test settings.
"""
