"""
Replica of Otto ``ecommerce/extensions/fulfillment/apps.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from django.apps import AppConfig


class FulfillmentAppConfig(AppConfig):
    name = "ecommerce.extensions.fulfillment"
    verbose_name = "Fulfillment"

    def ready(self):
        super().ready()

        import ecommerce.extensions.fulfillment.signals  # noqa: F401,PLC0415  pylint: disable=unused-import
