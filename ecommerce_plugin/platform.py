"""
The ecommerce service as the plugin sees it: every import of a host (Otto) module happens here.

Two hosts run the plugin: Otto (openedx-unsupported/ecommerce, django-oscar 3.2 forked under
``ecommerce.extensions``) and a stock django-oscar shop. Where they differ (baskets per site,
the partner, the LMS's address, how seats are made, payment and refund), an adapter answers;
which one is chosen once, at start-up, from ``COMMERCE_ECOMMERCE_HOST`` (see settings/common.py).
Oscar itself is a library and is loaded with its own ``get_model``/``get_class`` where used.
"""
import contextlib
import functools
from urllib.parse import urljoin

from django.conf import settings
from django.utils.module_loading import import_string
from edx_rest_api_client.client import OAuthAPIClient

OTTO = "otto"
STOCK_OSCAR = "oscar"
# Otto's waffle sample choosing ecommerce-worker over fulfilling in the checkout request.
OTTO_ASYNC_FULFILLMENT_SAMPLE = "async_order_fulfillment"
# On Otto, the basket attribute keeping the discount token that verified for the basket (ADR 0018).
DISCOUNT_TOKEN_ATTRIBUTE = "commerce_discount_jwt"


class SeatNotPublished(Exception):
    """
    Otto saved the seat but the LMS refused or missed its modes; the seat is not sold until published.
    """


class _LmsApiClient(OAuthAPIClient):
    """
    ``OAuthAPIClient`` bounds only its token request; every API call must be bounded too, or
    one hung LMS worker holds a celery worker (the CCXCon weakness this plugin replaces).
    """

    def request(self, method, url, headers=None, **kwargs):  # pylint: disable=arguments-differ
        kwargs.setdefault("timeout", settings.COMMERCE_LMS_REQUEST_TIMEOUT)
        return super().request(method, url, headers=headers, **kwargs)


