"""
The teacher's CCX pages on Otto: mounted through ``ecommerce_plugin.otto_urls``, the site's own
partner and per-site basket, and the buyer sent where Otto sends one after its ``/basket/add/``
(the payment MFE when the site uses it, else Otto's basket page). Runs in a real Otto
(``OTTO_ROOT``) and on the Otto-faithful sandbox.
"""
import re
from decimal import Decimal

import pytest
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import resolve, reverse
from ecommerce.core.models import SiteConfiguration
from ecommerce.tests.factories import SiteConfigurationFactory, UserFactory
from oscar.core.loading import get_class, get_model

from ecommerce_plugin.ccx_purchases import api, views
from ecommerce_plugin.ccx_purchases.models import CcxBasketLine, CcxPurchase

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")

MASTER = "course-v1:edX+CCXOtto+2026"
BUY = f"/commerce/ccx/courses/{MASTER}/"
pytestmark = [pytest.mark.django_db, pytest.mark.urls("ecommerce_plugin.otto_urls")]


def module(n):
    return f"block-v1:edX+CCXOtto+2026+type@chapter+block@module_{n}"


@pytest.fixture
def site_configuration(settings):
    settings.ALLOWED_HOSTS = ["*"]
    # Otto's CurrentSiteMiddleware gives every request the SITE_ID site (Otto sets SITE_ID = 1).
    site = Site.objects.get_current()
    configuration = SiteConfiguration.objects.filter(site=site).first() or SiteConfigurationFactory(
        site=site, lms_url_root="http://lms.otto.test"
    )
    configuration.partner.default_site = configuration.site
    configuration.partner.save()
    api.create_or_update_ccx_course(
        partner=configuration.partner, master_course_key=MASTER, title="CCX on Otto",
        modules=[(module(n), f"Module {n}", Decimal(f"{n}.00")) for n in range(1, 4)],
    )
    return configuration


@pytest.fixture
def teacher():
    return UserFactory()


@pytest.fixture
def web(site_configuration, teacher):
    client = Client(HTTP_HOST=site_configuration.site.domain)
    client.force_login(teacher)
    return client


def pay_as_otto(basket, user):
    """What Otto's payment views end with: Oscar's ``OrderCreator`` (which sends ``order_placed``)."""
    basket.strategy = get_class("partner.strategy", "Selector")().strategy(user=user)
    shipping = NoShippingRequired()
    total = OrderTotalCalculator().calculate(basket, shipping.calculate(basket))
    order = OrderCreator().place_order(
        basket=basket, total=total, shipping_method=shipping, shipping_charge=shipping.calculate(basket),
        user=user, order_number=f"OTTO-{basket.id}",
    )
    basket.submit()
    return order


def error_code(response):
    found = re.search(r'id="ccx-error"[^>]*data-error-code="([^"]+)"', response.content.decode())
    return found and found.group(1)


def test_the_pages_are_mounted_through_the_otto_url_module():
    assert resolve(BUY).func is views.buy
    assert reverse("commerce_ecommerce:ccx-upgrade-page", kwargs={"external_id": "x"}) == "/commerce/ccx/purchases/x/"


def test_adding_goes_into_the_sites_basket_and_on_to_ottos_basket_page(web, site_configuration, teacher):
    assert web.get(BUY).status_code == 200
    response = web.post(BUY, {"modules": [module(1), module(2)], "seats": "5", "add": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"http://{site_configuration.site.domain}/basket/"
    basket = Basket.get_basket(teacher, site_configuration.site)
    (line,) = basket.all_lines()
    assert line.stockrecord.partner == site_configuration.partner
    assert line.stockrecord.price == Decimal("15.00")  # 5 x ($1 + $2)


def test_with_the_payment_mfe_the_buyer_goes_there(web, site_configuration):
    site_configuration.enable_microfrontend_for_basket_page = True
    site_configuration.payment_microfrontend_url = "http://payment.otto.test/"
    site_configuration.save()
    response = web.post(BUY, {"modules": [module(1)], "seats": "2", "add": "1"})
    assert response.status_code == 302 and response["Location"] == "http://payment.otto.test/"


def test_buy_pay_come_back_upgrade_and_lowering_is_refused(web, site_configuration, teacher):
    web.post(BUY, {"modules": [module(1)], "seats": "4", "display_name": "Fall", "add": "1"})
    pay_as_otto(Basket.get_basket(teacher, site_configuration.site), teacher)
    (purchase,) = api.purchases_for(teacher, MASTER)
    assert (purchase.seats, purchase.amount_paid) == (4, Decimal("4.00"))
    upgrade = f"/commerce/ccx/purchases/{purchase.external_id}/"
    assert upgrade in web.get(BUY).content.decode()

    lines_before = list(Line.objects.values_list("id", flat=True))
    refused = web.post(upgrade, {"modules": [module(1)], "seats": "3", "add": "1"})
    assert refused.status_code == 400 and error_code(refused) == "seats_decreased"
    assert list(Line.objects.values_list("id", flat=True)) == lines_before
    assert CcxPurchase.objects.get(external_id=purchase.external_id).seats == 4

    web.post(upgrade, {"modules": [module(1), module(3)], "seats": "6", "add": "1"})
    basket = Basket.get_basket(teacher, site_configuration.site)
    (line,) = basket.all_lines()
    assert line.stockrecord.price == Decimal("20.00")  # 6 x $4 - $4 paid
    assert str(CcxBasketLine.objects.get(line=line).purchase.external_id) == purchase.external_id


def test_another_users_purchase_is_not_found_on_otto(site_configuration, teacher, web):
    web.post(BUY, {"modules": [module(1)], "seats": "4", "add": "1"})
    pay_as_otto(Basket.get_basket(teacher, site_configuration.site), teacher)
    (purchase,) = api.purchases_for(teacher, MASTER)
    other = Client(HTTP_HOST=site_configuration.site.domain)
    other.force_login(UserFactory())
    response = other.post(f"/commerce/ccx/purchases/{purchase.external_id}/",
                          {"modules": [module(1)], "seats": "40", "add": "1"})
    assert response.status_code == 404 and error_code(response) == "purchase_not_found"
