from django.urls import include, path

urlpatterns = [
    path("api/commerce/paid-enrollments/v1/", include("lms_plugin.paid_enrollments.rest_api.v1.urls")),
]
