"""
Replica of course-discovery ``course_discovery/apps/course_metadata/data_loaders/api.py`` (subset).

Only the seat half of ``EcommerceApiDataLoader`` is here: given the seat
products the ecommerce service reports for a course run, make the run's Seat
rows match them. Upstream fetches those products over HTTP in pages
(``ingest``/``_load_ecommerce_data``); the sandbox hands them in directly.

Upstream deletes every seat of the run whose seat type has no ecommerce
product, so a seat that is sold elsewhere or not sold at all (a masters seat,
for one) disappears at the next refresh. That deletion, in
``EcommerceApiDataLoader.sync_run_seats``, is the point where the discovery
plugin hooks in to keep the seats its course types declare: the sandbox fires
``CourseRunSeatSyncRequested`` (``course_metadata/filters.py``, a seam upstream does
not have) before writing, and deletes nothing the filter asks to keep.
"""
import logging
from decimal import Decimal

from course_discovery.apps.core.models import Currency
from course_discovery.apps.course_metadata.filters import CourseRunSeatSyncRequested
from course_discovery.apps.course_metadata.models import Seat, SeatType

logger = logging.getLogger(__name__)

NO_ID_PROFESSIONAL = "no-id-professional"
# The certificate type of an ecommerce seat product (or the LMS course mode it sells)
# -> the discovery seat type. Discovery has one "professional" seat type whether or not
# the product requires ID verification; the LMS calls the unverified one "no-id-professional".
SEAT_TYPE_BY_CERTIFICATE_TYPE = {
    Seat.AUDIT: Seat.AUDIT,
    Seat.HONOR: Seat.HONOR,
    Seat.VERIFIED: Seat.VERIFIED,
    Seat.PROFESSIONAL: Seat.PROFESSIONAL,
    NO_ID_PROFESSIONAL: Seat.PROFESSIONAL,
    Seat.CREDIT: Seat.CREDIT,
    Seat.MASTERS: Seat.MASTERS,
}


def seat_type_for_product(product):
    """
    The seat type slug of one ecommerce seat product.

    ``product`` is a dict with ``certificate_type`` and ``id_verification_required``;
    a product without a certificate type is an audit seat, as upstream's
    ``get_certificate_type`` has it. ``id_verification_required`` does not change
    the seat type: professional seats with and without ID verification are both
    ``professional`` in discovery. An unknown certificate type is returned as is,
    so the caller can report that no such seat type exists.
    """
    certificate_type = product.get("certificate_type") or Seat.AUDIT
    return SEAT_TYPE_BY_CERTIFICATE_TYPE.get(certificate_type, certificate_type)


class EcommerceApiDataLoader:
    """
    Loads course seats from the E-Commerce API (the seat part of upstream's loader).

    A product is a dict: ``certificate_type``, ``price``, ``currency``, ``sku``,
    ``id_verification_required``, ``credit_provider``, and optionally
    ``credit_hours`` and ``expires`` (the upgrade deadline).
    """

    def __init__(self, partner, api_url=None):
        self.partner = partner
        self.api_url = api_url or partner.ecommerce_api_url
        # Upstream refuses to delete entitlements after a failed load; kept for the same reading.
        self.processing_failure_occurred = False

    def sync_run_seats(self, course_run, products):
        """
        Make the seats of ``course_run`` (and of its draft version) match ``products``.

        Each product creates or updates the seat of its type, currency and credit
        provider. Then, as upstream's ``update_seats`` does, every seat whose type
        has no product in the list is deleted, whatever kind of seat it is. The
        discovery plugin hooks in at this deletion to spare the seats of seat types
        its course types keep without an ecommerce product (and to refuse products
        its course types say are not sold), through ``CourseRunSeatSyncRequested``.
        """
        products, seat_types_to_keep = CourseRunSeatSyncRequested.run_filter(
            course_run=course_run, products=products, seat_types_to_keep=set()
        )
        for product in products:
            self.update_seat(course_run, product)

        seat_types = {seat_type_for_product(product) for product in products} | seat_types_to_keep
        seats_to_remove = course_run.seats.exclude(type__slug__in=seat_types)
        if seats_to_remove.exists():
            logger.info(
                "Removing seats [%s] for course run with key [%s].",
                ", ".join(seat.type_id for seat in seats_to_remove),
                course_run.key,
            )
        seats_to_remove.delete()

        if course_run.draft_version:
            course_run.draft_version.seats.exclude(type__slug__in=seat_types).delete()

    def update_seat(self, course_run, product):
        """
        Create or update the seat ``product`` describes; skip it, logging why, if its currency or seat type is unknown.
        """
        sku = product.get("sku")
        currency_code = product.get("currency") or "USD"
        try:
            currency = Currency.objects.get(code=currency_code)
        except Currency.DoesNotExist:
            logger.warning("Could not find currency [%s]", currency_code)
            return None

        seat_type_slug = seat_type_for_product(product)
        try:
            seat_type = SeatType.objects.get(slug=seat_type_slug)
        except SeatType.DoesNotExist:
            logger.warning(
                "Could not find seat type %s while loading seat with sku %s for course run with key %s",
                seat_type_slug, sku, course_run.key,
            )
            self.processing_failure_occurred = True
            return None

        credit_hours = product.get("credit_hours")
        defaults = {
            "price": Decimal(str(product.get("price") or 0)),
            "sku": sku,
            "upgrade_deadline": product.get("expires"),
            "credit_hours": int(credit_hours) if credit_hours else None,
        }
        lookup = {"type": seat_type, "credit_provider": product.get("credit_provider"), "currency": currency}
        seat, created = course_run.seats.update_or_create(**lookup, defaults=defaults)

        if course_run.draft_version:
            draft_seat, _ = course_run.draft_version.seats.update_or_create(draft=True, **lookup, defaults=defaults)
            seat.draft_version = draft_seat
            seat.save()

        if created:
            logger.info("Created seat for course with key [%s] and sku [%s].", course_run.key, sku)
        return seat
