"""
The plugin inside a real Otto: it attaches where Otto lets it and leaves Otto's flow in charge.
"""
import logging
from decimal import Decimal

import crum
import pytest
from django.conf import settings
from django.db import transaction
from django.test import RequestFactory
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.module_loading import import_string
from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.tests.factories import SiteConfigurationFactory, UserFactory
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import ensure_seat_product_class
from ecommerce_plugin.checkout import api as checkout
from ecommerce_plugin.checkout.data import CheckoutContext
from ecommerce_plugin.discounts.offer import (
    BENEFIT_PROXY,
    CONDITION_PROXY,
    OTTO_OFFER_NAME,
    ensure_dynamic_discount_offer,
)
from ecommerce_plugin.settings.common import CHECKOUT_TEMPLATE_OVERRIDES
from ecommerce_plugin.transactions import on_commit_robust

Basket = get_model("basket", "Basket")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_configuration():
    configuration = SiteConfigurationFactory(lms_url_root="http://lms.otto.test")
    configuration.partner.default_site = configuration.site
    configuration.partner.save()
    return configuration


@pytest.fixture
def on_site(site_configuration):
    """A request on the configured site is the current one, as Otto's middleware makes it."""
    request = RequestFactory().get("/", SERVER_NAME=site_configuration.site.domain)
    request.site = site_configuration.site
    request.user = UserFactory()
    crum.set_current_request(request)
    yield request
    crum.set_current_request(None)


def test_the_otto_adapter_is_chosen_at_start_up():
    assert settings.COMMERCE_ECOMMERCE_HOST == "otto"
    assert isinstance(platform.shop(), platform.OttoShop)


def test_otto_status_pipelines_are_merged_not_overwritten():
    order_pipeline = settings.OSCAR_ORDER_STATUS_PIPELINE
    assert order_pipeline[ORDER.PENDING] == (ORDER.OPEN, ORDER.PAYMENT_ERROR)
    assert order_pipeline[ORDER.PAYMENT_ERROR] == ()
    # Otto's transitions keep their order; the staff retry (error -> Open) is added after them.
    assert order_pipeline[ORDER.FULFILLMENT_ERROR][:2] == (ORDER.COMPLETE, ORDER.OPEN)
    assert settings.OSCAR_LINE_STATUS_PIPELINE[LINE.FULFILLMENT_SERVER_ERROR][0] == LINE.COMPLETE
    assert settings.OSCAR_INITIAL_ORDER_STATUS == ORDER.OPEN


def test_otto_keeps_its_basket_add_page_and_the_plugin_mounts_no_pay_view():
    try:
        match = resolve("/basket/add/")
    except Resolver404:
        match = None  # the Otto-faithful sandbox replicates no basket views
    assert match is None or match.func.__module__ == "ecommerce.extensions.basket.views"
    for name in ("checkout-pay", "checkout-receipt", "checkout"):
        with pytest.raises(NoReverseMatch):
            reverse(f"commerce_ecommerce:{name}", kwargs={"order_number": "X"} if name == "checkout-receipt" else {})
    assert all(CHECKOUT_TEMPLATE_OVERRIDES not in engine.get("DIRS", []) for engine in settings.TEMPLATES)


def test_the_plugin_apis_are_mounted_beside_otto():
    assert reverse("commerce_ecommerce:ccx-quote") == "/api/commerce/v1/ccx/quotes/"


def test_fulfillment_is_left_to_otto():
    # disconnect() answers whether the receiver was connected (and changes nothing when it was not).
    assert order_placed.disconnect(dispatch_uid="commerce_fulfillment.enqueue") is False
    assert "ecommerce_plugin.fulfillment.modules.EnrollmentFulfillmentModule" not in settings.FULFILLMENT_MODULES


def test_the_plugin_modules_lead_otto_fulfillment_modules_and_extend_its_seat_module():
    from ecommerce.extensions.fulfillment.api import get_fulfillment_modules  # noqa: PLC0415
    from ecommerce.extensions.fulfillment.modules import EnrollmentFulfillmentModule  # noqa: PLC0415

    modules = get_fulfillment_modules()
    assert [module.__name__ for module in modules[:4]] == [
        "CompletedLinesModule", "RegistrationCodesModule", "CcxPurchaseModule", "EnrollmentFulfillmentModule",
    ]
    assert issubclass(modules[3], EnrollmentFulfillmentModule) and modules[3] is not EnrollmentFulfillmentModule
    assert "ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule" not in settings.FULFILLMENT_MODULES
    assert len(modules) == len(settings.FULFILLMENT_MODULES)  # every one of Otto's own still loads
    assert "ecommerce_plugin.fulfillment.otto_receipt.ReceiptHandOffMiddleware" in settings.MIDDLEWARE


