from django.urls import path

from ecommerce_plugin.course_pages import views

urlpatterns = [
    path("commerce/courses/", views.index, name="course-pages"),
    path("commerce/courses/<str:course_key>/", views.course_page, name="course-page"),
    path("commerce/courses/<str:course_key>/coupons/", views.create_coupon, name="course-page-coupon-create"),
    path("commerce/courses/<str:course_key>/invoices/", views.issue_invoice, name="course-page-invoice-issue"),
    path(
        "commerce/courses/<str:course_key>/invoices/<int:invoice_id>/", views.invoice_page, name="course-page-invoice"
    ),
    path(
        "commerce/courses/<str:course_key>/invoices/<int:invoice_id>/paid/",
        views.invoice_action,
        {"action": "paid"},
        name="course-page-invoice-paid",
    ),
    path(
        "commerce/courses/<str:course_key>/invoices/<int:invoice_id>/void/",
        views.invoice_action,
        {"action": "void"},
        name="course-page-invoice-void",
    ),
    path(
        "commerce/courses/<str:course_key>/invoices/<int:invoice_id>/codes.csv",
        views.invoice_codes_csv,
        name="course-page-invoice-codes",
    ),
    path("commerce/courses/<str:course_key>/seats/<str:sku>/price/", views.change_price, name="course-page-price"),
]
