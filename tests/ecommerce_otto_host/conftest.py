"""
The Otto-faithful sandbox suite: the ecommerce sandbox with ``ecommerce.settings.otto_test``.
"""
