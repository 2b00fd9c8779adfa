"""
The teacher's CCX flow in a real browser (Debian's chromium) against the shop (this suite's live
server, tasks eager) and the sandbox LMS (gunicorn, its own SQLite database seeded with the CCX
master course and the ``coach`` user): buy with the slider and the live price, edit the cart
entry, pay, the LMS CCX made; come back, see the purchase, open its upgrade page, try to lower
the seats and be refused, upgrade, edit that cart entry, pay, the LMS CCX grows. Without
JavaScript the same page prices through "Recalculate".

``UPDATE_DOCS_SCREENSHOTS=1`` copies the buy and upgrade page screenshots into docs/images/.
"""
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import api
from support.browser import keep_screenshot, signed_in_page

from .conftest import MASTER, module
from .test_end_to_end_lms import lms_at, lms_ccxs_of, lms_database, lms_url  # noqa: F401  (fixtures)

Line = get_model("basket", "Line")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def shop(live_server, lms_url, lms_at, partner, coach):  # noqa: F811, PLR0917
    lms_at(lms_url)
    api.create_or_update_ccx_course(
        partner=partner, master_course_key=MASTER, title="Commerce for Custom Courses 101",
        modules=[(module(n), f"Module {n}", f"{n}.00") for n in range(1, 7)],
    )
    return {"url": live_server.url, "coach": coach}


def teacher_page(browser, shop, **context):
    return signed_in_page(browser, shop["coach"], shop["url"], viewport={"width": 900, "height": 1000}, **context)


def amount_due(page, value):
    page.wait_for_selector(f'#ccx-price [data-amount-due="{value}"]', timeout=15_000)


def pay(page):
    page.click("#commerce-pay")
    page.wait_for_selector("#commerce-receipt", timeout=60_000)


@pytest.mark.timeout(420)
def test_buy_edit_pay_come_back_upgrade_refused_then_upgrade(browser, shop, coach, lms_url, tmp_path):  # noqa: F811
    page = teacher_page(browser, shop)
    buy_url = f"{shop['url']}/commerce/ccx/courses/{MASTER}/"
    buy_and_edit_the_cart_entry(page, shop, buy_url, coach, tmp_path)
    pay(page)
    (bought,) = api.purchases_for(coach, MASTER)
    assert (bought.seats, bought.amount_paid, bought.sync_state) == (12, Decimal("36.00"), "in_sync")
    (ccx,) = lms_ccxs_of(lms_url, bought.external_id)
    assert (ccx["max_students_allowed"], ccx["course_modules"]) == (12, [module(1), module(2)])

    come_back_and_be_refused_lower_seats(page, buy_url, coach, bought)
    upgrade_and_edit_the_cart_entry(page, shop, coach, tmp_path)
    pay(page)
    upgraded = api.purchase_for(coach, bought.external_id)
    assert (upgraded.seats, upgraded.amount_paid, upgraded.version, upgraded.sync_state) == (
        25, Decimal("150.00"), 2, "in_sync")
    (ccx,) = lms_ccxs_of(lms_url, bought.external_id)
    assert (ccx["max_students_allowed"], ccx["course_modules"]) == (25, [module(1), module(2), module(3)])


def buy_and_edit_the_cart_entry(page, shop, buy_url, coach, tmp_path):
    page.goto(buy_url)
    assert page.locator("#ccx-purchases").count() == 0
    assert page.locator("#ccx-recalculate").is_hidden()  # the script prices live instead
    page.fill("#ccx-display-name", "Fall term")
    page.check(f'input[value="{module(1)}"]')
    page.check(f'input[value="{module(2)}"]')
    page.fill("#ccx-seats-slider", "10")
    amount_due(page, "30.00")  # 10 seats x ($1 + $2)
    assert page.locator("#ccx-price").get_attribute("aria-live") == "polite"
    assert page.inner_text("#ccx-amount-due") == "Amount due: $30.00"  # the shop's money format, as on the server
    keep_screenshot(page.locator("#ccx-page"), tmp_path, "ccx-buy-page.png")
    page.click("#ccx-add")
    page.wait_for_url(f"{shop['url']}/basket/")

    # The cart entry is edited on its page, pre-filled, and replaced.
    page.click("#ccx-basket-entries a.ccx-edit")
    assert page.locator("#ccx-editing").is_visible()
    assert page.locator("#ccx-purchases").count() == 0
    assert page.input_value("#ccx-seats") == "10" and page.input_value("#ccx-display-name") == "Fall term"
    assert page.is_checked(f'input[value="{module(2)}"]')
    page.fill("#ccx-seats-slider", "12")
    amount_due(page, "36.00")
    page.click("#ccx-add")
    page.wait_for_url(f"{shop['url']}/basket/")
    assert "12 seats: $36.00" in page.locator("#ccx-basket-entries").inner_text()
    assert Line.objects.filter(basket__owner=coach, basket__status="Open").count() == 1


