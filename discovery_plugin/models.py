"""
Models of the discovery service plugin live in the feature folders; this module keeps
the app importable as a models-bearing app so its migrations run.
"""
