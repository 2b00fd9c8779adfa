from django.urls import include, path

from lms_plugin.pending_enrollments import views

urlpatterns = [
    path("commerce/pending-enrollments/from-receipt/", views.from_receipt, name="pending-enrollments-from-receipt"),
    path("api/pending_enrollments/v1/", include("lms_plugin.pending_enrollments.rest_api.v1.urls")),
]
