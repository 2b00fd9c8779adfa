"""
CCX external ids: create-or-update CCXs by a client's own id, sync or as durable async jobs.
"""
