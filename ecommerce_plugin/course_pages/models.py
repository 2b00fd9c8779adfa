"""
No models: the pages act through the invoices, coupons, catalog and finance features' ``api`` modules.
"""
