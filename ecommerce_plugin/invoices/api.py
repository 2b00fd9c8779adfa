"""
Invoices: a finance admin sells N seats out of band; the seats are registration codes.
"""
import csv
import io

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ecommerce_plugin import messaging
from ecommerce_plugin.catalog.api import course_title, seat_by_sku
from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.finance.errors import FinanceError
from ecommerce_plugin.invoices import errors
from ecommerce_plugin.invoices.models import Invoice
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.transactions import on_commit_robust

CSV_HEADER = ["code", "course_key", "status", "redeemed_by", "redeemed_at", "invoice_reference", "company_name"]


def issue_invoice(user, *, sku, company_name, contact_name, contact_email, reference, price_per_seat, quantity):
    """
    Record the sale and issue its ``quantity`` codes; the contact is emailed the codes as CSV.
    """
    seat = seat_by_sku(sku)
    if seat is None:
        raise FinanceError(errors.SEAT_NOT_FOUND, _("No seat has the SKU %(sku)s.") % {"sku": repr(sku)}, 404)
    finance_api.require_finance_admin(user, seat.course_key)
    if not 1 <= quantity <= settings.COMMERCE_MAX_CODES_PER_INVOICE:
        limit = settings.COMMERCE_MAX_CODES_PER_INVOICE
        raise FinanceError(errors.TOO_MANY_SEATS, _("An invoice has 1 to %(limit)s seats.") % {"limit": limit})
    if Invoice.objects.filter(reference=reference).exists():
        raise FinanceError(
            errors.DUPLICATE_REFERENCE,
            _("Invoice %(reference)s exists already.") % {"reference": reference},
            409,
        )
    with transaction.atomic():
        invoice = Invoice.objects.create(
            course_key=seat.course_key,
            seat_sku=seat.sku,
            company_name=company_name,
            contact_name=contact_name,
            contact_email=contact_email,
            reference=reference,
            price_per_seat=price_per_seat,
            quantity=quantity,
            created_by=user,
        )
        codes_api.create_codes(quantity, seat=seat, unit_price=price_per_seat, invoice=invoice, user=user)
        on_commit_robust(lambda: _email_contact_later(invoice.id))
    return invoice


def _email_contact_later(invoice_id):
    from ecommerce_plugin.invoices.tasks import email_invoice_codes  # noqa: PLC0415

    email_invoice_codes.delay(invoice_id)


def email_codes_to_contact(invoice_id):
    """
    Email the invoice's contact its codes as a CSV attachment (event type ``COMMERCE_INVOICE_CODES``).
    """
    invoice = Invoice.objects.get(id=invoice_id)
    context = {
        "invoice": invoice,
        "course_title": course_title(invoice.course_key) or invoice.course_key,
        "redeem_url": settings.COMMERCE_REGISTRATION_CODE_REDEEM_URL,
    }
    attachment = (f"{invoice.reference}-codes.csv", _codes_csv(invoice), "text/csv")
    return messaging.send(messaging.INVOICE_CODES, invoice.contact_email, context, [attachment])


def _get(user, invoice_id, lock=False):
    query = Invoice.objects.select_for_update() if lock else Invoice.objects
    invoice = query.filter(id=invoice_id).first()
    if invoice is None:
        raise FinanceError(errors.INVOICE_NOT_FOUND, _("No such invoice."), 404)
    finance_api.require_finance_admin(user, invoice.course_key)
    return invoice


def get_invoice(user, invoice_id):
    return _get(user, invoice_id)


def list_invoices(user, course_key):
    finance_api.require_finance_admin(user, course_key)
    return list(Invoice.objects.filter(course_key=course_key).order_by("-created"))


def codes_csv(user, invoice_id):
    """
    The invoice's codes as CSV text, for the finance admin to download.
    """
    return _codes_csv(_get(user, invoice_id))


def _codes_csv(invoice):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for code in codes_api.codes_for_invoice(invoice):
        writer.writerow(
            [
                code.code,
                code.course_key,
                code.status,
                code.redeemed_by or "",
                code.redeemed_at.isoformat() if code.redeemed_at else "",
                invoice.reference,
                invoice.company_name,
            ]
        )
    return out.getvalue()


@transaction.atomic
def mark_paid(user, invoice_id):
    invoice = _get(user, invoice_id, lock=True)
    if invoice.status == Invoice.VOID:
        raise FinanceError(errors.INVOICE_VOID, _("A void invoice cannot be paid."), 409)
    if invoice.status != Invoice.PAID:
        invoice.status, invoice.paid_at = Invoice.PAID, timezone.now()
        invoice.save(update_fields=["status", "paid_at"])
    return invoice


@transaction.atomic
def void(user, invoice_id):
    """
    Cancel the sale: every code not yet redeemed becomes void (one UPDATE, a history row per code
    by ``user``). Learners who redeemed keep their seat; finance settles those with the company.
    """
    invoice = _get(user, invoice_id, lock=True)
    if invoice.status != Invoice.VOID:
        invoice.status, invoice.voided_at = Invoice.VOID, timezone.now()
        invoice.save(update_fields=["status", "voided_at"])
    codes_api.withdraw_codes(user, invoice=invoice)
    return invoice
