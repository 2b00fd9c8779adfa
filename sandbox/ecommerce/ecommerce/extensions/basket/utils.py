"""
Replica of Otto ``ecommerce/extensions/basket/utils.py`` (openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348): where Otto sends a buyer
after ``/basket/add/`` (the three functions the plugin calls, as upstream has them; ``absolute_url``
is Otto's ``ecommerce/core/url_utils.py`` one, inlined).
"""
import waffle
from django.urls import reverse

# Otto ``ecommerce/extensions/payment/constants.py``.
DISABLE_MICROFRONTEND_FOR_BASKET_PAGE_FLAG_NAME = "disable_microfrontend_for_basket_page"


def absolute_url(request, reverse_string):
    return request.build_absolute_uri(reverse(reverse_string))


def get_payment_microfrontend_or_basket_url(request):
    url = get_payment_microfrontend_url_if_configured(request)
    if not url:
        url = absolute_url(request, "basket:summary")
    return url


def get_payment_microfrontend_url_if_configured(request):
    if _use_payment_microfrontend(request):
        return request.site.siteconfiguration.payment_microfrontend_url

    return None


def _use_payment_microfrontend(request):
    """
    Return whether the current request should use the payment MFE.
    """
    return (
        request.site.siteconfiguration.enable_microfrontend_for_basket_page and
        request.site.siteconfiguration.payment_microfrontend_url and
        not waffle.flag_is_active(request, DISABLE_MICROFRONTEND_FOR_BASKET_PAGE_FLAG_NAME)
    )
