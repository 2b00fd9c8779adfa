"""
URLs the LMS mounts through ``get_plugin_url_patterns``.
"""
urlpatterns = []