class StockOscarShop:
    """
    A stock django-oscar shop: one site, baskets per owner, the plugin's own pages and fulfillment.
    """

    name = STOCK_OSCAR
    # The shop has no learner flow of its own: the plugin mounts /basket/add/, its pay view and
    # basket templates, and queues fulfillment on ``order_placed``.
    mounts_checkout_pages = True
    queues_fulfillment = True
    # Nothing in a stock shop refuses a seat the learner holds: the plugin's held-seat check does.
    refuses_duplicate_seats = False

    def current_site(self, request=None):
        """
        The request's site (``request.site``, set by Django's ``CurrentSiteMiddleware`` as in Otto),
        else the current one (``SITE_ID``).
        """
        from django.contrib.sites.shortcuts import get_current_site  # noqa: PLC0415

        request = request or _current_request()
        return getattr(request, "site", None) or get_current_site(request)

    def shop_url(self, path):
        """
        ``path`` on the current site, absolute (a link in an email): https, http under ``DEBUG``.
        """
        from django.conf import settings  # noqa: PLC0415

        return f"{'http' if settings.DEBUG else 'https'}://{self.current_site().domain}{path}"

    def open_basket(self, user, request=None):
        Basket = _model("basket", "Basket")  # noqa: N806
        basket, _ = Basket.open.get_or_create(owner=user)
        return basket

    def default_partner(self, request=None):
        Partner = _model("partner", "Partner")  # noqa: N806
        partner, _ = Partner.objects.get_or_create(code="edx", defaults={"name": "edX"})
        return partner

    @contextlib.contextmanager
    def pricing_request(self, user, request=None):
        """
        The request offers are applied with; stock Oscar's ``Applicator`` accepts None.
        """
        yield request

    def lms_root(self, site=None):
        return settings.COMMERCE_LMS_URL_ROOT

    def lms_api_client(self):
        return _LmsApiClient(
            settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL,
            settings.BACKEND_SERVICE_EDX_OAUTH2_KEY,
            settings.BACKEND_SERVICE_EDX_OAUTH2_SECRET,
            timeout=settings.COMMERCE_LMS_REQUEST_TIMEOUT,
        )

    def payment_processor(self):
        """
        The shop's payment processor, Otto's ``BasePaymentProcessor`` interface:
        ``handle_processor_response(response, basket)`` charges, ``issue_credit(...)`` refunds.
        """
        return import_string(settings.PAYMENT_PROCESSORS[0])()

    def refund(self, order_number, basket, reference, amount, currency):
        return self.payment_processor().issue_credit(order_number, basket, reference, amount, currency)

    def create_or_update_seat(self, **seat):
        from ecommerce_plugin.catalog.api import create_or_update_stock_seat  # noqa: PLC0415

        return create_or_update_stock_seat(**seat)

    def publish_course_modes(self, course_key):
        """
        The LMS commerce API call Otto's publisher makes, made by the plugin.
        """
        from ecommerce_plugin.catalog.publishing import put_course_modes  # noqa: PLC0415

        put_course_modes(course_key)

    def send_email_messages(self, recipient, messages, attachments=()):
        """
        Send rendered communication-event messages (``subject``, ``body``, ``html``) to one
        address through Oscar's ``Dispatcher``, with ``attachments`` as ``(name, content, mimetype)``.
        """
        from oscar.core.loading import get_class  # noqa: PLC0415

        dispatcher = get_class("communication.utils", "Dispatcher")()
        return 1 if dispatcher.dispatch_direct_messages(recipient, messages, attachments=list(attachments)) else 0

    def course_titles(self, course_keys):
        """
        The title of each course the shop sells seats in: its parent seat product's title (a
        stock shop's parent product is named after the course).
        """
        from ecommerce_plugin.catalog.api import stock_course_titles  # noqa: PLC0415

        return stock_course_titles(course_keys)

    def basket_page_url(self, request):
        """
        Where a buyer goes once something is in their basket: Oscar's basket page (the plugin's
        pay form is on it).
        """
        from django.urls import reverse  # noqa: PLC0415

        return reverse("basket:summary")

    def enqueue_fulfillment(self, order_number, retry=False):
        """
        Fulfil ``order_number`` the shop's one asynchronous way: here the plugin's worker.
        """
        from ecommerce_plugin.fulfillment.tasks import fulfill_order, task_id_for  # noqa: PLC0415

        return fulfill_order.apply_async(args=[order_number], task_id=task_id_for(order_number, retry))

    # A stock shop keeps the discount token in the learner's session (discounts/url_tokens.py).
    def stored_discount_token(self, basket):
        return None

    def store_discount_token(self, basket, token):
        pass

    def forget_discount_token(self, basket):
        pass

    def change_seat_price(self, stockrecord, price):
        """
        Set the price of a seat (``stockrecord`` locked by the caller): the stock record is the price.
        """
        stockrecord.price = price
        stockrecord.save(update_fields=["price", "date_updated"])

    def coupon_offer_fields(self, seats):
        """
        What a coupon's voucher offer needs beyond Oscar's fields on this shop: nothing on a stock shop.
        """
        return {}