def come_back_and_be_refused_lower_seats(page, buy_url, coach, bought):
    # Coming back: the purchase is listed and leads to its upgrade page.
    page.goto(buy_url)
    assert "You already bought this course — add seats or modules here" in page.locator("#ccx-purchases").inner_text()
    page.click(f'#ccx-purchases li[data-purchase="{bought.external_id}"] a')
    page.wait_for_selector("#ccx-page[data-mode=upgrade]")
    for n in (1, 2):
        box = page.locator(f'#ccx-modules input[type=checkbox][value="{module(n)}"]')
        assert box.is_checked() and box.is_disabled()
    assert page.get_attribute("#ccx-seats-slider", "min") == "12"

    # Lowering the seats: the live price says why, and the server refuses the post; nothing changes.
    # The number field is there before the deferred script runs; typing into it earlier asks for no
    # live price (the page is then a plain form), so wait for the script: it shows the slider row.
    page.wait_for_selector("#ccx-slider-row", state="visible")
    page.fill("#ccx-seats", "5")
    page.wait_for_selector("#ccx-price .ccx-refused, #ccx-price .ccx-quoted", timeout=15_000)
    assert page.get_attribute("#ccx-amount-due", "data-error-code") == "seats_decreased", page.inner_text("#ccx-price")
    assert "cannot go below the 12 already bought" in page.locator("#ccx-price").inner_text()
    page.evaluate("document.getElementById('ccx-seats').removeAttribute('min')")  # past the browser's own check
    page.click("#ccx-add")
    page.wait_for_selector("#ccx-error[data-error-code=seats_decreased]")
    assert "Seats cannot go below the 12 already bought; contact support." in page.inner_text("#ccx-error")
    assert not Line.objects.filter(basket__owner=coach, basket__status="Open").exists()
    assert api.purchase_for(coach, bought.external_id).seats == 12


def upgrade_and_edit_the_cart_entry(page, shop, coach, tmp_path):
    # The upgrade: a module and seats added, only the difference due.
    page.check(f'input[value="{module(3)}"]')
    page.fill("#ccx-seats-slider", "20")
    amount_due(page, "84.00")  # 20 x ($1 + $2 + $3) - $36 paid
    assert page.inner_text("#ccx-amount-detail") == "$120.00 for the whole configuration, minus $36.00 already paid."
    assert page.locator("#ccx-error").count() == 0  # the refusal no longer describes the form
    keep_screenshot(page.locator("#ccx-page"), tmp_path, "ccx-upgrade-page.png")
    page.click("#ccx-add")
    page.wait_for_url(f"{shop['url']}/basket/")
    page.click("#ccx-basket-entries a.ccx-edit")
    page.wait_for_selector("#ccx-page[data-mode=upgrade]")
    assert page.input_value("#ccx-seats") == "20" and page.is_checked(f'input[value="{module(3)}"]')
    page.fill("#ccx-seats-slider", "25")
    amount_due(page, "114.00")
    page.click("#ccx-add")
    page.wait_for_url(f"{shop['url']}/basket/")
    assert Line.objects.filter(basket__owner=coach, basket__status="Open").count() == 1


def test_without_javascript_recalculate_prices_the_form(browser, shop):
    page = teacher_page(browser, shop, java_script_enabled=False)
    page.goto(f"{shop['url']}/commerce/ccx/courses/{MASTER}/")
    assert page.locator("#ccx-slider-row").is_hidden()  # the slider needs the script; the number field does not
    page.check(f'input[value="{module(4)}"]')
    page.fill("#ccx-seats", "3")
    page.click("#ccx-recalculate")
    page.wait_for_selector('#ccx-price [data-amount-due="12.00"]')
    page.click("#ccx-add")
    page.wait_for_url(f"{shop['url']}/basket/")
    assert "3 seats: $12.00" in page.locator("#ccx-basket-entries").inner_text()
