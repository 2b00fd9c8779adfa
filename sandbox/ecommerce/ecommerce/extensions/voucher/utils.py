"""
Replica of what Otto's voucher path reads from its ``Voucher`` fork and ``voucher/utils.py``,
checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348:

* ``best_offer``: Otto ``ecommerce/extensions/voucher/models.py`` ``Voucher.best_offer``
  (``enterprise_offer or original_offer``) as a function over Oscar's voucher (the sandbox keeps
  Oscar's voucher model). Oscar's ``Condition`` has no ``enterprise_customer_uuid``, so there is
  never an enterprise offer here, as for every coupon the plugin makes.
* ``get_voucher_and_products_from_code``: Otto's, less its ``TieredCache`` (``get_cached_voucher``).

Otto's fork also overrides ``is_available_to_user`` for ``Multi-use-per-Customer`` (a usage the
plugin never gives a coupon) and checks codes are alphanumeric on save (the plugin's API accepts
only those).
"""
from django.core.exceptions import ObjectDoesNotExist
from oscar.core.loading import get_model

Voucher = get_model("voucher", "Voucher")


class ProductNotFoundError(Exception):
    """Otto ``ecommerce/extensions/api/exceptions.py``."""


def original_offer(voucher):
    try:
        return voucher.offers.filter(condition__range__isnull=False)[0]
    except (IndexError, ObjectDoesNotExist):
        return voucher.offers.order_by("date_created")[0]


def enterprise_offer(voucher):
    for offer in voucher.offers.all():
        if getattr(offer.condition, "enterprise_customer_uuid", None):
            return offer
    return None


def best_offer(voucher):
    return enterprise_offer(voucher) or original_offer(voucher)


def get_voucher_and_products_from_code(code):
    voucher = Voucher.objects.get(code=code)
    voucher_range = best_offer(voucher).benefit.range
    has_catalog_configuration = voucher_range and (
        getattr(voucher_range, "catalog_query", None) or getattr(voucher_range, "course_catalog", None)
    )
    is_enterprise = (voucher_range and getattr(voucher_range, "enterprise_customer", None)) or getattr(
        best_offer(voucher).condition, "enterprise_customer_uuid", None
    )
    products = voucher_range.all_products() if voucher_range else []
    if products or has_catalog_configuration or is_enterprise:
        return voucher, products
    raise ProductNotFoundError()
