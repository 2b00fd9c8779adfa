"""
The teacher's CCX pages (buy, upgrade, basket entry edit) through Django's test client, without
JavaScript: what is shown, what "Recalculate" and "Add to basket" do, and what is refused.
"""
import re
from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases import api
from ecommerce_plugin.ccx_purchases.models import CcxBasketLine, CcxPurchase

from .conftest import MASTER, buy, module

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")

BUY = f"/commerce/ccx/courses/{MASTER}/"


def upgrade_url(purchase):
    return f"/commerce/ccx/purchases/{purchase.external_id}/"


@pytest.fixture
def web(coach):
    client = Client()
    client.force_login(coach)
    return client


def html(response):
    return response.content.decode()


def error_code(response):
    found = re.search(r'id="ccx-error"[^>]*data-error-code="([^"]+)"', html(response))
    return found and found.group(1)


def checkbox(response, n):
    found = re.search(rf'<input[^>]*value="{re.escape(module(n))}"[^>]*data-price[^>]*>', html(response), re.S)
    return found.group(0)


def state():
    """Everything a refused request must leave as it was."""
    return (
        list(Line.objects.order_by("id").values_list("id", "product_id")),
        list(CcxBasketLine.objects.order_by("line_id").values_list("line_id", "seats", "modules")),
        list(CcxPurchase.objects.order_by("id").values_list("id", "seats", "modules", "amount_paid", "version")),
    )


def test_signing_in_is_required(ccx_course, purchase):
    for url in (BUY, upgrade_url(purchase)):
        response = Client().get(url)
        assert response.status_code == 302 and "login" in response["Location"]
        assert Client().post(url, {"modules": [module(1)], "seats": "3", "add": "1"}).status_code == 302
    assert not Line.objects.filter(basket__owner__isnull=True).exists()


def test_the_buy_page_lists_modules_and_prices_and_works_without_javascript(web, ccx_course):
    page = web.get(BUY)
    assert page.status_code == 200
    body = html(page)
    assert "Commerce for Custom Courses 101" in body
    assert "Module 3 ($3.00 per seat)" in body
    assert 'aria-live="polite"' in body and 'id="ccx-recalculate"' in body
    assert re.search(r'id="ccx-add"[^>]*>Add to cart</button>', body)
    assert "ccx-purchases" not in body  # nothing bought yet

    quoted = web.post(BUY, {"modules": [module(1), module(3)], "seats": "10", "recalculate": "1"})
    assert quoted.status_code == 200
    assert 'data-amount-due="40.00"' in html(quoted)  # 10 x ($1 + $3)
    assert "checked" in checkbox(quoted, 3) and "checked" not in checkbox(quoted, 2)
    assert not Line.objects.exists()  # recalculating writes nothing


def test_add_to_basket_puts_the_server_quote_in_the_basket(web, coach, ccx_course):
    response = web.post(BUY, {"modules": [module(2)], "seats": "4", "display_name": "Fall", "add": "1"})
    assert response.status_code == 302 and response["Location"] == "/basket/"
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    assert (line.quote.modules, line.quote.seats, line.quote.amount_due, line.display_name) == (
        (module(2),), 4, Decimal("8.00"), "Fall")
    basket_page = web.get("/basket/")
    assert f'href="{BUY}?line={line.line_id}"' in html(basket_page)  # the basket entry's edit link


@pytest.mark.parametrize(("posted", "code"), [
    ({"modules": [], "seats": "3"}, "no_modules"),
    ({"modules": [module(1)], "seats": "0"}, "invalid_seats"),
    ({"modules": [module(1)], "seats": "three"}, "invalid_seats"),
    ({"modules": [module(1)], "seats": "-2"}, "invalid_seats"),
    ({"modules": ["block-v1:edX+Other+type@chapter+block@x"], "seats": "3"}, "unknown_module"),
])
@pytest.mark.parametrize("action", ["add", "recalculate"])
def test_bad_input_is_refused_on_the_page_and_changes_nothing(web, ccx_course, posted, code, action):
    before = state()
    response = web.post(BUY, {**posted, action: "1"})
    assert response.status_code == 400
    assert error_code(response) == code
    assert state() == before


def test_a_course_not_sold_is_not_found(web, ccx_course):
    response = web.get("/commerce/ccx/courses/course-v1:edX+Nope+2026/")
    assert response.status_code == 404 and error_code(response) == "ccx_course_not_found"


def test_a_teacher_who_bought_sees_each_purchase_linked_to_its_upgrade_page(web, coach, ccx_course):
    fall = buy(coach, [module(1)], 5, "Fall term")
    spring = buy(coach, [module(1), module(2)], 8, "Spring term")
    body = html(web.get(BUY))
    assert "You already bought this course — add seats or modules here" in body
    assert f'href="{upgrade_url(fall)}">Fall term: 1 module(s), 5 seats' in body
    assert f'href="{upgrade_url(spring)}">Spring term: 2 module(s), 8 seats' in body


def test_the_upgrade_page_shows_what_was_bought_disabled(web, purchase):
    page = web.get(upgrade_url(purchase))
    assert page.status_code == 200
    body = html(page)
    for n in (1, 2):  # bought: checked, disabled, and posted as hidden fields
        assert "checked" in checkbox(page, n) and "disabled" in checkbox(page, n)
        assert f'<input type="hidden" name="modules" value="{module(n)}">' in body
    assert "disabled" not in checkbox(page, 3) and "checked" not in checkbox(page, 3)
    assert re.search(r'id="ccx-seats" name="seats" type="number"[^>]*min="10"', body, re.S)
    assert re.search(r'id="ccx-seats-slider" type="range" min="10"', body)


