"""
The course's e-commerce pages (the LMS instructor dashboard's e-commerce tab, in the shop).

Thin views: each parses its form with the REST endpoint's serializer, calls the same ``api``
function the endpoint calls (which checks the role and the rules), then confirms what it did
with a message and redirects (POST, then GET). A refusal shows the API's message: a role refusal
as a 403 page, a refused form with its fields kept and the reason on top.

Who sees what: course staff and finance admins of the course open its page and manage coupons
(staff within the staff cap); finance admins also see prices, invoices and codes.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ecommerce_plugin.api_errors import CommerceError
from ecommerce_plugin.catalog import api as catalog_api
from ecommerce_plugin.coupons import api as coupons_api
from ecommerce_plugin.course_pages.forms import CouponForm, InvoiceForm, PriceForm
from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.finance import errors as finance_errors
from ecommerce_plugin.finance import reports as finance_reports
from ecommerce_plugin.finance.errors import FinanceError
from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.prices import format_price
from ecommerce_plugin.registration_codes import api as codes_api

TEMPLATES = "ecommerce_plugin/course_pages/"
# The void form's confirmation box was not ticked (the page's own code; the API's are the features').
CONFIRMATION_REQUIRED = "confirmation_required"


def _refused(request, exc):
    context = {"error": exc.as_dict(), "status": exc.http_status}
    return render(request, f"{TEMPLATES}refused.html", context, status=exc.http_status)


def _require_course_role(user, course_key):
    if not finance_api.may_manage_coupons(user, course_key):
        raise FinanceError(
            finance_errors.NOT_COURSE_STAFF,
            _("Only the staff and finance admins of %(course_key)s may open its e-commerce page.")
            % {"course_key": course_key},
            403,
        )


def _course_url(course_key, anchor=""):
    return reverse("commerce_ecommerce:course-page", kwargs={"course_key": course_key}) + anchor


@require_GET
@login_required
def index(request):
    roles = finance_api.commerce_roles(request.user)
    titles = catalog_api.course_titles(list(roles))
    courses = [
        {"course_key": key, "title": titles.get(key), "finance_admin": "finance_admin" in held}
        for key, held in roles.items()
    ]
    return render(request, f"{TEMPLATES}index.html", {"courses": courses})


def _render_course(request, course_key, status=200, **forms):
    is_finance_admin = finance_api.is_finance_admin(request.user, course_key)
    seats = catalog_api.seats_for_course(course_key)
    context = {
        "course_key": course_key,
        "course_title": catalog_api.course_title(course_key),
        "is_finance_admin": is_finance_admin,
        "seats": [
            {"seat": seat, "price_form": forms.get(f"price_{seat.sku}") or PriceForm(sku=seat.sku,
                                                                                    initial={"price": seat.price})}
            for seat in seats
        ],
        "coupons": coupons_api.list_coupons(request.user, course_key),
        "coupon_form": forms.get("coupon_form") or CouponForm(),
        "invoices": invoices_api.list_invoices(request.user, course_key) if is_finance_admin else [],
        "invoice_form": forms.get("invoice_form") or InvoiceForm(seats=seats),
        "reports": [(slug, audit.title) for slug, audit in finance_reports.AUDITS.items()] if is_finance_admin else [],
    }
    return render(request, f"{TEMPLATES}course.html", context, status=status)


@require_GET
@login_required
def course_page(request, course_key):
    try:
        _require_course_role(request.user, course_key)
    except FinanceError as exc:
        return _refused(request, exc)
    return _render_course(request, course_key)


@require_POST
@login_required
def create_coupon(request, course_key):
    try:
        _require_course_role(request.user, course_key)
    except FinanceError as exc:
        return _refused(request, exc)
    form = CouponForm(request.POST, fixed={"course_key": course_key})
    if not form.is_valid():
        return _render_course(request, course_key, 400, coupon_form=form.mark_invalid_fields())
    try:
        coupon = coupons_api.create_coupon(request.user, **form.validated)
    except CommerceError as exc:
        form.refuse(exc.message)
        form.error_code = exc.error_code
        return _render_course(request, course_key, exc.http_status, coupon_form=form)
    uses = coupon.max_uses if coupon.max_uses is not None else _("unlimited")
    messages.success(
        request,
        _("Coupon %(code)s created: %(percentage)s%% off the seats of %(course_key)s, %(uses)s uses, valid until "
          "%(end)s.")
        % {"code": coupon.code, "percentage": coupon.percentage, "course_key": course_key, "uses": uses,
           "end": coupon.end_datetime.strftime("%Y-%m-%d %H:%M %Z")},
    )
    return redirect(_course_url(course_key, "#coupons"))


@require_POST
@login_required
def issue_invoice(request, course_key):
    try:
        _require_course_role(request.user, course_key)
        finance_api.require_finance_admin(request.user, course_key)
    except FinanceError as exc:
        return _refused(request, exc)
    seats = catalog_api.seats_for_course(course_key)
    form = InvoiceForm(request.POST, seats=seats)
    if form.is_valid() and form.validated["sku"] not in {seat.sku for seat in seats}:
        form.add_error("sku", _("Choose one of this course's seats."))
    if not form.is_valid():
        return _render_course(request, course_key, 400, invoice_form=form.mark_invalid_fields())
    try:
        invoice = invoices_api.issue_invoice(request.user, **form.validated)
    except CommerceError as exc:
        form.refuse(exc.message)
        form.error_code = exc.error_code
        return _render_course(request, course_key, exc.http_status, invoice_form=form)
    messages.success(
        request,
        _("Invoice %(reference)s issued to %(company)s: %(quantity)s registration codes at %(price)s, total "
          "%(total)s. The codes are being emailed to %(email)s; you can also download them here.")
        % {"reference": invoice.reference, "company": invoice.company_name, "quantity": invoice.quantity,
           "price": format_price(invoice.price_per_seat, None), "total": format_price(invoice.total, None),
           "email": invoice.contact_email},
    )
    return redirect("commerce_ecommerce:course-page-invoice", course_key=course_key, invoice_id=invoice.id)


def _invoice_of_course(user, course_key, invoice_id):
    invoice = invoices_api.get_invoice(user, invoice_id)
    if invoice.course_key != course_key:
        raise Http404
    return invoice


def _render_invoice(request, course_key, invoice, status=200, error=None):
    codes = codes_api.codes_for_invoice(invoice)
    context = {
        "course_key": course_key,
        "course_title": catalog_api.course_title(course_key),
        "invoice": invoice,
        "codes": codes,
        "unused": sum(1 for code in codes if code.status == "available"),
        "error": error,
    }
    return render(request, f"{TEMPLATES}invoice.html", context, status=status)


@require_GET
@login_required
def invoice_page(request, course_key, invoice_id):
    try:
        invoice = _invoice_of_course(request.user, course_key, invoice_id)
    except FinanceError as exc:
        return _refused(request, exc)
    return _render_invoice(request, course_key, invoice)


@require_POST
@login_required
def invoice_action(request, course_key, invoice_id, action):
    """
    ``paid`` or ``void`` (void only with its confirmation box ticked); a refusal shows the invoice
    page with the API's reason and status, nothing changed.
    """
    try:
        invoice = _invoice_of_course(request.user, course_key, invoice_id)
    except FinanceError as exc:
        return _refused(request, exc)
    if action == "void" and not request.POST.get("confirm"):
        error = {"error_code": CONFIRMATION_REQUIRED,
                 "message": _("Tick the box to confirm that the invoice is to be voided.")}
        return _render_invoice(request, course_key, invoice, 400, error)
    try:
        invoice = (invoices_api.mark_paid if action == "paid" else invoices_api.void)(request.user, invoice_id)
    except CommerceError as exc:
        if exc.http_status == 403:
            return _refused(request, exc)
        return _render_invoice(request, course_key, invoice, exc.http_status, exc.as_dict())
    if action == "paid":
        messages.success(
            request,
            _("Invoice %(reference)s is marked paid (%(total)s).")
            % {"reference": invoice.reference, "total": format_price(invoice.total, None)},
        )
    else:
        messages.success(
            request,
            _("Invoice %(reference)s is void: its unused registration codes are withdrawn and can no longer "
              "be redeemed. Learners who already redeemed one keep their seat.")
            % {"reference": invoice.reference},
        )
    return redirect("commerce_ecommerce:course-page-invoice", course_key=course_key, invoice_id=invoice_id)


@require_GET
@login_required
def invoice_codes_csv(request, course_key, invoice_id):
    try:
        invoice = _invoice_of_course(request.user, course_key, invoice_id)
        body = invoices_api.codes_csv(request.user, invoice_id)
    except FinanceError as exc:
        return _refused(request, exc)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    filename = "".join(c if c.isalnum() or c in "-_" else "_" for c in invoice.reference)
    response["Content-Disposition"] = f'attachment; filename="invoice-{filename}-codes.csv"'
    return response


@require_POST
@login_required
def change_price(request, course_key, sku):
    seat = catalog_api.seat_by_sku(sku)
    if seat is None or seat.course_key != course_key:
        raise Http404
    try:
        finance_api.require_finance_admin(request.user, course_key)
    except FinanceError as exc:
        return _refused(request, exc)
    form = PriceForm(request.POST, sku=sku)
    if not form.is_valid():
        return _render_course(request, course_key, 400, **{f"price_{sku}": form.mark_invalid_fields()})
    try:
        _course, old, new = finance_api.change_seat_price(request.user, sku, form.validated["price"])
    except CommerceError as exc:
        return _refused(request, exc)
    messages.success(
        request,
        _("The price of the %(mode)s seat (%(sku)s) changed from %(old)s to %(new)s. The LMS's course mode is being "
          "updated.")
        % {"mode": seat.certificate_type, "sku": sku, "old": format_price(old, seat.currency),
           "new": format_price(new, seat.currency)},
    )
    return redirect(_course_url(course_key, "#seats"))
