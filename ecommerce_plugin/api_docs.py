"""
The OpenAPI schema of the plugin's own APIs on the ecommerce, with Swagger UI and ReDoc pages over it:
``/api/commerce-plugins/schema/``, ``/api/commerce-plugins/docs/`` and ``/api/commerce-plugins/redoc/``
(drf-spectacular, which the extra installs; ``commerce_plugins_common.api_docs``). Signed-in users
only, like the APIs they describe.
"""
from edx_rest_framework_extensions.auth.jwt.authentication import JwtAuthentication
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

from commerce_plugins_common.api_docs import docs_urlpatterns

urlpatterns = docs_urlpatterns(
    __name__,
    urlconf="ecommerce_plugin.urls",
    title="Open edX commerce plugins: ecommerce APIs",
    schema_url_name="commerce_ecommerce:commerce-plugins-schema",
    authentication_classes=(JwtAuthentication, SessionAuthentication),
    permission_classes=(IsAuthenticated,),
)