class OttoShop(StockOscarShop):
    """
    Otto: baskets and partners per site, the LMS from ``site.siteconfiguration``, seats through
    its ``Course`` model, and its own basket, payment and fulfillment flow left in charge.
    """

    name = OTTO
    mounts_checkout_pages = False
    queues_fulfillment = False
    # Otto's ``prepare_basket`` (``ecommerce/extensions/basket/utils.py``) adds no product the learner
    # already ordered (``UserAlreadyPlacedOrder.user_already_placed_order``, ``order/utils.py``) and
    # raises ``AlreadyPlacedOrderException`` when nothing is left; the plugin relies on that guard.
    refuses_duplicate_seats = True

    def coupon_offer_fields(self, seats):
        """
        Otto's voucher offers as its own coupon tool makes them (``voucher/utils.py``
        ``_get_or_create_offer``): priority ``OFFER_PRIORITY_VOUCHER`` (20), so Otto's ``Applicator``
        tries a coupon before enterprise (10) and other site offers, and the seats' ``partner``, so
        Otto's ``validate_voucher`` refuses the coupon on another partner's site. ``partner`` is set
        only where the offer model has it (Otto's fork; not the sandbox replica's Oscar model).
        """
        from ecommerce.extensions.offer.models import OFFER_PRIORITY_VOUCHER  # noqa: PLC0415

        fields = {"priority": OFFER_PRIORITY_VOUCHER}
        ConditionalOffer = _model("offer", "ConditionalOffer")  # noqa: N806
        partners = {record.partner for seat in seats for record in seat.stockrecords.all()}
        if len(partners) == 1 and any(field.name == "partner" for field in ConditionalOffer._meta.get_fields()):
            fields["partner"] = partners.pop()
        return fields

    def open_basket(self, user, request=None):
        Basket = _model("basket", "Basket")  # noqa: N806
        return Basket.get_basket(user, self.current_site(request))

    def default_partner(self, request=None):
        return self.current_site(request).siteconfiguration.partner

    @contextlib.contextmanager
    def pricing_request(self, user, request=None):
        """
        Otto's ``Applicator`` and offer conditions read the request (its site, its waffle flags,
        ``crum``'s current request); an API call or a task prices with a request of its own.
        """
        import crum  # noqa: PLC0415

        if request is None:
            request = _current_request() or _synthetic_request(user, self.current_site())
        previous = crum.get_current_request()
        crum.set_current_request(request)
        try:
            yield request
        finally:
            crum.set_current_request(previous)

    def lms_root(self, site=None):
        """The LMS of ``site`` (an order's, for a task that runs without a request), else of the current site."""
        return (site or self.current_site()).siteconfiguration.lms_url_root

    def basket_page_url(self, request):
        """
        Otto's own answer after its ``/basket/add/``: the payment MFE when the site uses it,
        else Otto's basket page.
        """
        from ecommerce.extensions.basket.utils import get_payment_microfrontend_or_basket_url  # noqa: PLC0415

        return get_payment_microfrontend_or_basket_url(request)

    # The LMS client is the base one: Otto's ``siteconfiguration.oauth_api_client`` is built from
    # the same BACKEND_SERVICE_EDX_OAUTH2_* settings, but without a timeout on its API calls.

    def payment_processor(self):
        """
        Otto builds processors per site in its payment views; the plugin pays through those views
        only, so it never picks one (Otto's first is an in-app purchase processor).
        """
        raise NotImplementedError("On Otto, payment happens in Otto's own payment views.")

    def refund(self, order_number, basket, reference, amount, currency):
        """
        Otto's way: the processor that took the charge (its name on the charge's
        ``PaymentProcessorResponse``), built for the basket's site, issues the credit.
        """
        from ecommerce.extensions.payment.helpers import get_processor_class_by_name  # noqa: PLC0415

        charge = payment_processor_response_model().objects.filter(basket=basket, transaction_id=reference).first()
        if charge is None:
            raise LookupError(f"No charge {reference} is recorded for basket {basket.id}.")
        processor = get_processor_class_by_name(charge.processor_name)(basket.site)
        return processor.issue_credit(order_number, basket, reference, amount, currency)

    def enqueue_fulfillment(self, order_number, retry=False):
        """
        Otto's way, never the plugin's worker, as Otto's ``EdxOrderPlacementMixin.handle_successful_order``
        chooses: with the waffle sample ``async_order_fulfillment`` on, ecommerce-worker's
        ``fulfill_order`` (which PUTs Otto's ``orders/<number>/fulfill/``); off, Otto's
        ``post_checkout`` receiver, here and now. Otto offers every line again; the plugin's
        ``CompletedLinesModule`` keeps the Complete ones from being fulfilled twice.
        """
        import waffle  # noqa: PLC0415
        from oscar.core.loading import get_class  # noqa: PLC0415

        order = _model("order", "Order").objects.select_related("site", "user").get(number=order_number)
        if waffle.sample_is_active(OTTO_ASYNC_FULFILLMENT_SAMPLE):
            from ecommerce_worker.fulfillment.v1.tasks import fulfill_order  # noqa: PLC0415

            partner = order.site.siteconfiguration.partner
            return fulfill_order.delay(
                order.number, site_code=getattr(partner, "short_code", None) or partner.code, email_opt_in=False
            )
        request = _current_request() or _synthetic_request(order.user, order.site)
        with self.pricing_request(order.user, request):
            get_class("checkout.signals", "post_checkout").send(
                sender=self, order=order, request=request, email_opt_in=False
            )
        return None

    def create_or_update_seat(self, *, partner, course_key, course_title, certificate_type, price, sku=None,
                              id_verification_required=False):
        """
        Otto's ``Course.create_or_update_seat``, then ``publish_to_lms`` so the LMS's modes carry the SKU.
        """
        from ecommerce.courses.models import Course  # noqa: PLC0415

        from ecommerce_plugin.catalog.api import seat_for_product  # noqa: PLC0415

        # ``sku`` finds the seat to update; a new seat gets the SKU Otto generates for it.
        course, _ = Course.objects.get_or_create(
            id=str(course_key), defaults={"name": course_title, "partner": partner}
        )
        product = course.create_or_update_seat(certificate_type, id_verification_required, price, sku=sku)
        error = course.publish_to_lms()
        if error:
            raise SeatNotPublished(f"{course_key} {certificate_type}: {error}")
        return seat_for_product(product)

    def publish_course_modes(self, course_key):
        """
        Otto's own publication of a course's seats to the LMS (``Course.publish_to_lms``).
        """
        from ecommerce.courses.models import Course  # noqa: PLC0415

        course = Course.objects.filter(id=str(course_key)).first()
        if course is None:
            raise SeatNotPublished(f"{course_key}: Otto has no such course.")
        error = course.publish_to_lms()
        if error:
            raise SeatNotPublished(f"{course_key}: {error}")

    def shop_url(self, path):
        """
        Otto's own link to ``path``: ``SiteConfiguration.build_ecommerce_url`` (its ``PROTOCOL``).
        """
        return self.current_site().siteconfiguration.build_ecommerce_url(path)

    def send_email_messages(self, recipient, messages, attachments=()):
        """
        Otto's ``Dispatcher`` sends from the site's address (``siteconfiguration.get_from_email()``)
        and attaches nothing; a message with attachments is built the same way, with them.
        """
        from ecommerce.extensions.communication.utils import Dispatcher  # noqa: PLC0415

        site = self.current_site()
        if not (messages["subject"] and messages["body"]):
            return 0
        if not attachments:
            Dispatcher().dispatch_direct_messages(recipient, messages, site)
            return 1
        from django.core.mail import EmailMultiAlternatives  # noqa: PLC0415

        email = EmailMultiAlternatives(
            messages["subject"], messages["body"], from_email=site.siteconfiguration.get_from_email(),
            to=[recipient], attachments=list(attachments),
        )
        if messages["html"]:
            email.attach_alternative(messages["html"], "text/html")
        return email.send()

    def course_titles(self, course_keys):
        """
        Otto's ``Course.name`` (its parent seat product is called "Seat in <name>").
        """
        from ecommerce.courses.models import Course  # noqa: PLC0415

        return dict(Course.objects.filter(id__in=list(course_keys)).values_list("id", "name"))


    def stored_discount_token(self, basket):
        """
        The token kept in Otto's ``BasketAttribute`` when it first verified for this basket, or None.
        """
        if basket.id is None:
            return None
        return (
            _model("basket", "BasketAttribute").objects.filter(
                basket_id=basket.id, attribute_type__name=DISCOUNT_TOKEN_ATTRIBUTE
            ).values_list("value_text", flat=True).first()
        )

    def store_discount_token(self, basket, token):
        if basket.id is None:
            return
        attribute_type, _ = _model("basket", "BasketAttributeType").objects.get_or_create(name=DISCOUNT_TOKEN_ATTRIBUTE)
        _model("basket", "BasketAttribute").objects.update_or_create(
            basket_id=basket.id, attribute_type=attribute_type, defaults={"value_text": token}
        )

    def forget_discount_token(self, basket):
        if basket.id is not None:
            _model("basket", "BasketAttribute").objects.filter(
                basket_id=basket.id, attribute_type__name=DISCOUNT_TOKEN_ATTRIBUTE
            ).delete()

    def change_seat_price(self, stockrecord, price):
        """
        Otto's way, as its course publication API changes a price: ``Course.create_or_update_seat``
        with the seat's own SKU, type, verification, expiry and credit attributes, so that nothing
        but the price moves and no other mode is removed. The caller publishes the course's modes
        to the LMS after its commit (``publish_course_modes``: Otto's ``Course.publish_to_lms``).
        """
        from ecommerce.courses.models import Course  # noqa: PLC0415

        product = stockrecord.product
        attributes = product.attr
        Course.objects.get(id=str(attributes.course_key)).create_or_update_seat(
            getattr(attributes, "certificate_type", "") or "",
            bool(getattr(attributes, "id_verification_required", False)),
            price,
            credit_provider=getattr(attributes, "credit_provider", None),
            expires=getattr(product, "expires", None),
            credit_hours=getattr(attributes, "credit_hours", None),
            remove_stale_modes=False,
            sku=stockrecord.partner_sku,
        )


