"""
Asynchronous order fulfillment: an order is paid in the request and fulfilled by a celery worker.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulfillmentConfig(AppConfig):
    name = "ecommerce_plugin.fulfillment"
    label = "commerce_fulfillment"
    verbose_name = _("Commerce: fulfillment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings  # noqa: PLC0415
        from oscar.apps.order.signals import order_placed  # noqa: PLC0415

        from ecommerce_plugin.fulfillment.handoff import check_settings  # noqa: PLC0415

        check_settings(settings.COMMERCE_PENDING_ENROLLMENT_SECRET, settings.COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME)

        from ecommerce_plugin import platform  # noqa: PLC0415
        from ecommerce_plugin.fulfillment import handlers  # noqa: PLC0415

        if not platform.shop().queues_fulfillment:
            # Otto fulfils its orders itself (FULFILLMENT_MODULES, in the request or its worker);
            # queueing them here too would fulfil every order twice.
            return
        order_placed.connect(handlers.enqueue_fulfillment, dispatch_uid="commerce_fulfillment.enqueue")
