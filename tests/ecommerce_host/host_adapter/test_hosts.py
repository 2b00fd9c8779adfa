"""
One codebase, two shops: the adapter is chosen once from the settings, and what the plugin adds
to the host's settings merges with what the host has.
"""
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.settings.common import _merge_pipeline, detect_host
from ecommerce_plugin.transactions import on_commit_robust

Basket = get_model("basket", "Basket")


def test_a_stock_oscar_shop_gets_the_stock_adapter():
    assert settings.COMMERCE_ECOMMERCE_HOST == "oscar"
    assert type(platform.shop()) is platform.StockOscarShop
    assert not platform.is_otto()


def test_otto_is_recognised_by_its_fork_of_the_basket_app():
    assert detect_host(["oscar.config.Shop", "ecommerce.extensions.basket"]) == "otto"
    assert detect_host(["ecommerce.extensions.basket.apps.BasketConfig"]) == "otto"
    assert detect_host(["oscar.config.Shop", "oscar.apps.basket.apps.BasketConfig", "ecommerce.extensions.payment"]) == "oscar"


def test_status_pipelines_merge_into_the_host_ones():
    host = SimpleNamespace(OSCAR_ORDER_STATUS_PIPELINE={
        "Pending": ("Open", "Payment Error"), "Fulfillment Error": ("Complete",)
    })
    _merge_pipeline(host, "OSCAR_ORDER_STATUS_PIPELINE", {"Open": ("Complete",), "Fulfillment Error": ("Complete", "Open")})
    assert host.OSCAR_ORDER_STATUS_PIPELINE == {
        "Pending": ("Open", "Payment Error"),
        "Fulfillment Error": ("Complete", "Open"),
        "Open": ("Complete",),
    }


def test_no_module_asks_django_for_robust_on_commit():
    """``robust=True`` does not exist on Otto's Django 3.2: every caller goes through transactions.py."""
    package = Path(platform.__file__).parent
    offenders = [
        str(path.relative_to(package)) for path in package.rglob("*.py")
        if path.name != "transactions.py" and "robust=True" in path.read_text()
    ]
    assert offenders == []


def test_the_stock_shop_mounts_the_plugin_checkout_pages():
    assert reverse("commerce_ecommerce:checkout-pay") == "/commerce/checkout/pay/"


@pytest.mark.django_db
def test_stock_baskets_are_per_owner(learner):
    basket = platform.open_basket(learner)
    assert platform.open_basket(learner).id == basket.id
    assert Basket.objects.filter(owner=learner).count() == 1


@pytest.mark.django_db
def test_the_lms_url_is_the_plugin_setting():
    assert platform.lms_url("/dashboard") == f"{settings.COMMERCE_LMS_URL_ROOT.rstrip('/')}/dashboard"


@pytest.mark.django_db(transaction=True)
def test_a_failing_after_commit_callback_is_logged_and_the_next_ones_run(caplog):
    ran = []

    def broker_down():
        raise ConnectionError("broker down")

    with caplog.at_level(logging.ERROR), transaction.atomic():
        on_commit_robust(broker_down)
        on_commit_robust(lambda: ran.append("next"))
    assert ran == ["next"]
    assert "broker down" in caplog.text
