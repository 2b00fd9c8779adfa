"""
A change history (django-simple-history) on codes, roles, prices and coupons: each change, made
in the admin or through the plugin's API, leaves a historical row saying what and by whom.
"""
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin.coupons import api as coupons_api
from ecommerce_plugin.finance import api as finance_api
from ecommerce_plugin.finance.models import CourseRole
from ecommerce_plugin.registration_codes import api as codes_api
from ecommerce_plugin.registration_codes.models import RegistrationCode

StockRecord = get_model("partner", "StockRecord")
Voucher = get_model("voucher", "Voucher")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Benefit = get_model("offer", "Benefit")


def test_a_course_role_granted_and_revoked_leaves_two_history_rows(make_user, grant):
    role = grant(make_user("money"), "finance_admin")
    role_id = role.id
    role.delete()
    kinds = list(CourseRole.history.filter(id=role_id).order_by("history_id").values_list("history_type", flat=True))
    assert kinds == ["+", "-"]


def test_a_registration_code_changed_by_hand_is_in_its_history(seat, buy_seats):
    code = codes_api.codes_for_order(buy_seats(seat, 2, "company"))[0]
    row = RegistrationCode.objects.get(code=code.code)
    row.status = RegistrationCode.VOID
    row.save()
    assert list(row.history.values_list("status", flat=True)[:1]) == [RegistrationCode.VOID]


def test_a_price_change_through_the_api_is_in_the_price_history(seat, make_user, grant):
    money = make_user("money")
    grant(money, "finance_admin")
    finance_api.change_seat_price(money, seat.sku, Decimal("120.00"))
    record = StockRecord.objects.get(partner_sku=seat.sku)
    prices = list(record.history.order_by("history_id").values_list("price", flat=True))
    assert prices[-1] == Decimal("120.00") and Decimal("100.00") in prices


def test_a_coupon_leaves_history_on_its_voucher_offer_and_benefit(seat, make_user, grant):
    teacher = make_user("teacher")
    grant(teacher, "staff")
    coupon = coupons_api.create_coupon(teacher, course_key=seat.course_key, percentage=Decimal("25"),
                                       end_datetime=timezone.now() + timedelta(days=7), max_uses=10)
    voucher = Voucher.objects.get(code=coupon.code)
    voucher.end_datetime = timezone.now() + timedelta(days=1)
    voucher.save()
    assert voucher.history.count() == 2
    offer = voucher.offers.get()
    assert offer.history.filter(history_type="+").exists()
    assert Benefit.objects.get(id=offer.benefit_id).history.get().value == Decimal("25")
