from django.urls import path

from ecommerce_plugin.invoices.rest_api.v1 import views

urlpatterns = [
    path("", views.InvoicesView.as_view(), name="invoices"),
    path("<int:invoice_id>/", views.InvoiceView.as_view(), name="invoice"),
    path("<int:invoice_id>/codes.csv", views.InvoiceCodesCsvView.as_view(), name="invoice-codes-csv"),
    path("<int:invoice_id>/paid/", views.InvoiceActionView.as_view(action="paid"), name="invoice-paid"),
    path("<int:invoice_id>/void/", views.InvoiceActionView.as_view(action="void"), name="invoice-void"),
]
