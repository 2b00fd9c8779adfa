"""REST API of the CCX feature."""
