"""
Replica of Otto ``ecommerce/extensions/checkout/utils.py`` (``get_receipt_page_url`` without the
receipt MFE), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.
"""
from urllib.parse import urlencode

from django.urls import reverse


def get_receipt_page_url(request, site_configuration, order_number=None, override_url=None,  # noqa: ARG001
                         disable_back_button=False):
    """ Returns the receipt page URL (Otto's own receipt page: ``checkout:receipt``). """
    if override_url:
        return override_url
    url_params = {}
    if order_number:
        url_params["order_number"] = order_number
    if disable_back_button:
        url_params["disable_back_button"] = int(disable_back_button)
    return f"{reverse('checkout:receipt')}?{urlencode(url_params)}"
