from django.urls import path, re_path

from ecommerce_plugin.finance import views

urlpatterns = [
    path("api/commerce/v1/finance/seats/<str:sku>/price/", views.SeatPriceView.as_view(), name="finance-seat-price"),
    path("api/commerce/v1/finance/audits/<str:audit>/", views.AuditView.as_view(), name="finance-audit"),
    path("commerce/finance/reports/", views.report_index, name="finance-reports"),
    re_path(
        r"^commerce/finance/reports/(?P<audit>[a-z-]+)/(?P<course_key>[^/]+)/$",
        views.report_page,
        name="finance-report",
    ),
]
