"""
The basket's pay form: the plugin renders no card field; the processor's own fields come from the
processor, and only those reach it.
"""
import pytest
from django.test import Client, override_settings
from ecommerce.extensions.payment.processors.dev import DevPaymentProcessor
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.checkout import api
from support import gateway

Basket = get_model("basket", "Basket")
PAY_URL = "/commerce/checkout/pay/"


class FieldlessProcessor(DevPaymentProcessor):
    """A processor whose payment happens elsewhere (a hosted page): no fields on the pay form."""

    payment_form_template = None
    payment_fields = ()


class RecordingProcessor(DevPaymentProcessor):
    seen = []

    def handle_processor_response(self, response, basket=None):
        RecordingProcessor.seen.append(dict(response))
        return super().handle_processor_response(response, basket)


@pytest.fixture
def browser(learner):
    client = Client()
    client.force_login(learner)
    return client


def _basket_page(browser, seat):
    response = browser.get(f"/basket/add/?sku={seat.sku}", follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_basket_shows_the_processors_own_payment_fields(browser, verified_seat):
    page = _basket_page(browser, verified_seat)
    assert 'id="commerce-pay-form"' in page
    assert 'name="card_number"' in page  # the sandbox dev processor's template, not the plugin's


@override_settings(PAYMENT_PROCESSORS=["checkout.test_pay_form.FieldlessProcessor"])
def test_without_processor_fields_the_pay_form_has_no_card_field(browser, verified_seat):
    page = _basket_page(browser, verified_seat)
    assert 'id="commerce-pay"' in page
    assert "card" not in page.lower().split('id="commerce-pay-form"')[1].split("</form>")[0]


@override_settings(PAYMENT_PROCESSORS=["checkout.test_pay_form.RecordingProcessor"])
def test_only_the_processors_fields_reach_it(learner, verified_seat):
    RecordingProcessor.seen.clear()
    basket = api.add_skus_to_basket(learner, [verified_seat.sku])
    api.place_order(learner, basket.id, {"card_number": "4111111111111111", "note": "x", "discount_jwt": ""})
    (seen,) = RecordingProcessor.seen
    assert set(seen) == {"card_number", "amount", "currency"}


def test_the_pay_form_posts_the_processor_fields_and_the_card_is_declined_by_the_processor(browser, verified_seat):
    _basket_page(browser, verified_seat)
    basket = Basket.objects.get(owner__username="learner", status="Open")
    response = browser.post(PAY_URL, {"basket_id": basket.id, "card_number": "4000000000000002"})
    assert response.status_code == 302 and response["Location"].endswith("/basket/")
    assert gateway.kinds() == ["decline"]


def test_the_dev_processor_names_its_form_through_the_platform_module():
    assert platform.payment_form_template() == "payment/dev/payment_fields.html"
    assert platform.payment_fields() == ("card_number",)
