"""
The ecommerce service as the plugin sees it: every import of a host (Otto) module happens here.

Oscar is a library and is loaded with its own ``get_model``/``get_class`` wherever it is
used; what belongs to the service itself (its payment processors, its service credentials
for the LMS) comes through this module, so a deployment whose service differs from Otto
changes this file only.
"""
from django.conf import settings
from django.utils.module_loading import import_string
from edx_rest_api_client.client import OAuthAPIClient


def payment_processor():
    """
    The service's configured payment processor (Otto's ``PAYMENT_PROCESSORS``, first entry).

    Its interface is Otto's ``BasePaymentProcessor``: ``handle_processor_response(response,
    basket)`` charges and returns a ``HandledProcessorResponse``; ``issue_credit(...)`` refunds.
    """
    return import_string(settings.PAYMENT_PROCESSORS[0])()


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
    ``/basket/add/`` and payment views check ``UserAlreadyPlacedOrder`` and the LMS enrollment),
    and the plugin then stays out of the way rather than refuse on different grounds.
    """
    return False


def payment_errors():
    """
    The exception classes a processor raises for a declined payment and for a gateway failure.
    """
    from ecommerce.extensions.payment.exceptions import GatewayError, TransactionDeclined  # noqa: PLC0415

    return TransactionDeclined, GatewayError


class _LmsApiClient(OAuthAPIClient):
    """
    ``OAuthAPIClient`` bounds only its token request; every API call must be bounded too, or
    one hung LMS worker holds a celery worker (the CCXCon weakness this plugin replaces).
    """

    def request(self, method, url, headers=None, **kwargs):  # pylint: disable=arguments-differ
        kwargs.setdefault("timeout", settings.COMMERCE_LMS_REQUEST_TIMEOUT)
        return super().request(method, url, headers=headers, **kwargs)


def lms_api_client():
    """
    A requests session that authenticates to the LMS as this service's user (OAuth2 client
    credentials, JWT), with the plugin's timeouts on every call.
    """
    return _LmsApiClient(
        settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL,
        settings.BACKEND_SERVICE_EDX_OAUTH2_KEY,
        settings.BACKEND_SERVICE_EDX_OAUTH2_SECRET,
        timeout=settings.COMMERCE_LMS_REQUEST_TIMEOUT,
    )


def lms_url(path):
    return f"{settings.COMMERCE_LMS_URL_ROOT.rstrip('/')}/{path.lstrip('/')}"


def payment_processor_response_model():
    """
    Otto's ``PaymentProcessorResponse``: what the payment processor reported, one row per call.
    The finance audits reconcile the shop's sales against it.
    """
    from ecommerce.extensions.payment.models import PaymentProcessorResponse  # noqa: PLC0415

    return PaymentProcessorResponse
