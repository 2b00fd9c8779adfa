"""
URLs the discovery service mounts through ``get_plugin_url_patterns``.
"""
urlpatterns = []
