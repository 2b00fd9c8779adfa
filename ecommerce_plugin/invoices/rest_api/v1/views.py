"""
Invoices API, finance admins of the course only: issue, list, download codes, mark paid or void.
"""
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from ecommerce_plugin.api_errors import invalid, refused
from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.finance.errors import FinanceError
from ecommerce_plugin.invoices import api
from ecommerce_plugin.invoices.rest_api.v1.serializers import InvoiceSerializer, IssueInvoiceSerializer


class InvoicesView(CommerceAPIView):
    """
    ``GET ?course_key=``: the course's invoices. ``POST``: issue an invoice and its codes (201).
    """

    @extend_schema(responses={200: InvoiceSerializer(many=True)})
    def get(self, request):
        try:
            invoices = api.list_invoices(request.user, request.query_params.get("course_key", ""))
        except FinanceError as exc:
            return refused(exc)
        return Response(InvoiceSerializer(invoices, many=True).data)

    @extend_schema(request=IssueInvoiceSerializer, responses={201: InvoiceSerializer})
    def post(self, request):
        serializer = IssueInvoiceSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        try:
            invoice = api.issue_invoice(request.user, **serializer.validated_data)
        except FinanceError as exc:
            return refused(exc)
        return Response(InvoiceSerializer(invoice).data, status=status.HTTP_201_CREATED)


class InvoiceView(CommerceAPIView):
    @extend_schema(responses={200: InvoiceSerializer})
    def get(self, request, invoice_id):
        try:
            return Response(InvoiceSerializer(api.get_invoice(request.user, invoice_id)).data)
        except FinanceError as exc:
            return refused(exc)


class InvoiceCodesCsvView(CommerceAPIView):
    @extend_schema(responses={(200, "text/csv"): str})
    def get(self, request, invoice_id):
        try:
            body = api.codes_csv(request.user, invoice_id)
        except FinanceError as exc:
            return refused(exc)
        response = HttpResponse(body, content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="invoice-{invoice_id}-codes.csv"'
        return response


class InvoiceActionView(CommerceAPIView):
    """
    ``POST .../paid`` or ``POST .../void``.
    """

    action = None

    @extend_schema(request=None, responses={200: InvoiceSerializer})
    def post(self, request, invoice_id):
        try:
            invoice = (api.mark_paid if self.action == "paid" else api.void)(request.user, invoice_id)
        except FinanceError as exc:
            return refused(exc)
        return Response(InvoiceSerializer(invoice).data)