def test_the_plugin_tasks_have_their_own_queue_on_otto_broker():
    assert settings.CELERY_ROUTES["ecommerce_plugin.*"] == {"queue": settings.COMMERCE_CELERY_QUEUE}
    assert "ecommerce_plugin.fulfillment.tasks" in settings.CELERY_IMPORTS
    assert "ecommerce_worker.fulfillment.v1.tasks" in settings.CELERY_IMPORTS


def test_every_plugin_task_is_routed_to_the_plugin_queue():
    """Otto's own queue is ecommerce-worker's, which knows none of the plugin's tasks."""
    import importlib  # noqa: PLC0415

    from celery import current_app  # noqa: PLC0415
    from celery.app.routes import MapRoute  # noqa: PLC0415

    from ecommerce_plugin.settings.common import TASK_MODULES  # noqa: PLC0415

    for module in TASK_MODULES:
        importlib.import_module(module)
    names = sorted(name for name, task in current_app.tasks.items() if task.__module__.startswith("ecommerce_plugin."))
    assert "commerce.ccx_purchases.sync_ccx_purchase" in names
    # Celery's own matching of CELERY_ROUTES (Otto's celery app reads Otto's old-style names).
    route = MapRoute(settings.CELERY_ROUTES)
    assert {name: (route(name) or {}).get("queue") for name in names} == dict.fromkeys(
        names, settings.COMMERCE_CELERY_QUEUE
    )


def test_baskets_are_per_site_through_otto_get_basket(on_site, site_configuration):
    user = on_site.user
    basket = platform.open_basket(user)
    assert basket.site == site_configuration.site
    assert platform.open_basket(user, on_site).id == basket.id
    other = SiteConfigurationFactory()
    other_request = RequestFactory().get("/")
    other_request.site = other.site
    assert platform.open_basket(user, other_request).site == other.site
    assert Basket.objects.filter(owner=user).count() == 2


def test_the_partner_and_the_lms_come_from_the_site_configuration(on_site, site_configuration):
    assert platform.default_partner() == site_configuration.partner
    assert platform.lms_url("/api/discounts/v2/course/x") == "http://lms.otto.test/api/discounts/v2/course/x"


def test_a_basket_priced_without_a_request_gets_one(site_configuration, monkeypatch):
    """Otto's Applicator and conditions read the current request; an API call or a task has none."""
    seen = []
    monkeypatch.setattr(
        checkout.Applicator, "apply",
        lambda self, basket, user=None, request=None, **kwargs: seen.append((request, crum.get_current_request())),
    )
    user = UserFactory()
    basket = Basket.create_basket(site_configuration.site, user)
    checkout.prepare_basket(basket, CheckoutContext(user=user))
    (request, current), = seen
    assert request is current and request.user == user
    assert crum.get_current_request() is None


def test_otto_dynamic_offer_is_repointed_not_duplicated():
    if not ConditionalOffer.objects.filter(name=OTTO_OFFER_NAME).exists():
        # Otto's offer migration 0025 makes these rows (the real-Otto suite runs without migrations).
        condition = Condition.objects.create(
            proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicDiscountCondition"
        )
        benefit = Benefit.objects.create(
            value=1, proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicPercentageDiscountBenefit"
        )
        ConditionalOffer.objects.create(
            name=OTTO_OFFER_NAME, condition=condition, benefit=benefit, max_basket_applications=1, priority=-10
        )
    offers_before = ConditionalOffer.objects.count()
    ensure_dynamic_discount_offer()
    ensure_dynamic_discount_offer()
    offer = ConditionalOffer.objects.get(name=OTTO_OFFER_NAME)
    assert (offer.condition.proxy_class, offer.benefit.proxy_class) == (CONDITION_PROXY, BENEFIT_PROXY)
    assert ConditionalOffer.objects.count() == offers_before
    for row in (offer.condition, offer.benefit):
        if hasattr(type(row), "history"):  # Otto's own history (the sandbox's stock rows keep none)
            changes = type(row).history.filter(id=row.id, history_type="~")
            assert list(changes.values_list("proxy_class", "history_change_reason")) == [
                (row.proxy_class, "pointed at the plugin's discount classes")
            ]
    # Otto's basket page and receipt recognise the discount by this name.
    assert offer.condition.proxy().name == "dynamic_discount_condition"