def _model(app_label, name):
    from oscar.core.loading import get_model  # noqa: PLC0415

    return get_model(app_label, name)


def _current_request():
    import crum  # noqa: PLC0415

    return crum.get_current_request()


def _synthetic_request(user, site):
    from django.test import RequestFactory  # noqa: PLC0415

    request = RequestFactory().get("/", SERVER_NAME=site.domain.split(":")[0])
    request.user = user
    request.site = site
    request.session = {}
    return request


@functools.cache
def shop():
    """
    The adapter for this process's host, chosen once from ``COMMERCE_ECOMMERCE_HOST``.
    """
    return OttoShop() if settings.COMMERCE_ECOMMERCE_HOST == OTTO else StockOscarShop()


def is_otto():
    return shop().name == OTTO


def open_basket(user, request=None):
    """
    The user's editable basket on this site (Otto: ``Basket.get_basket(user, site)``).
    """
    return shop().open_basket(user, request)


def basket_page_url(request):
    """
    The host's basket (Otto: its payment MFE or basket page, as after its ``/basket/add/``).
    """
    return shop().basket_page_url(request)


def default_partner(request=None):
    """
    The partner that sells on this site (Otto: ``site.siteconfiguration.partner``).
    """
    return shop().default_partner(request)


def pricing_request(user, request=None):
    """
    Context manager yielding the request a basket is priced with (Otto needs one every time).
    """
    return shop().pricing_request(user, request)


