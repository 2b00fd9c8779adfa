"""
Fixtures of the discovery suite; it runs inside the sandbox discovery service with its test settings.
"""
