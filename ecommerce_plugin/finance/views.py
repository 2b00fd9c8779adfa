"""
Finance pages and API: seat prices, the audits as JSON, CSV and report pages with a chart.

Every view checks the finance_admin role of the course it touches.
"""
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.finance import api, errors, reports
from ecommerce_plugin.finance.data import DateRange
from ecommerce_plugin.finance.errors import FinanceError


class PriceSerializer(serializers.Serializer):
    price = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=Decimal("0"))


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


class PeriodSerializer(serializers.Serializer):
    """The optional date range of an audit: inclusive calendar dates (YYYY-MM-DD)."""

    since = serializers.DateField(required=False, allow_null=True)
    until = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs):
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and since > until:
            raise serializers.ValidationError({"until": [_("The end date is before the start date.")]})
        return attrs


def _period(params):
    """The ``DateRange`` of the query, or raises ``FinanceError`` (``invalid_request``)."""
    serializer = PeriodSerializer(data={key: params[key] for key in ("since", "until") if params.get(key)})
    if not serializer.is_valid():
        error = FinanceError(errors.INVALID_REQUEST, _("The date range is not valid."), 400)
        error.field_errors = serializer.errors
        raise error
    return DateRange(serializer.validated_data.get("since"), serializer.validated_data.get("until"))


def _audit_rows(user, slug, course_key, period):
    audit = reports.AUDITS.get(slug)
    if audit is None:
        raise Http404
    api.require_finance_admin(user, course_key)
    if period and not audit.takes_period:
        raise FinanceError(
            errors.PERIOD_NOT_SUPPORTED,
            _("The enrollment audit covers the whole course: the LMS's counts are not dated."),
            400,
        )
    return audit, audit.run([course_key], period=period)


def _refusal(exc):
    body = exc.as_dict()
    if getattr(exc, "field_errors", None):
        body["field_errors"] = exc.field_errors
    return body


def csv_download(audit, rows, course_key, period):
    """The audit as a CSV file download: a header row always, a file name saying what it holds."""
    parts = [audit.slug, course_key.replace(":", "_").replace("+", "_")]
    if period:
        parts.append(f"{period.since or ''}_{period.until or ''}")
    response = HttpResponse(reports.as_csv(rows, audit.row_type), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{"-".join(parts)}.csv"'
    return response


class AuditView(CommerceAPIView):
    """
    ``GET /api/commerce/v1/finance/audits/{audit}/?course_key=KEY[&since=YYYY-MM-DD][&until=YYYY-MM-DD]``:
    the audit's rows as JSON, or as a CSV file with ``&output=csv``. ``audit`` is ``enrollments``,
    ``payments`` or ``seats-sold``; the enrollment audit takes no date range (400
    ``period_not_supported``). Finance admins of the course only.
    """

    def get(self, request, audit):
        try:
            period = _period(request.query_params)
            found, rows = _audit_rows(request.user, audit, request.query_params.get("course_key", ""), period)
        except FinanceError as exc:
            return Response(_refusal(exc), status=exc.http_status)
        if request.query_params.get("output") == "csv":
            return csv_download(found, rows, request.query_params.get("course_key", ""), period)
        return Response([_as_json(row) for row in rows])


def _as_json(row):
    values = {}
    for key, value in asdict(row).items():
        if value is None or isinstance(value, (int, str)):
            values[key] = value
        elif isinstance(value, datetime):
            values[key] = value.isoformat()
        else:
            values[key] = str(value)
    return values


@login_required
def report_index(request):
    return render(
        request,
        "ecommerce_plugin/finance/report_index.html",
        {"courses": reports.titled(api.finance_admin_courses(request.user)), "audits": reports.AUDITS},
    )


def _cell(column, row):
    value = getattr(row, column.name)
    return {"kind": column.kind, "value": value, "currency": getattr(row, "currency", "")}


@login_required
def report_page(request, audit, course_key):
    try:
        period = _period(request.GET)
        found, rows = _audit_rows(request.user, audit, course_key, period)
    except FinanceError as exc:
        return render(request, "ecommerce_plugin/finance/refused.html", {"error": _refusal(exc)},
                      status=exc.http_status)
    query = {key: str(value) for key, value in (("since", period.since), ("until", period.until)) if value}
    return render(
        request,
        "ecommerce_plugin/finance/report.html",
        {
            "audit": found,
            "course_key": course_key,
            "course_title": rows[0].course_title if rows else course_key,
            "period": period,
            "csv_query": urlencode({"course_key": course_key, "output": "csv", **query}),
            "columns": found.columns,
            "table": [[_cell(column, row) for column in found.columns] for row in rows],
            "rows": rows,
            "computed_at": rows[0].computed_at if rows else None,
            "chart": reports.bar_chart(rows, found),
        },
    )