def payment_processor():
    return shop().payment_processor()


def payment_form_template():
    """
    The template of the configured processor's own payment fields, or None.

    The plugin never renders a card field itself: the fields (a card form, a gateway's hosted
    iframe, a token widget) belong to the processor, which names its template in a
    ``payment_form_template`` attribute. Otto's processors have none, as Otto renders its own
    basket page and the plugin's pay form is not used there.
    """
    return getattr(import_string(settings.PAYMENT_PROCESSORS[0]), "payment_form_template", None)


def payment_fields():
    """
    Names of the pay form's fields the processor reads (its ``payment_fields`` attribute); the
    checkout forwards these, and only these, to ``handle_processor_response``.
    """
    return tuple(getattr(import_string(settings.PAYMENT_PROCESSORS[0]), "payment_fields", ()))


def host_refuses_duplicate_seats():
    """
    Whether the host itself refuses to sell a learner a seat they hold or have ordered.

    A stock Oscar shop does not, so the plugin does (``held_seats``). Otto does (its
    ``/basket/add/`` runs ``prepare_basket``, which skips a product ``UserAlreadyPlacedOrder``
    finds ordered and not refunded), and the plugin then stays out of the way rather than refuse
    on different grounds.
    """
    return shop().refuses_duplicate_seats


def payment_errors():
    """
    The exception classes a processor raises for a declined payment and for a gateway failure:
    Oscar's own, which Otto's processors raise (or subclass) too.
    """
    from oscar.apps.payment.exceptions import GatewayError, TransactionDeclined  # noqa: PLC0415

    return TransactionDeclined, GatewayError


