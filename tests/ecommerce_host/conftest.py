"""
Fixtures of the ecommerce suite; it runs inside the sandbox ecommerce service with its test settings.
"""
