"""
Replica of Otto ``ecommerce/courses/models.py`` (``Course.create_or_update_seat``,
``seat_products``, ``publish_to_lms``) and of ``ecommerce/courses/publishers.py``'s commerce call.

Otto links a course's products with ``Product.course`` (its catalogue fork); the sandbox keeps
Oscar's catalogue, so the replica finds them by the ``course_key`` attribute Otto also sets.
Otto reaches the LMS through ``course.partner.default_site``; here through ``course.site``.
"""
import logging
from hashlib import md5
from urllib.parse import urljoin

from django.conf import settings
from django.db import models, transaction
from oscar.core.loading import get_model

log = logging.getLogger(__name__)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
SEAT_PRODUCT_CLASS_NAME = "Seat"


def generate_sku(product, partner):
    """Otto ``ecommerce/extensions/catalogue/utils.py`` ``generate_sku`` for a seat, e.g. ``76E4E71``."""
    _hash = " ".join((
        getattr(product.attr, "certificate_type", ""),
        str(product.attr.course_key),
        str(product.attr.id_verification_required),
        getattr(product.attr, "credit_provider", ""),
        str(product.id),
        str(partner.id),
    )).encode("utf-8")
    return md5(_hash.lower()).hexdigest()[-7:].upper()  # noqa: S324  (Otto's SKU, not a secret)


class Course(models.Model):
    """
    .. no_pii:
    """

    site = models.ForeignKey("sites.Site", verbose_name="Site", null=True, blank=True, on_delete=models.PROTECT)
    partner = models.ForeignKey("partner.Partner", null=False, blank=False, on_delete=models.PROTECT)
    id = models.CharField(null=False, max_length=255, primary_key=True, verbose_name="ID")
    name = models.CharField(null=False, max_length=255)

    def __str__(self):
        return self.id

    @property
    def parent_seat_product(self):
        parent = Product.objects.filter(
            product_class__name=SEAT_PRODUCT_CLASS_NAME, structure=Product.PARENT,
            attribute_values__attribute__code="course_key", attribute_values__value_text=self.id,
        ).first()
        if parent is None:
            parent = Product(
                structure=Product.PARENT, title=f"Seat in {self.name}", is_discountable=True,
                product_class=ProductClass.objects.get(name=SEAT_PRODUCT_CLASS_NAME),
            )
            parent.attr.course_key = self.id
            parent.save()
        return parent

    @property
    def seat_products(self):
        return self.parent_seat_product.children.all().prefetch_related("stockrecords")

    def get_course_seat_name(self, certificate_type):
        return f"Seat in {self.name} with {certificate_type} certificate"

    @transaction.atomic
    def create_or_update_seat(self, certificate_type, id_verification_required, price, credit_provider=None,
                              expires=None, credit_hours=None, remove_stale_modes=True,
                              create_enrollment_code=False, sku=None):
        """Creates or updates the seat; only an existing seat's ``sku`` finds it (Otto's contract)."""
        certificate_type = certificate_type.lower()
        stock_record = StockRecord.objects.filter(partner_sku=sku, partner=self.partner).first() if sku else None
        seat = self.seat_products.filter(id=stock_record.product_id).first() if stock_record else None
        seat = seat or Product()
        seat.structure = Product.CHILD
        seat.parent = self.parent_seat_product
        seat.is_discountable = True
        seat.title = self.get_course_seat_name(certificate_type)
        seat.save()
        seat.attr.certificate_type = certificate_type
        seat.attr.course_key = self.id
        seat.attr.id_verification_required = id_verification_required
        if credit_provider:
            seat.attr.credit_provider = credit_provider
        seat.attr.save()
        stock_record = StockRecord.objects.filter(product=seat, partner=self.partner).first() or StockRecord(
            product=seat, partner=self.partner, partner_sku=generate_sku(seat, self.partner)
        )
        stock_record.price = price
        stock_record.price_currency = settings.OSCAR_DEFAULT_CURRENCY
        stock_record.save()
        return seat

    def publish_to_lms(self):
        """PUT the course's modes to the LMS commerce API; None, or Otto's error message."""
        error_message = f"Failed to publish commerce data for {self.id} to LMS."
        site = self.site
        modes = []
        for seat in self.seat_products:
            stock_record = seat.stockrecords.first()
            modes.append({
                "name": getattr(seat.attr, "certificate_type", "") or "audit",
                "currency": stock_record.price_currency,
                "price": int(stock_record.price),
                "sku": stock_record.partner_sku,
                "bulk_sku": None,
                "expires": None,
            })
        try:
            client = site.siteconfiguration.oauth_api_client
            url = urljoin(f"{site.siteconfiguration.commerce_api_url}/", f"courses/{self.id}/")
            response = client.put(url, json={"id": self.id, "name": self.name, "verification_deadline": None,
                                             "modes": modes})
            response.raise_for_status()
            return None
        except Exception:  # pylint: disable=broad-except
            log.exception("Failed to publish commerce data for [%s] to LMS.", self.id)
            return error_message
