"""
Finance pages and API: seat prices, the audits as JSON, CSV and report pages with a chart.

Every view checks the finance_admin role of the course it touches.
"""
from dataclasses import asdict, fields

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.finance import api, errors, reports
from ecommerce_plugin.finance.errors import FinanceError


class PriceSerializer(serializers.Serializer):
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)


class SeatPriceView(CommerceAPIView):
    """
    ``PUT {"price"}``: the seat's new price; finance admins of its course only.
    """

    @extend_schema(request=PriceSerializer, responses={200: None})
    def put(self, request, sku):
        serializer = PriceSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(
                {
                    "error_code": errors.INVALID_REQUEST,
                    "message": _("Invalid request."),
                    "field_errors": serializer.errors,
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            course_key, old, new = api.change_seat_price(request.user, sku, serializer.validated_data["price"])
        except FinanceError as exc:
            return Response(exc.as_dict(), status=exc.http_status)
        return Response({"sku": sku, "course_key": course_key, "old_price": str(old), "price": str(new)})


def _audit_rows(user, audit, course_key):
    if audit not in reports.AUDITS:
        raise Http404
    api.require_finance_admin(user, course_key)
    function, title = reports.AUDITS[audit]
    return function([course_key]), title


class AuditView(CommerceAPIView):
    """
    ``GET /api/commerce/v1/finance/audits/{audit}/?course_key=`` (JSON; ``&format=csv`` for CSV).
    """

    def get(self, request, audit):
        try:
            rows, _title = _audit_rows(request.user, audit, request.query_params.get("course_key", ""))
        except FinanceError as exc:
            return Response(exc.as_dict(), status=exc.http_status)
        if request.query_params.get("output") == "csv":
            row_type = type(rows[0]) if rows else None
            body = reports.as_csv(rows, row_type) if row_type else ""
            return HttpResponse(body, content_type="text/csv")
        return Response([{k: str(v) if not isinstance(v, int) else v for k, v in asdict(row).items()} for row in rows])


@login_required
def report_index(request):
    return render(
        request,
        "ecommerce_plugin/finance/report_index.html",
        {"courses": api.finance_admin_courses(request.user), "audits": reports.AUDITS},
    )


@login_required
def report_page(request, audit, course_key):
    try:
        rows, title = _audit_rows(request.user, audit, course_key)
    except FinanceError as exc:
        return render(request, "ecommerce_plugin/finance/refused.html", {"error": exc.as_dict()}, status=403)
    columns = [f.name for f in fields(type(rows[0]))] if rows else []
    table = [[getattr(row, name) for name in columns] for row in rows]
    return render(
        request,
        "ecommerce_plugin/finance/report.html",
        {
            "title": title,
            "audit": audit,
            "course_key": course_key,
            "columns": columns,
            "table": table,
            "chart": reports.bar_chart(rows, reports.CHART_SERIES[audit]),
        },
    )
