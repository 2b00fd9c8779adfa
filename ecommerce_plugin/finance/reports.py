"""
The audits as people read them (titled columns, a labelled inline SVG bar chart, the freshness of
every figure) and as files (CSV). No JavaScript, no chart library.

The report pages, the JSON/CSV API and the ``audit_*`` commands all take their rows from
``Audit.run`` here, so the three always agree. CSV columns are the rows' field names (stable for
scripts); the page shows the translated labels.
"""
import csv
import io
from dataclasses import asdict, dataclass, fields

from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.finance import api
from ecommerce_plugin.finance.data import EnrollmentAuditRow, PaymentAuditRow, SeatsSoldRow

# How a column's values are shown: whole numbers, money (the shop's currency format), a date and
# time, or text.
COUNT, MONEY, WHEN, TEXT = "count", "money", "when", "text"


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str = COUNT


@dataclass(frozen=True)
class Audit:
    slug: str
    title: str
    equation: str
    function: object
    row_type: type
    columns: tuple
    chart_series: tuple
    chart_axis: str
    takes_period: bool

    def run(self, course_keys=None, period=None):
        if self.takes_period:
            return self.function(course_keys, period=period)
        return self.function(course_keys)

    def label(self, name):
        return next(column.label for column in self.columns if column.name == name)


ENROLLMENTS = Audit(
    slug="enrollments",
    title=_("Enrollments vs purchases + redeemed codes + staff"),
    equation=_(
        "Enrolled in paid modes = single-seat purchases + redeemed codes + course staff + unaccounted "
        "(manual enrollments). Purchases and codes used by course staff are counted as staff only. "
        "Free modes need no purchase and are shown apart. The LMS counts are as of the last sync; "
        "the equation covers the whole course, so no date range applies."
    ),
    function=api.enrollment_audit,
    row_type=EnrollmentAuditRow,
    columns=(
        Column("course_title", _("Course"), TEXT),
        Column("paid_enrolled", _("Enrolled in paid modes")),
        Column("single_seat_purchases", _("Single-seat purchases")),
        Column("redeemed_codes", _("Redeemed codes")),
        Column("staff_enrolled", _("Course staff in paid modes")),
        Column("unaccounted", _("Unaccounted")),
        Column("free_enrolled", _("Learners in free modes")),
        Column("free_staff_enrolled", _("Course staff in free modes")),
        Column("free_modes", _("Free modes"), TEXT),
        Column("synced_at", _("LMS counts as of"), WHEN),
    ),
    chart_series=("paid_enrolled", "single_seat_purchases", "redeemed_codes", "staff_enrolled", "free_enrolled"),
    chart_axis=_("enrollments"),
    takes_period=False,
)
PAYMENTS = Audit(
    slug="payments",
    title=_("Shop totals vs the payment processor (refunds apart)"),
    equation=_(
        "Shop total = charged by the processor when every sale was charged (difference 0). Refunds are "
        "shown apart: processor net = charged - refunded."
    ),
    function=api.payment_audit,
    row_type=PaymentAuditRow,
    columns=(
        Column("course_title", _("Course"), TEXT),
        Column("shop_total", _("Shop total"), MONEY),
        Column("processor_charged", _("Charged by the processor"), MONEY),
        Column("processor_refunded", _("Refunded by the processor"), MONEY),
        Column("processor_net", _("Processor net"), MONEY),
        Column("difference", _("Difference (shop - charged)"), MONEY),
    ),
    chart_series=("shop_total", "processor_charged", "processor_refunded"),
    chart_axis=_("amount"),
    takes_period=True,
)
SEATS_SOLD = Audit(
    slug="seats-sold",
    title=_("Seats sold"),
    equation=_(
        "Seats sold = single-seat purchases + codes from multi-seat purchases + codes from invoices "
        "(void codes apart; purchases by course staff included)."
    ),
    function=api.seats_sold,
    row_type=SeatsSoldRow,
    columns=(
        Column("course_title", _("Course"), TEXT),
        Column("single_seat_purchases", _("Single-seat purchases")),
        Column("codes_from_purchases", _("Codes from multi-seat purchases")),
        Column("codes_from_invoices", _("Codes from invoices")),
        Column("void_codes", _("Void codes")),
        Column("seats_sold", _("Seats sold")),
        Column("invoiced_total", _("Invoiced"), MONEY),
        Column("invoiced_paid", _("Invoices paid"), MONEY),
    ),
    chart_series=("single_seat_purchases", "codes_from_purchases", "codes_from_invoices"),
    chart_axis=_("seats"),
    takes_period=True,
)
AUDITS = {audit.slug: audit for audit in (ENROLLMENTS, PAYMENTS, SEATS_SOLD)}
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")


def titled(course_keys):
    """``[(course_key, title)]``: the title the shop sells each course under, else its key."""
    titles = api.course_titles(course_keys)
    return [(key, titles.get(key) or key) for key in course_keys]


def as_csv(rows, row_type):
    """
    The rows as CSV text: a header row of field names, always (also with no row).
    """
    out = io.StringIO()
    writer = csv.writer(out)
    names = [f.name for f in fields(row_type)]
    writer.writerow(names)
    for row in rows:
        values = asdict(row)
        writer.writerow(["" if values[name] is None else values[name] for name in names])
    return out.getvalue()


def _ticks(peak, count=4):
    """Axis ticks from 0 to at least ``peak``, in round steps (1, 2 or 5 times a power of ten)."""
    raw = max(peak, 1) / count
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    ticks = [0]
    while ticks[-1] < peak or len(ticks) < 2:
        ticks.append(ticks[-1] + step)
    return ticks


def bar_chart(rows, audit, width=760, bar_height=14):
    """
    Grouped horizontal bars, one group per course, with each bar's value at its end and an x axis
    with ticks and a label; as plain values for the template (which escapes them).

    A figure that is unknown (a course never synced) draws no bar and says so.
    """
    left, right = 240, 80
    plot = width - left - right
    known = [float(getattr(row, name)) for row in rows for name in audit.chart_series if getattr(row, name) is not None]
    ticks = _ticks(max(known + [0.0]))
    top = ticks[-1] or 1
    groups, y = [], 10
    for row in rows:
        bars = []
        for index, name in enumerate(audit.chart_series):
            value = getattr(row, name)
            length = 0 if value is None else int(plot * max(float(value), 0) / top)
            bars.append(
                {
                    "y": y + index * (bar_height + 2),
                    "width": max(length, 1) if value else 0,
                    "colour": COLOURS[index % len(COLOURS)],
                    "label": audit.label(name),
                    "value": value,
                    "kind": MONEY if audit.slug == "payments" else COUNT,
                    "value_x": left + length + 4,
                }
            )
        groups.append({"title": row.course_title, "course_key": row.course_key, "y": y, "bars": bars,
                       "currency": getattr(row, "currency", "")})
        y += len(audit.chart_series) * (bar_height + 2) + 18
    axis_y = y
    return {
        "width": width,
        "height": axis_y + 44,
        "left": left,
        "plot_right": left + plot,
        "axis_y": axis_y,
        "ticks": [{"x": left + int(plot * tick / top), "value": tick} for tick in ticks],
        "axis_label": audit.chart_axis,
        "groups": groups,
        "bar_height": bar_height,
        "legend": [(audit.label(name), COLOURS[i % len(COLOURS)]) for i, name in enumerate(audit.chart_series)],
    }