def test_an_otto_without_the_offer_gets_none_from_the_plugin():
    ConditionalOffer.objects.filter(name=OTTO_OFFER_NAME).delete()
    assert ensure_dynamic_discount_offer() is None
    assert not ConditionalOffer.objects.filter(condition__proxy_class=CONDITION_PROXY).exists()


def test_otto_seat_class_is_kept():
    before = list(ProductClass.objects.filter(slug="seat").values_list("id", flat=True))
    seat_class = ensure_seat_product_class()
    assert list(ProductClass.objects.filter(slug="seat").values_list("id", flat=True)) == before
    assert seat_class is None or seat_class.id in before


@pytest.fixture
def otto_seat_class():
    """Otto's Seat class as its catalogue migrations make it (the suite builds tables without them)."""
    ProductAttribute = get_model("catalogue", "ProductAttribute")  # noqa: N806
    seat_class = ProductClass.objects.create(name="Seat", slug="seat", requires_shipping=False, track_stock=False)
    for code, attribute_type in (
        ("course_key", "text"), ("certificate_type", "text"), ("id_verification_required", "boolean"),
        ("credit_provider", "text"), ("credit_hours", "integer"),
    ):
        ProductAttribute.objects.create(product_class=seat_class, name=code, code=code, type=attribute_type)
    get_model("catalogue", "Category").add_root(name="Seats", slug="seats", is_public=True)
    return seat_class


def test_otto_seat_class_is_kept_when_it_exists(otto_seat_class):
    assert ensure_seat_product_class() == otto_seat_class
    assert ProductClass.objects.filter(slug="seat").count() == 1
    assert otto_seat_class.attributes.count() == 5


def test_seats_are_made_by_otto_course_and_published_to_the_lms(site_configuration, otto_seat_class, monkeypatch):
    published = []
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: published.append(course.id))
    seat = platform.create_or_update_seat(
        partner=site_configuration.partner, course_key="course-v1:edX+Otto+2026", course_title="Otto 101",
        certificate_type="verified", price=Decimal("49.00"), id_verification_required=True,
    )
    from ecommerce.courses.models import Course  # noqa: PLC0415

    course = Course.objects.get(id="course-v1:edX+Otto+2026")
    assert [product.id for product in course.seat_products] == [seat.product_id]
    assert (seat.course_key, seat.certificate_type, seat.price) == ("course-v1:edX+Otto+2026", "verified", Decimal("49.00"))
    assert published == ["course-v1:edX+Otto+2026"]


def test_a_course_title_is_otto_course_name_not_its_seat_product_title(site_configuration, otto_seat_class, monkeypatch):
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    platform.create_or_update_seat(
        partner=site_configuration.partner, course_key="course-v1:edX+Titled+2026", course_title="Otto 103",
        certificate_type="verified", price=Decimal("49.00"),
    )
    from ecommerce_plugin.catalog.api import course_titles  # noqa: PLC0415

    assert course_titles(["course-v1:edX+Titled+2026", "course-v1:edX+Nothing+2026"]) == {
        "course-v1:edX+Titled+2026": "Otto 103",
    }


def test_a_seat_the_lms_refuses_is_reported(site_configuration, otto_seat_class, monkeypatch):
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: "LMS said no")
    with pytest.raises(platform.SeatNotPublished):
        platform.create_or_update_seat(
            partner=site_configuration.partner, course_key="course-v1:edX+Otto+2027", course_title="Otto 102",
            certificate_type="verified", price=Decimal("49.00"),
        )


def test_otto_stores_the_gateway_payload_as_text():
    """Otto's ``jsonfield.JSONField``: a TEXT column, so nothing can be looked up inside a payload."""
    from django.core.exceptions import FieldError  # noqa: PLC0415

    response_model = platform.payment_processor_response_model()
    assert response_model._meta.get_field("response").get_internal_type() == "TextField"
    with pytest.raises(FieldError):
        list(response_model.objects.filter(response__status="succeeded"))


