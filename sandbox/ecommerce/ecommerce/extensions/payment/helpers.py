"""
Replica of Otto ``ecommerce/extensions/payment/helpers.py`` (``get_processor_class_by_name``),
checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e0.
"""
from django.conf import settings
from django.utils.module_loading import import_string


class ProcessorNotFoundError(Exception):
    """Raised when a requested payment processor cannot be found."""


def get_processor_class_by_name(name):
    """The payment processor class in ``PAYMENT_PROCESSORS`` whose ``NAME`` is ``name``."""
    for path in settings.PAYMENT_PROCESSORS:
        processor_class = import_string(path)
        if name == processor_class.NAME:
            return processor_class
    raise ProcessorNotFoundError(f"Lookup for a payment processor with name [{name}] failed")
