from django.urls import path

from lms_plugin.pending_enrollments.rest_api.v1 import views

urlpatterns = [
    path("status/", views.PendingEnrollmentStatusView.as_view(), name="pending-enrollments-status"),
    path("fulfillment/", views.FulfillmentStateView.as_view(), name="pending-enrollments-fulfillment"),
]