def test_the_payment_audit_reads_otto_payment_sources_not_the_gateway_payload(
    site_configuration, otto_seat_class, monkeypatch
):
    """
    An order paid and partly refunded as Otto records it (``EdxOrderPlacementMixin.record_payment``,
    ``Refund._issue_credit``): the gateway's raw payloads beside a Source and its payment events.
    """
    from oscar.test.factories import create_order  # noqa: PLC0415

    from ecommerce_plugin.finance import api as finance_api  # noqa: PLC0415

    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    seat = platform.create_or_update_seat(
        partner=site_configuration.partner, course_key="course-v1:edX+Audit+2026", course_title="Audit 101",
        certificate_type="verified", price=Decimal("49.00"), id_verification_required=True,
    )
    user = UserFactory()
    basket = Basket.create_basket(site_configuration.site, user)
    basket.add_product(get_model("catalogue", "Product").objects.get(id=seat.product_id))
    order = create_order(basket=basket, user=user)
    response_model = platform.payment_processor_response_model()
    response_model.objects.create(
        processor_name="stripe", transaction_id="pi_1", basket=basket,
        response={"id": "pi_1", "object": "payment_intent", "amount": 4900, "currency": "usd", "status": "succeeded"},
    )
    source_type, _ = get_model("payment", "SourceType").objects.get_or_create(name="stripe")
    source = get_model("payment", "Source").objects.create(
        order=order, source_type=source_type, currency="USD", amount_allocated=order.total_incl_tax,
        amount_debited=order.total_incl_tax, reference="pi_1",
    )
    PaymentEvent = get_model("order", "PaymentEvent")  # noqa: N806
    PaymentEventType = get_model("order", "PaymentEventType")  # noqa: N806
    PaymentEvent.objects.create(order=order, amount=order.total_incl_tax, reference="pi_1",
                                event_type=PaymentEventType.objects.get_or_create(name="Paid")[0])
    response_model.objects.create(
        processor_name="stripe", transaction_id="re_1", basket=basket,
        response={"id": "re_1", "object": "refund", "amount": 1000, "payment_intent": "pi_1", "status": "succeeded"},
    )
    source.refund(Decimal("10.00"), reference="re_1")
    PaymentEvent.objects.create(order=order, amount=Decimal("10.00"), reference="re_1",
                                event_type=PaymentEventType.objects.get_or_create(name="Refunded")[0])

    (row,) = finance_api.payment_audit(["course-v1:edX+Audit+2026"])
    assert (row.shop_total, row.processor_charged, row.processor_refunded, row.processor_net, row.difference) == (
        Decimal("49.00"), Decimal("49.00"), Decimal("10.00"), Decimal("39.00"), Decimal("0.00")
    )


def _finance_admin(course_key):
    from ecommerce_plugin.finance.models import CourseRole  # noqa: PLC0415

    user = UserFactory()
    CourseRole.objects.create(user=user, course_key=course_key, role=CourseRole.FINANCE_ADMIN)
    return user


def _otto_seat(site_configuration, monkeypatch, course_key):
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    return platform.create_or_update_seat(
        partner=site_configuration.partner, course_key=course_key, course_title="Prices 101",
        certificate_type="verified", price=Decimal("49.00"), id_verification_required=True,
    )


def test_a_price_change_goes_through_otto_course_and_is_published(
    site_configuration, otto_seat_class, monkeypatch, django_capture_on_commit_callbacks
):
    from ecommerce.courses.models import Course  # noqa: PLC0415

    from ecommerce_plugin.finance import api as finance_api  # noqa: PLC0415

    seat = _otto_seat(site_configuration, monkeypatch, "course-v1:edX+Prices+2026")
    through_course, published = [], []
    create_or_update_seat = Course.create_or_update_seat

    def seat_path(course, *args, **kwargs):
        through_course.append((course.id, args, kwargs["sku"]))
        return create_or_update_seat(course, *args, **kwargs)

    monkeypatch.setattr(Course, "create_or_update_seat", seat_path)
    monkeypatch.setattr(Course, "publish_to_lms", lambda course: published.append(
        [(product.attr.certificate_type, product.stockrecords.get().price) for product in course.seat_products]
    ))
    with django_capture_on_commit_callbacks(execute=True):
        assert finance_api.change_seat_price(_finance_admin(seat.course_key), seat.sku, Decimal("59.00")) == (
            seat.course_key, Decimal("49.00"), Decimal("59.00")
        )
    assert through_course == [(seat.course_key, ("verified", True, Decimal("59.00")), seat.sku)]
    # After the commit, the LMS gets the course's modes with the new price, from Otto's own seat rows.
    assert published == [[("verified", Decimal("59.00"))]]
    (product,) = Course.objects.get(id=seat.course_key).seat_products
    assert product.id == seat.product_id and product.attr.id_verification_required
    assert product.stockrecords.get().partner_sku == seat.sku


