from django.urls import path

from ecommerce_plugin.ccx_purchases.rest_api.v1 import views

urlpatterns = [
    path("courses/<str:master_course_id>/", views.CourseView.as_view(), name="ccx-course"),
    path("quotes/", views.QuoteView.as_view(), name="ccx-quote"),
    path("basket/lines/", views.BasketLinesView.as_view(), name="ccx-basket-lines"),
    path("purchases/", views.PurchaseListView.as_view(), name="ccx-purchases"),
    path("purchases/<str:external_id>/", views.PurchaseDetailView.as_view(), name="ccx-purchase"),
]
