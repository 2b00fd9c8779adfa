"""
The host's own coupon forms skip the course range, the offer shape, the roles and the staff cap:
Oscar's admin shows vouchers (and the coupons' offers, conditions, benefits, ranges) read-only,
and Oscar's dashboard sends its coupon, offer and range forms to the course pages.
"""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from ecommerce_host.registration_codes.support import COURSE
from oscar.core.loading import get_model

from ecommerce_plugin.coupons import api as coupons_api

Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


@pytest.fixture
def superuser(make_user):
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def coupon(seat, make_user, grant):
    money = make_user("money")
    grant(money, "finance_admin")
    return coupons_api.create_coupon(money, course_key=COURSE, percentage=Decimal("20"), max_uses=5,
                                     end_datetime=timezone.now() + timedelta(days=3), code="SPRING20")


def test_the_voucher_admin_offers_no_add_form(admin_client):
    assert admin_client.get("/admin/voucher/voucher/add/").status_code == 403


def test_the_voucher_list_links_to_the_course_pages(admin_client, coupon):
    page = admin_client.get("/admin/voucher/voucher/").content.decode()
    assert 'href="/commerce/courses/"' in page
    assert "Add voucher" not in page


def test_a_coupon_s_voucher_is_view_only(admin_client, coupon):
    voucher = Voucher.objects.get(code="SPRING20")
    page = admin_client.get(f"/admin/voucher/voucher/{voucher.id}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    response = admin_client.post(f"/admin/voucher/voucher/{voucher.id}/change/", {"name": "x", "code": "FREE"})
    assert response.status_code == 403
    assert Voucher.objects.filter(code="SPRING20").exists()


def test_a_coupon_s_benefit_cannot_be_raised_in_admin(admin_client, coupon):
    benefit = ConditionalOffer.objects.get(vouchers__code="SPRING20").benefit
    response = admin_client.post(f"/admin/offer/benefit/{benefit.id}/change/", {"type": "Percentage", "value": "100"})
    assert response.status_code == 403
    benefit.refresh_from_db()
    assert benefit.value == Decimal("20")


def test_a_coupon_s_range_is_view_only(admin_client, coupon):
    product_range = Range.objects.get(name=f"Coupon range {COURSE}")
    page = admin_client.get(f"/admin/offer/range/{product_range.id}/change/").content.decode()
    assert 'name="_save"' not in page and 'href="/commerce/courses/"' in page


def test_other_offers_stay_editable_in_admin(admin_client, coupon):
    site_range = Range.objects.create(name="Everything", includes_all_products=True)
    assert 'name="_save"' in admin_client.get(f"/admin/offer/range/{site_range.id}/change/").content.decode()


@pytest.mark.parametrize(
    "path",
    ["/dashboard/vouchers/create/", "/dashboard/vouchers/sets/create/", "/dashboard/offers/new/metadata/",
     "/dashboard/ranges/create/"],
)
def test_the_dashboard_s_coupon_offer_and_range_forms_send_to_the_course_pages(admin_client, path):
    for response in (admin_client.get(path), admin_client.post(path, {"name": "FREE", "code": "FREE"})):
        assert (response.status_code, response["Location"]) == (302, "/commerce/courses/")
    assert not Voucher.objects.exists()


def test_the_dashboard_s_voucher_forms_of_a_coupon_are_guarded_too(admin_client, coupon):
    voucher = Voucher.objects.get(code="SPRING20")
    response = admin_client.post(f"/dashboard/vouchers/update/{voucher.id}/", {"name": "x", "code": "SPRING20"})
    assert (response.status_code, response["Location"]) == (302, "/commerce/courses/")


def test_the_dashboard_s_voucher_list_still_shows(admin_client, coupon):
    response = admin_client.get("/dashboard/vouchers/")
    assert response.status_code == 200 and "SPRING20" in response.content.decode()


def test_the_invoice_admin_links_each_invoice_to_its_page(admin_client, seat, make_user, grant):
    from ecommerce_plugin.invoices import api as invoices_api  # noqa: PLC0415

    money = make_user("money")
    grant(money, "finance_admin")
    invoice = invoices_api.issue_invoice(money, sku=seat.sku, company_name="Acme", contact_name="Ada",
                                         contact_email="ada@acme.test", reference="INV-9",
                                         price_per_seat=Decimal("1"), quantity=1)
    page = admin_client.get("/admin/commerce_invoices/invoice/").content.decode()
    assert f'href="/commerce/courses/{COURSE}/invoices/{invoice.id}/"' in page
