"""
The seat catalogue: create seats as Otto does (a parent course product, one child per mode)
and read them back as plain values.
"""
from django.db import transaction
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.data import SEAT_PRODUCT_CLASS_NAME, SEAT_PRODUCT_CLASS_SLUG, Seat

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


# The seat's attributes as Otto defines them: code, name, type, required.
SEAT_ATTRIBUTES = [
    ("course_key", "Course Key", "text", True),
    ("certificate_type", "Certificate Type", "text", False),
    ("id_verification_required", "ID Verification Required", "boolean", False),
    ("credit_provider", "Credit Provider", "text", False),
]


def seat_product_class():
    return ProductClass.objects.get(slug=SEAT_PRODUCT_CLASS_SLUG)


def ensure_seat_product_class(**kwargs):  # noqa: ARG001  (post_migrate's arguments)
    """
    ``post_migrate`` receiver: a stock shop gets the ``Seat`` class and its attributes. Otto's
    own ``Seat`` class (its catalogue migrations) is the one seats use there; none is made.
    """
    from ecommerce_plugin import platform  # noqa: PLC0415

    if platform.is_otto():
        return ProductClass.objects.filter(slug=SEAT_PRODUCT_CLASS_SLUG).first()
    ProductAttribute = get_model("catalogue", "ProductAttribute")  # noqa: N806
    seat_class, _ = ProductClass.objects.get_or_create(
        slug=SEAT_PRODUCT_CLASS_SLUG,
        defaults={"name": SEAT_PRODUCT_CLASS_NAME, "requires_shipping": False, "track_stock": False},
    )
    for code, name, attribute_type, required in SEAT_ATTRIBUTES:
        ProductAttribute.objects.get_or_create(
            product_class=seat_class, code=code, defaults={"name": name, "type": attribute_type, "required": required}
        )
    return seat_class


def is_seat(product):
    product_class = product.get_product_class()
    return product_class is not None and product_class.slug == SEAT_PRODUCT_CLASS_SLUG


def create_or_update_seat(
    *, partner, course_key, course_title, certificate_type, price, sku, id_verification_required=False
):
    """
    The seat product for ``course_key`` in ``certificate_type``, created or brought up to date
    the host's way (Otto: its ``Course.create_or_update_seat``, published to the LMS).
    """
    from ecommerce_plugin import platform  # noqa: PLC0415

    return platform.create_or_update_seat(
        partner=partner, course_key=course_key, course_title=course_title, certificate_type=certificate_type,
        price=price, sku=sku, id_verification_required=id_verification_required,
    )


@transaction.atomic
def create_or_update_stock_seat(
    *, partner, course_key, course_title, certificate_type, price, sku, id_verification_required=False
):
    """
    A stock shop's seat: children of one parent product per course, so the dashboard lists a
    course once; the SKU is the seat's identity across services (the LMS stores it on the mode).
    """
    product_class = seat_product_class()
    parent = (
        Product.objects.filter(
            structure=Product.PARENT,
            product_class=product_class,
            attribute_values__attribute__code="course_key",
            attribute_values__value_text=str(course_key),
        ).first()
    )
    if parent is None:
        parent = Product(structure=Product.PARENT, product_class=product_class, title=course_title, is_public=True)
        parent.attr.course_key = str(course_key)
        parent.save()
    title = f"Seat in {course_title} with {certificate_type} certificate"
    stockrecord = StockRecord.objects.filter(partner=partner, partner_sku=sku).select_related("product").first()
    seat = stockrecord.product if stockrecord else Product(structure=Product.CHILD, parent=parent, is_public=True)
    seat.title = title
    seat.attr.course_key = str(course_key)
    seat.attr.certificate_type = certificate_type
    seat.attr.id_verification_required = id_verification_required
    seat.save()
    StockRecord.objects.update_or_create(
        partner=partner, partner_sku=sku, defaults={"product": seat, "price": price, "price_currency": "USD"}
    )
    return seat_for_product(seat)


def seat_for_product(product):
    """
    The seat ``product`` sells, or None when it is not a seat.
    """
    if not is_seat(product):
        return None
    stockrecord = product.stockrecords.first()
    return Seat(
        product_id=product.id,
        course_key=str(product.attr.course_key),
        certificate_type=str(getattr(product.attr, "certificate_type", "") or ""),
        id_verification_required=bool(getattr(product.attr, "id_verification_required", False)),
        sku=stockrecord.partner_sku if stockrecord else "",
        price=stockrecord.price if stockrecord else None,
        currency=stockrecord.price_currency if stockrecord else "",
    )


def seats_for_course(course_key):
    """
    Every seat the shop sells in ``course_key``, cheapest first (one query and one per seat's stock record).
    """
    products = Product.objects.filter(
        structure=Product.CHILD,
        parent__product_class__slug=SEAT_PRODUCT_CLASS_SLUG,
        attribute_values__attribute__code="course_key",
        attribute_values__value_text=str(course_key),
    ).prefetch_related("stockrecords")
    seats = [seat_for_product(product) for product in products]
    return sorted((seat for seat in seats if seat is not None), key=lambda seat: (seat.price or 0, seat.sku))


def seat_by_sku(sku):
    stockrecord = StockRecord.objects.select_related("product").filter(partner_sku=sku).first()
    return seat_for_product(stockrecord.product) if stockrecord else None


def stock_course_titles(course_keys):
    """
    A stock shop's course titles: the title of each course's parent seat product.
    """
    rows = ProductAttributeValue.objects.filter(
        attribute__code="course_key",
        value_text__in=list(course_keys),
        product__structure=Product.PARENT,
        product__product_class__slug=SEAT_PRODUCT_CLASS_SLUG,
    ).values_list("value_text", "product__title")
    return dict(rows)


def course_titles(course_keys):
    """
    ``{course key: title}`` for the keys in ``course_keys`` the shop has a title for, the host's
    way (Otto: its ``Course.name``; a stock shop: the seats' parent product). A course the shop
    sells nothing of has none: callers show its key.
    """
    from ecommerce_plugin import platform  # noqa: PLC0415

    return platform.course_titles(course_keys)


def course_title(course_key):
    """
    The course's title as the shop sells it, or None.
    """
    return course_titles([course_key]).get(str(course_key))
