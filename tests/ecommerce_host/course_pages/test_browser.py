"""
The course's e-commerce pages in a real browser: this suite's shop (live server) and the sandbox
LMS (gunicorn, its own SQLite database, seeded here) on localhost. A finance admin issues an
invoice, downloads its codes and voids it; course staff create a coupon within the staff cap and
are refused one above it; a finance admin changes a seat's price and the LMS's course mode shows
it; someone without the role is refused.

``UPDATE_DOCS_SCREENSHOTS=1`` copies each page's screenshot into docs/images/.
"""
import csv
import io
import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.test import override_settings
from django.utils import timezone
from ecommerce_host.registration_codes.support import COURSE, OTHER_COURSE

from ecommerce_plugin.invoices.models import Invoice
from ecommerce_plugin.registration_codes.models import RegistrationCode
from support.browser import keep_screenshot, seeded_lms, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SEED_LMS = f"""
from datetime import timedelta
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from common.djangoapps.course_modes.models import CourseMode
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from xmodule.models import SandboxCourseStructure

now = timezone.now()
course = CourseKey.from_string("{COURSE}")
CourseOverview.objects.create(id=course, org=course.org, display_name="Demonstration Course",
                              start=now - timedelta(days=5), end=now + timedelta(days=90))
SandboxCourseStructure.objects.create(course_id=course)
CourseMode.objects.create(course_id=course, mode_slug="audit", mode_display_name="Audit")
CourseMode.objects.create(course_id=course, mode_slug="verified", mode_display_name="Verified", min_price=100,
                          sku="VERI-DEMO")
# The shop's service user, as Otto's publisher needs it: staff with the course-mode permissions.
worker = User.objects.create(username="ecommerce_worker", email="ecommerce_worker@example.com", is_staff=True)
worker.user_permissions.add(*Permission.objects.filter(content_type__app_label="course_modes",
                                                       codename__in=["add_coursemode", "change_coursemode"]))
"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The sandbox LMS, once for the module (only the price test changes its data)."""
    with seeded_lms(tmp_path_factory.mktemp("lms"), SEED_LMS) as url:
        yield url


@pytest.fixture
def shop(live_server, lms, settings, seat, make_user, grant):  # noqa: PLR0917  (fixtures)
    settings.COMMERCE_LMS_URL_ROOT = lms
    settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{lms}/oauth2"
    users = {name: make_user(name) for name in ("money", "teacher", "stranger")}
    grant(users["money"], "finance_admin")
    grant(users["teacher"], "staff")
    grant(users["stranger"], "finance_admin", course_key=OTHER_COURSE)
    return {"url": live_server.url, "seat": seat, "users": users, "lms": lms}


def signed_in(browser, shop, username):
    return signed_in_page(browser, shop["users"][username], shop["url"], accept_downloads=True,
                          viewport={"width": 1200, "height": 900})


def confirmation(page):
    return page.locator(".alert-success").inner_text()


def test_a_finance_admin_issues_an_invoice_downloads_its_codes_and_voids_it(browser, shop, tmp_path):
    page = signed_in(browser, shop, "money")
    page.goto(f"{shop['url']}/commerce/courses/")
    keep_screenshot(page, tmp_path, "course-pages-index.png", full_page=True)
    page.click(f'tr[data-course-key="{COURSE}"] a')
    page.select_option("#invoice_sku", shop["seat"].sku)
    page.fill("#invoice_company_name", "Acme Learning")
    page.fill("#invoice_contact_name", "Ada Lovelace")
    page.fill("#invoice_contact_email", "ada@acme.test")
    page.fill("#invoice_reference", "PO-2026-17")
    page.fill("#invoice_price_per_seat", "80")
    page.fill("#invoice_quantity", "3")
    keep_screenshot(page, tmp_path, "course-page-finance-admin.png", full_page=True)
    page.click("#invoice-form button[type=submit]")
    page.wait_for_selector("#invoice-page")
    assert "Invoice PO-2026-17 issued to Acme Learning: 3 registration codes" in confirmation(page)
    assert page.locator('#codes-table tr[data-status="available"]').count() == 3
    keep_screenshot(page, tmp_path, "course-page-invoice.png", full_page=True)

    with page.expect_download() as download_info:
        page.click("#download-codes")
    download = download_info.value
    assert download.suggested_filename == "invoice-PO-2026-17-codes.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text())))
    invoice = Invoice.objects.get(reference="PO-2026-17")
    assert sorted(row["code"] for row in rows) == sorted(
        RegistrationCode.objects.filter(invoice=invoice).values_list("code", flat=True)
    )

    page.check("#void-confirm")
    page.click("#void-form button[type=submit]")
    page.wait_for_selector('#invoice-page[data-status="void"]')
    assert "Invoice PO-2026-17 is void: its unused registration codes are withdrawn" in confirmation(page)
    assert page.locator('#codes-table tr[data-status="void"]').count() == 3
    assert set(RegistrationCode.objects.filter(invoice=invoice).values_list("status", flat=True)) == {"void"}