def test_a_seat_ordered_again_is_left_to_otto_guard(site_configuration, otto_seat_class, monkeypatch):
    """
    Otto's ``prepare_basket`` skips a product ``UserAlreadyPlacedOrder`` finds ordered; the
    plugin's own held-seat check (stock Oscar's guard) stands aside on Otto instead of refusing too.
    """
    from ecommerce.extensions.order.utils import UserAlreadyPlacedOrder  # noqa: PLC0415
    from oscar.test.factories import create_order  # noqa: PLC0415

    from ecommerce_plugin.held_seats import api as held_seats  # noqa: PLC0415

    # Otto's catalogue migrations make this option; the suite may build tables without them.
    get_model("catalogue", "Option").objects.get_or_create(code="course_entitlement", defaults={"name": "Course Entitlement"})
    seat = _otto_seat(site_configuration, monkeypatch, "course-v1:edX+Again+2026")
    product = get_model("catalogue", "Product").objects.get(id=seat.product_id)
    user = UserFactory()
    basket = Basket.create_basket(site_configuration.site, user)
    basket.add_product(product)
    create_order(basket=basket, user=user)

    assert UserAlreadyPlacedOrder.user_already_placed_order(user=user, product=product, site=site_configuration.site)
    assert platform.host_refuses_duplicate_seats()
    held_seats.refuse_if_held(user, seat)  # no refusal of its own (and no LMS call) on Otto


def test_payment_errors_are_oscars():
    from oscar.apps.payment.exceptions import GatewayError, TransactionDeclined  # noqa: PLC0415

    assert platform.payment_errors() == (TransactionDeclined, GatewayError)


class RecordingProcessor:
    """Stands in for a gateway: Otto builds processors per site and asks them for the credit."""

    NAME = "recording-gateway"
    credits = []

    def __init__(self, site):
        self.site = site

    def issue_credit(self, order_number, basket, reference_number, amount, currency):
        self.credits.append((self.site, order_number, basket.id, reference_number, amount, currency))
        return "refund-1"


def test_a_refund_goes_through_the_processor_that_took_the_charge(settings, site_configuration):
    path = f"{__name__}.RecordingProcessor"
    settings.PAYMENT_PROCESSORS = [*settings.PAYMENT_PROCESSORS, path]
    # The class Otto's lookup imports by path (under importlib mode, not this module's own object).
    recorder = import_string(path)
    recorder.credits.clear()
    basket = Basket.create_basket(site_configuration.site, UserFactory())
    platform.payment_processor_response_model().objects.create(
        processor_name=RecordingProcessor.NAME, transaction_id="ch_1", basket=basket, response={"id": "ch_1"}
    )
    assert platform.refund("EDX-100001", basket, "ch_1", Decimal("49.00"), "USD") == "refund-1"
    assert recorder.credits == [
        (site_configuration.site, "EDX-100001", basket.id, "ch_1", Decimal("49.00"), "USD")
    ]


def test_a_refund_of_an_unrecorded_charge_is_refused(site_configuration):
    basket = Basket.create_basket(site_configuration.site, UserFactory())
    with pytest.raises(LookupError):
        platform.refund("EDX-100002", basket, "ch_unknown", Decimal("1.00"), "USD")


def test_the_plugin_never_picks_an_otto_payment_processor():
    with pytest.raises(NotImplementedError):
        platform.payment_processor()


@pytest.mark.django_db(transaction=True)
def test_a_failing_after_commit_callback_never_breaks_the_commit_on_django_32(caplog):
    """Otto runs Django 3.2, where on_commit has no robust=True: the plugin emulates it."""
    ran = []

    def broker_down():
        raise ConnectionError("broker down")

    with caplog.at_level(logging.ERROR, logger="ecommerce_plugin.transactions"), transaction.atomic():
        partner = SiteConfigurationFactory().partner
        on_commit_robust(broker_down)
        on_commit_robust(lambda: ran.append("next callback"))
    assert ran == ["next callback"]
    assert type(partner).objects.filter(id=partner.id).exists()
    assert "broker down" in caplog.text


