from django.urls import include, path

urlpatterns = [
    path("api/commerce/v1/invoices/", include("ecommerce_plugin.invoices.rest_api.v1.urls")),
]