def test_an_upgrade_costs_only_what_is_added(web, coach, purchase):
    held = [module(1), module(2)]
    quoted = web.post(upgrade_url(purchase), {"modules": [*held, module(3)], "seats": "20", "recalculate": "1"})
    assert quoted.status_code == 200
    body = html(quoted)
    assert 'data-amount-due="90.00"' in body  # 20 x $6 - $30 paid
    assert "$120.00 for the whole configuration, minus $30.00 already paid." in body
    added = web.post(upgrade_url(purchase), {"modules": [*held, module(3)], "seats": "20", "add": "1"})
    assert added.status_code == 302
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    assert (line.kind, line.quote.amount_due, line.quote.purchase_external_id) == (
        "upgrade", Decimal("90.00"), purchase.external_id)


@pytest.mark.parametrize(("posted", "code"), [
    ({"modules": [module(1), module(2)], "seats": "9"}, "seats_decreased"),
    ({"modules": [module(1), module(3)], "seats": "12"}, "modules_removed"),
    ({"modules": [module(1), module(2)], "seats": "10"}, "no_increase"),
])
@pytest.mark.parametrize("action", ["add", "recalculate"])
def test_lowering_an_upgrade_is_refused_with_a_clear_message_and_changes_nothing(web, purchase, posted, code, action):
    before = state()
    response = web.post(upgrade_url(purchase), {**posted, action: "1"})
    assert response.status_code == 400
    assert error_code(response) == code
    if code == "seats_decreased":
        assert "Seats cannot go below the 10 already bought; contact support." in html(response)
    assert state() == before


def test_another_teachers_purchase_is_not_found_and_cannot_be_upgraded(make_user, purchase):
    other = Client()
    other.force_login(make_user("other_teacher"))
    before = state()
    assert error_code(other.get(upgrade_url(purchase))) == "purchase_not_found"
    response = other.post(upgrade_url(purchase), {"modules": [module(1), module(2)], "seats": "50", "add": "1"})
    assert response.status_code == 404 and error_code(response) == "purchase_not_found"
    assert error_code(other.get("/commerce/ccx/purchases/not-a-uuid/")) == "purchase_not_found"
    assert state() == before


def test_a_basket_entry_is_edited_prefilled_and_replaced(web, coach, ccx_course):
    web.post(BUY, {"modules": [module(1)], "seats": "3", "display_name": "Fall", "add": "1"})
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    buy(coach, [module(1)], 2, "Older")  # an earlier purchase: its link is hidden while editing
    web.post(BUY, {"modules": [module(1)], "seats": "3", "display_name": "Fall", "add": "1"})
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    page = web.get(f"{BUY}?line={line.line_id}")
    body = html(page)
    assert page.status_code == 200
    assert 'id="ccx-editing"' in body and "ccx-purchases" not in body
    assert 'value="3"' in body and 'value="Fall"' in body and "checked" in checkbox(page, 1)
    assert f'<input type="hidden" name="line" value="{line.line_id}">' in body

    updated = web.post(BUY, {"modules": [module(1), module(4)], "seats": "2", "display_name": "Fall",
                             "line": str(line.line_id), "add": "1"})
    assert updated.status_code == 302
    (entry,) = api.open_basket_line_quotes(coach, MASTER)  # replaced, not added next to it
    assert entry.line_id != line.line_id
    assert (entry.quote.modules, entry.quote.seats, entry.quote.amount_due) == ((module(1), module(4)), 2, Decimal("10.00"))


def test_an_upgrade_basket_entry_is_edited_prefilled(web, coach, purchase):
    web.post(upgrade_url(purchase), {"modules": [module(1), module(2)], "seats": "15", "add": "1"})
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    basket_page = html(web.get("/basket/"))
    assert f'href="{upgrade_url(purchase)}?line={line.line_id}"' in basket_page
    page = web.get(f"{upgrade_url(purchase)}?line={line.line_id}")
    assert 'value="15"' in html(page) and 'data-amount-due="15.00"' in html(page)


def test_editing_a_basket_entry_that_is_not_the_teachers_is_refused(web, make_user, coach, ccx_course):
    other = make_user("other_teacher")
    theirs = api.add_purchase_to_basket(other, MASTER, [module(1)], 3)
    before = state()
    assert error_code(web.get(f"{BUY}?line={theirs.line_id}")) == "line_not_found"
    response = web.post(BUY, {"modules": [module(1)], "seats": "9", "line": str(theirs.line_id), "add": "1"})
    assert response.status_code == 404 and error_code(response) == "line_not_found"
    assert error_code(web.get(f"{BUY}?line=99999999999999")) == "line_not_found"
    assert state() == before


def test_an_edit_that_is_refused_keeps_the_entry(web, coach, ccx_course):
    web.post(BUY, {"modules": [module(1)], "seats": "3", "add": "1"})
    (line,) = api.open_basket_line_quotes(coach, MASTER)
    before = state()
    response = web.post(BUY, {"modules": [], "seats": "3", "line": str(line.line_id), "add": "1"})
    assert response.status_code == 400 and error_code(response) == "no_modules"
    assert state() == before