MESSAGES = {"subject": "Codes", "body": "Your codes", "html": "<p>Your codes</p>", "sms": ""}


def test_the_plugin_event_types_are_otto_communication_event_types():
    from ecommerce_plugin import messaging  # noqa: PLC0415

    CommunicationEventType = get_model("communication", "CommunicationEventType")  # noqa: N806
    assert set(CommunicationEventType.objects.filter(code__in=messaging.EVENT_TYPES).values_list("code", flat=True)) \
        == set(messaging.EVENT_TYPES)


def test_plugin_emails_go_through_otto_dispatcher_from_the_site_address(on_site, site_configuration, mailoutbox):
    assert platform.send_email_messages("ada@example.com", MESSAGES) == 1
    (message,) = mailoutbox
    assert message.from_email == site_configuration.get_from_email()
    assert (message.subject, message.body) == ("Codes", "Your codes")
    assert message.alternatives[0][1] == "text/html"


def test_an_email_with_an_attachment_keeps_otto_sender_and_html(on_site, site_configuration, mailoutbox):
    assert platform.send_email_messages("ada@example.com", MESSAGES, [("codes.csv", "code\nX\n", "text/csv")]) == 1
    (message,) = mailoutbox
    assert message.from_email == site_configuration.get_from_email()
    assert message.attachments == [("codes.csv", "code\nX\n", "text/csv")]
    assert message.alternatives[0] == ("<p>Your codes</p>", "text/html")


def test_the_plugin_templates_render_on_otto(on_site):
    from ecommerce_plugin import messaging  # noqa: PLC0415

    messages = messaging.render(messaging.ORDER_CODES, {
        "order": {"number": "EDX-1"}, "courses": [{"title": "Otto Course", "codes": ["ABC"]}], "redeem_url": "x",
    })
    assert messages["subject"].endswith("your registration codes for order EDX-1")
    assert "Otto Course" in messages["body"] and "Otto Course" in messages["html"]


def test_a_price_change_reaches_the_lms_through_otto_publisher(site_configuration, otto_seat_class, monkeypatch,
                                                                django_capture_on_commit_callbacks):
    from ecommerce_plugin.finance import api as finance_api  # noqa: PLC0415
    from ecommerce_plugin.finance.models import CourseRole  # noqa: PLC0415

    published = []
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: published.append(course.id))
    seat = platform.create_or_update_seat(
        partner=site_configuration.partner, course_key="course-v1:edX+Priced+2026", course_title="Otto 104",
        certificate_type="verified", price=Decimal("49.00"),
    )
    published.clear()
    money = UserFactory()
    CourseRole.objects.create(user=money, course_key=seat.course_key, role=CourseRole.FINANCE_ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        finance_api.change_seat_price(money, seat.sku, Decimal("60.00"))
    assert published == ["course-v1:edX+Priced+2026"]
    from ecommerce.courses.models import Course  # noqa: PLC0415

    prices = [product.stockrecords.first().price for product in Course.objects.get(id=seat.course_key).seat_products]
    assert prices == [Decimal("60.00")]


def test_the_course_pages_are_mounted_and_role_checked_on_otto(client, site_configuration, otto_seat_class,
                                                               monkeypatch, settings):
    from ecommerce_plugin.finance.models import CourseRole  # noqa: PLC0415

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, site_configuration.site.domain]
    monkeypatch.setattr("ecommerce.courses.models.Course.publish_to_lms", lambda course: None)
    seat = platform.create_or_update_seat(
        partner=site_configuration.partner, course_key="course-v1:edX+Pages+2026", course_title="Otto 105",
        certificate_type="verified", price=Decimal("49.00"),
    )
    url = reverse("commerce_ecommerce:course-page", kwargs={"course_key": seat.course_key})
    assert url == "/commerce/courses/course-v1:edX+Pages+2026/"
    money, stranger = UserFactory(), UserFactory()
    CourseRole.objects.create(user=money, course_key=seat.course_key, role=CourseRole.FINANCE_ADMIN)
    client.force_login(stranger)
    assert client.get(url, SERVER_NAME=site_configuration.site.domain).status_code == 403
    client.force_login(money)
    page = client.get(url, SERVER_NAME=site_configuration.site.domain)
    assert page.status_code == 200
    assert f'data-sku="{seat.sku}"' in page.content.decode() and 'id="invoice-form"' in page.content.decode()
