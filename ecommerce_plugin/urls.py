"""
URLs the ecommerce service mounts through ``get_plugin_url_patterns``.
"""
urlpatterns = []
