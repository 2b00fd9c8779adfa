"""
URLs of the sandbox ecommerce service: Oscar's shop, the admin, then every plugin's urls.
"""
from django.apps import apps
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from edx_django_utils.plugins import get_plugin_url_patterns

from ecommerce.plugins import PROJECT_TYPE

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="openapi-schema"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("sandbox_ecommerce.urls")),
]
if apps.is_installed("ecommerce.extensions.fulfillment"):
    # The Otto-faithful settings: Otto's order API (ecommerce-worker PUTs ``orders/<number>/fulfill/``).
    urlpatterns.append(path("api/v2/", include(("ecommerce.extensions.api.v2.urls", "v2"))))
urlpatterns.extend(get_plugin_url_patterns(PROJECT_TYPE))
urlpatterns.append(path("", include(apps.get_app_config("oscar").urls[0])))
