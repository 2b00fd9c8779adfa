"""
A code whose invoice was voided or whose order line was refunded never comes back to life, even
when the LMS refuses the enrollment it was redeemed for.
"""
from ecommerce_host.registration_codes.support import COURSE

from ecommerce_plugin.invoices import api as invoices_api
from ecommerce_plugin.invoices.models import Invoice
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.errors import CODE_UNUSABLE, RegistrationCodeError
from ecommerce_plugin.registration_codes.fulfillment import RegistrationCodesFulfillmentModule
from ecommerce_plugin.registration_codes.models import Redemption, RegistrationCode


def _invoice(user, seat, quantity=2):
    return invoices_api.issue_invoice(
        user, sku=seat.sku, company_name="Acme", contact_name="Ada", contact_email="ada@acme.test",
        reference="INV-9", price_per_seat=80, quantity=quantity,
    )


def _redeem_pending(user, code):
    """Claim the code; the enrollment task waits for a commit that the test never makes."""
    return Redemption.objects.get(id=api.redeem(user, code.code).id)


def _refused_again(user, code):
    try:
        api.redeem(user, code.code)
    except RegistrationCodeError as exc:
        return exc.error_code
    return "redeemed"


def test_a_code_of_an_invoice_voided_while_its_redemption_was_pending_becomes_void(
    make_user, grant, seat, fake_lms
):
    money = make_user("money")
    grant(money, "finance_admin")
    invoice = _invoice(money, seat)
    code = invoice.codes.first()
    redemption = _redeem_pending(make_user("first"), code)

    invoices_api.void(money, invoice.id)
    api.record_refused(redemption.id, "LMS answered 400: course full")

    code.refresh_from_db()
    assert (code.status, code.withdrawn, code.redeemed_by) == (RegistrationCode.VOID, True, None)
    assert _refused_again(make_user("second"), code) == CODE_UNUSABLE


def test_a_code_of_a_refunded_line_refused_by_the_lms_becomes_void(buy_seats, seat, make_user):
    line = buy_seats(seat, 2).lines.get()
    code = RegistrationCode.objects.filter(order_line=line).first()
    redemption = _redeem_pending(make_user("first"), code)

    RegistrationCodesFulfillmentModule().revoke_line(line)
    api.record_refused(redemption.id, "LMS answered 400: enrollment closed")

    code.refresh_from_db()
    assert code.status == RegistrationCode.VOID
    assert _refused_again(make_user("second"), code) == CODE_UNUSABLE
    assert set(RegistrationCode.objects.filter(order_line=line).values_list("status", flat=True)) == {"void"}


def test_a_code_refused_by_the_lms_is_available_again_while_its_invoice_allows_it(make_user, grant, seat, fake_lms):
    money = make_user("money")
    grant(money, "finance_admin")
    code = _invoice(money, seat).codes.first()
    redemption = _redeem_pending(make_user("first"), code)

    api.record_refused(redemption.id, "LMS answered 400: course full")

    code.refresh_from_db()
    assert (code.status, code.withdrawn) == (RegistrationCode.AVAILABLE, False)
    assert _refused_again(make_user("second"), code) == "redeemed"


def test_an_available_code_of_a_void_invoice_is_not_redeemed(make_user, grant, seat, fake_lms):
    """Codes released before invoices withdrew them: redemption reads the invoice itself."""
    money = make_user("money")
    grant(money, "finance_admin")
    invoice = _invoice(money, seat)
    Invoice.objects.filter(id=invoice.id).update(status=Invoice.VOID)
    code = invoice.codes.first()

    assert _refused_again(make_user("learner"), code) == CODE_UNUSABLE
    code.refresh_from_db()
    assert code.status == RegistrationCode.AVAILABLE and not Redemption.objects.exists()
    assert code.course_key == COURSE
