"""
The plugin's emails, sent the shop's way: Oscar's communication event types (Otto's too).

Each email is an event type with a code. Its subject, text and HTML bodies are the shop's
templates ``oscar/communication/emails/commtype_<code>_{subject.txt,body.txt,body.html}``: the
plugin ships them, a theme (Otto's comprehensive theming, or any template directory before the
app directories) overrides them, and an operator who fills the event type's template fields in
the admin or Oscar's dashboard replaces them without a deploy. The HTML bodies extend
``ecommerce_plugin/emails/base.html``, one place to brand them all. Messages are rendered in the
active language (a worker's: ``LANGUAGE_CODE``) from ``{% trans %}`` strings.
"""
from django.db import connection
from django.utils.translation import gettext_lazy as _

from ecommerce_plugin import platform

# Codes of the plugin's event types, and their names in the admin (category: Oscar's choices).
INVOICE_CODES = "COMMERCE_INVOICE_CODES"
ORDER_CODES = "COMMERCE_ORDER_CODES"
FULFILLMENT_FAILED = "COMMERCE_FULFILLMENT_FAILED"
EVENT_TYPES = {
    INVOICE_CODES: _("Registration codes of an invoice, to its contact"),
    ORDER_CODES: _("Registration codes of an order, to the buyer"),
    FULFILLMENT_FAILED: _("Fulfillment of an order failed for good, to staff"),
}


def _event_type_model():
    from oscar.core.loading import get_model  # noqa: PLC0415

    return get_model("communication", "CommunicationEventType")


def ensure_event_types(**kwargs):  # noqa: ARG001  (post_migrate's arguments)
    """
    ``post_migrate`` receiver: one row per plugin event type, so the admin lists them for editing.

    Created with no templates of their own (the files are used); a row an operator edited is
    never touched.
    """
    model = _event_type_model()
    if model._meta.db_table not in connection.introspection.table_names():
        return
    for code, name in EVENT_TYPES.items():
        model.objects.get_or_create(code=code, defaults={"name": str(name), "category": model.ORDER_RELATED})


def render(code, context):
    """
    The event type's ``{"subject", "body", "html", "sms"}``, rendered with the shop's brand in the
    context (``platform_name``, ``site_domain``: the current site, as Otto's notifications have).
    """
    site = platform.shop().current_site()
    context = {"platform_name": site.name, "site_domain": site.domain, **context}
    return _event_type_model().objects.get_and_render(code, context)


def send(code, recipient, context, attachments=()):
    """
    Render event type ``code`` and send it to ``recipient``; 1 when sent.

    ``attachments``: ``(filename, content, mimetype)`` tuples.
    """
    return platform.send_email_messages(recipient, render(code, context), attachments)