@override_settings(COMMERCE_COUPON_STAFF_MAX_PERCENTAGE=50, COMMERCE_COUPON_STAFF_MAX_USES=100)
def test_course_staff_create_a_coupon_within_the_cap_and_are_refused_one_above_it(browser, shop, tmp_path):
    page = signed_in(browser, shop, "teacher")
    page.goto(f"{shop['url']}/commerce/courses/{COURSE}/")
    end = (timezone.now() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")

    page.fill("#coupon_percentage", "25")
    page.fill("#coupon_max_uses", "40")
    page.fill("#coupon_end_datetime", end)
    page.fill("#coupon_code", "SPRING25")
    page.click("#coupon-form button[type=submit]")
    page.wait_for_selector('#coupons-table tr[data-code="SPRING25"]')
    assert "Coupon SPRING25 created: 25.00% off the seats" in confirmation(page)
    keep_screenshot(page, tmp_path, "course-page-course-staff.png", full_page=True)

    page.fill("#coupon_percentage", "80")
    page.fill("#coupon_max_uses", "40")
    page.fill("#coupon_end_datetime", end)
    page.fill("#coupon_code", "BIG80")
    page.click("#coupon-form button[type=submit]")
    refusal = page.locator('#coupon-form .form-refusal[data-error-code="coupon_above_staff_cap"]')
    refusal.wait_for()
    assert "Course staff may create coupons of up to 50% and 100 uses" in refusal.inner_text()
    assert page.locator('#coupons-table tr[data-code="BIG80"]').count() == 0
    keep_screenshot(page, tmp_path, "course-page-coupon-refused.png", full_page=True)


def lms_price(lms, mode):
    body = requests.get(f"{lms}/api/enrollment/v1/course/{COURSE}", timeout=10).json()
    return next(m["min_price"] for m in body["course_modes"] if m["slug"] == mode)


def test_a_finance_admin_changes_a_seat_s_price_and_the_lms_shows_it(browser, shop, tmp_path):
    assert lms_price(shop["lms"], "verified") == 100
    page = signed_in(browser, shop, "money")
    page.goto(f"{shop['url']}/commerce/courses/{COURSE}/")
    page.fill("#price_VERI_DEMO_price", "120")
    page.click('tr[data-sku="VERI-DEMO"] .price-form button[type=submit]')
    page.wait_for_selector(".alert-success")
    assert "changed from $100.00 to $120.00" in confirmation(page)
    assert page.locator('tr[data-sku="VERI-DEMO"] .seat-price').inner_text() == "$120.00"
    keep_screenshot(page, tmp_path, "course-page-price-changed.png", full_page=True)

    # The LMS's own course page: what its track selection and the learner's MFEs read.
    lms_page = page.context.new_page()
    deadline = time.monotonic() + 20
    while lms_price(shop["lms"], "verified") != 120 and time.monotonic() < deadline:
        time.sleep(0.5)
    lms_page.goto(f"{shop['lms']}/api/enrollment/v1/course/{COURSE}?format=json")
    modes = {mode["slug"]: mode for mode in json.loads(lms_page.locator("body").inner_text())["course_modes"]}
    assert (modes["verified"]["min_price"], modes["verified"]["sku"]) == (120, "VERI-DEMO")
    assert "audit" in modes  # the shop sells no audit seat; the LMS's mode is kept


def test_the_wrong_role_is_refused_with_the_reason(browser, shop, tmp_path):
    page = signed_in(browser, shop, "stranger")
    response = page.goto(f"{shop['url']}/commerce/courses/{COURSE}/")
    assert response.status == 403
    refusal = page.locator('#commerce-refusal[data-error-code="not_course_staff"]')
    assert "Only the staff and finance admins of" in refusal.inner_text()
    keep_screenshot(page, tmp_path, "course-page-refused.png", full_page=True)

    invoice = Invoice.objects.create(course_key=COURSE, seat_sku="VERI-DEMO", company_name="Acme", contact_name="Ada",
                                     contact_email="ada@acme.test", reference="PO-1", price_per_seat=1, quantity=1,
                                     created_by=shop["users"]["money"])
    staff_page = signed_in(browser, shop, "teacher")
    response = staff_page.goto(f"{shop['url']}/commerce/courses/{COURSE}/invoices/{invoice.id}/")
    assert response.status == 403
    assert staff_page.locator('#commerce-refusal[data-error-code="not_finance_admin"]').count() == 1
