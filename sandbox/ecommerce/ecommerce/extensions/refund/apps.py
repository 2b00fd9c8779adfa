"""
Replica of Otto ``ecommerce/extensions/refund/apps.py``, checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from django.apps import AppConfig


class RefundConfig(AppConfig):
    label = "refund"
    name = "ecommerce.extensions.refund"
    default_auto_field = "django.db.models.AutoField"
