"""
The audits as CSV and as a small inline SVG bar chart (no JavaScript, no chart library).
"""
import csv
import io
from dataclasses import asdict, fields

from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.finance import api

AUDITS = {
    "enrollments": (api.enrollment_audit, _("Enrollments vs purchases + redeemed codes + staff")),
    "payments": (api.payment_audit, _("Shop totals vs the payment processor (refunds apart)")),
    "seats-sold": (api.seats_sold, _("Seats sold")),
}
# Which columns the chart draws, per audit.
CHART_SERIES = {
    "enrollments": ("total_enrolled", "single_seat_purchases", "redeemed_codes", "staff_enrolled"),
    "payments": ("shop_total", "processor_charged", "processor_refunded"),
    "seats-sold": ("single_seat_purchases", "codes_from_purchases", "codes_from_invoices"),
}
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728")


def as_csv(rows, row_type):
    out = io.StringIO()
    writer = csv.writer(out)
    names = [f.name for f in fields(row_type)]
    writer.writerow(names)
    for row in rows:
        values = asdict(row)
        writer.writerow([values[name] for name in names])
    return out.getvalue()


def bar_chart(rows, series, width=720, bar_height=12):
    """
    Grouped horizontal bars, one group per course, as SVG markup (values escaped by the template).
    """
    groups = []
    peak = max([float(getattr(row, name)) for row in rows for name in series] + [1.0])
    y = 10
    for row in rows:
        bars = []
        for index, name in enumerate(series):
            value = float(getattr(row, name))
            bars.append(
                {
                    "y": y + index * (bar_height + 2),
                    "width": max(1, int((width - 260) * value / peak)),
                    "colour": COLOURS[index % len(COLOURS)],
                    "label": f"{name}: {getattr(row, name)}",
                }
            )
        groups.append({"course_key": row.course_key, "y": y, "bars": bars})
        y += len(series) * (bar_height + 2) + 16
    return {"width": width, "height": y + 10, "groups": groups, "bar_height": bar_height,
            "legend": list(zip(series, COLOURS, strict=False))}
