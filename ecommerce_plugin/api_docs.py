"""
The shop's docs pages of the plugin's APIs (``/api/commerce-plugins/{schema,docs,redoc}/``, made by
``commerce_plugins_common.api_docs``): for signed-in users only, like the APIs they describe.
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
