"""
Registration codes as a product of their own (on Otto): one standalone product per seat, of the
plugin's ``Registration Codes`` class, bought in quantity; each unit is one code.

Otto's fulfillment modules know products by class name (``Seat``, ``Enrollment Code``, ...); a line
of this class is claimed by none of them, only by the plugin's code module, and Otto's refund
pipeline revokes it through that module alone. The plugin's module never claims Otto's own
``Enrollment Code`` lines (Otto issues vouchers for those).
"""
from django.db import transaction
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.api import seat_by_sku

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

CODE_PRODUCT_CLASS_NAME = "Registration Codes"
CODE_PRODUCT_CLASS_SLUG = "commerce-registration-codes"
SKU_PREFIX = "RC-"
CODE_PRODUCT_ATTRIBUTES = [
    ("course_key", "Course Key", "text"),
    ("certificate_type", "Certificate Type", "text"),
    ("seat_sku", "Seat SKU", "text"),
]


def code_product_class():
    ProductAttribute = get_model("catalogue", "ProductAttribute")  # noqa: N806
    product_class, _ = ProductClass.objects.get_or_create(
        slug=CODE_PRODUCT_CLASS_SLUG,
        defaults={"name": CODE_PRODUCT_CLASS_NAME, "requires_shipping": False, "track_stock": False},
    )
    for code, name, attribute_type in CODE_PRODUCT_ATTRIBUTES:
        ProductAttribute.objects.get_or_create(
            product_class=product_class, code=code, defaults={"name": name, "type": attribute_type}
        )
    return product_class


def is_code_product(product):
    product_class = product.get_product_class() if product is not None else None
    return product_class is not None and product_class.slug == CODE_PRODUCT_CLASS_SLUG


@transaction.atomic
def code_product_for_seat(seat):
    """
    The product that sells codes for ``seat`` (a catalog ``Seat``) at the seat's price, made once;
    its stock record's SKU is ``RC-<seat sku>``, with the seat's partner.
    """
    sku = f"{SKU_PREFIX}{seat.sku}"
    seat_record = StockRecord.objects.select_related("partner").get(partner_sku=seat.sku)
    record = StockRecord.objects.select_related("product").filter(partner=seat_record.partner, partner_sku=sku).first()
    product = record.product if record else Product(product_class=code_product_class(), structure=Product.STANDALONE)
    product.title = f"Registration codes for {seat.course_key} ({seat.certificate_type})"
    product.is_discountable = True
    product.attr.course_key = seat.course_key
    product.attr.certificate_type = seat.certificate_type
    product.attr.seat_sku = seat.sku
    product.save()
    StockRecord.objects.update_or_create(
        partner=seat_record.partner, partner_sku=sku,
        defaults={"product": product, "price": seat_record.price, "price_currency": seat_record.price_currency},
    )
    return product


def seat_for_code_product(product):
    """The catalog ``Seat`` whose codes ``product`` sells, or None."""
    if not is_code_product(product):
        return None
    return seat_by_sku(str(product.attr.seat_sku))