def refund(order_number, basket, reference, amount, currency):
    """
    Give back a charge whose order could not be written, through the processor that took it.
    """
    return shop().refund(order_number, basket, reference, amount, currency)


def lms_api_client():
    """
    A requests session that authenticates to the LMS as this service's user (OAuth2 client
    credentials, JWT), with the plugin's timeouts on every call.
    """
    return shop().lms_api_client()


def lms_url(path, site=None):
    """
    ``path`` on the LMS of ``site``, else of this site (Otto: ``site.siteconfiguration.lms_url_root``).
    """
    return urljoin(shop().lms_root(site).rstrip("/") + "/", path.lstrip("/"))


def create_or_update_seat(**seat):
    """
    The seat product for a course mode, made the host's way; returns a ``catalog.data.Seat``.
    """
    return shop().create_or_update_seat(**seat)


def publish_course_modes(course_key):
    """
    The course's seat prices and SKUs sent to the LMS's modes (Otto: by Otto's own publisher).
    """
    return shop().publish_course_modes(course_key)


def send_email_messages(recipient, messages, attachments=()):
    """
    Send messages rendered from one of the shop's communication event types; 1 when sent.
    """
    return shop().send_email_messages(recipient, messages, attachments)

def shop_url(path):
    """
    ``path`` (an URL path of the shop) as an absolute URL on the current site.
    """
    return shop().shop_url(path)


def course_titles(course_keys):
    """
    ``{course key: title}`` for the courses among ``course_keys`` the shop knows a title of
    (Otto: its ``Course.name``; a stock shop: the course's parent seat product).
    """
    keys = {str(key) for key in course_keys}
    return {key: title for key, title in shop().course_titles(keys).items() if title} if keys else {}

def stored_discount_token(basket):
    """
    Otto: the discount token kept with the basket since it first verified (Stripe and PayPal's
    executions carry none). A stock shop keeps it in the session instead: None.
    """
    return shop().stored_discount_token(basket)


def store_discount_token(basket, token):
    shop().store_discount_token(basket, token)


def forget_discount_token(basket):
    shop().forget_discount_token(basket)

def change_seat_price(stockrecord, price):
    """
    Set a seat's price the host's way (Otto: through its ``Course``); the caller publishes it.
    """
    return shop().change_seat_price(stockrecord, price)


def payment_processor_response_model():
    """
    Otto's ``PaymentProcessorResponse``: what the payment processor reported, one row per call.
    The finance audits reconcile the shop's sales against it.
    """
    from ecommerce.extensions.payment.models import PaymentProcessorResponse  # noqa: PLC0415

    return PaymentProcessorResponse


def enqueue_fulfillment(order_number, retry=False):
    """
    Fulfil a placed order the host's one asynchronous way (stock: the plugin's worker; Otto: its
    switch and ecommerce-worker). Never both: the plugin's task refuses to run on Otto.
    """
    return shop().enqueue_fulfillment(order_number, retry)


def coupon_offer_fields(seats):
    """
    Fields of a coupon's voucher offer the shop's own vouchers have (Otto: priority and partner).
    """
    return shop().coupon_offer_fields(seats)


def otto_enrollment_fulfillment_module():
    """
    Otto's seat module (``ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule``),
    which the plugin's Otto seat module extends.
    """
    return import_string("ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule")
