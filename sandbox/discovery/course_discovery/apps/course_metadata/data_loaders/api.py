"""
Replica of course-discovery ``course_discovery/apps/course_metadata/data_loaders/api.py`` (subset).

Checked against openedx/course-discovery e519c2834f2dcd89cda9b82656ac99369eb9ca1b
(2025-11-26). Only the seat half of ``EcommerceApiDataLoader`` is here, with
upstream's names and body shape: ``update_seats(body)`` takes one course run body of
the ecommerce ``/api/v2/courses/`` listing (``id``, ``products`` with ``structure``,
``attribute_values`` and ``stockrecords``), writes each child product through
``update_seat`` and then deletes every seat of the run whose seat type has no
product in the body. ``update_seat`` refuses a seat type that a non-Empty run type
has no track for. Upstream fetches the bodies over HTTP in pages
(``ingest``/``_load_ecommerce_data``); the sandbox's callers hand them in. Upstream
offers no hook around either method; neither does this replica.
"""
import logging
from decimal import Decimal

from dateutil.parser import parse

from course_discovery.apps.core.models import Currency
from course_discovery.apps.course_metadata.models import CourseRun, Seat, SeatType

logger = logging.getLogger(__name__)


class EcommerceApiDataLoader:
    """
    Loads course seats from the E-Commerce API (the seat part of upstream's loader).
    """

    def __init__(self, partner, api_url=None, **kwargs):
        self.partner = partner
        self.api_url = (api_url or partner.ecommerce_api_url or "").strip("/")
        self.processing_failure_occurred = False

    @classmethod
    def clean_string(cls, s):
        """Removes all leading and trailing spaces. Returns None if the resulting string is empty."""
        if not isinstance(s, str):
            return s
        return s.strip() or None

    @classmethod
    def clean_strings(cls, data):
        """Iterates over all string values, removing leading and trailing spaces."""
        return {k: cls.clean_string(v) for k, v in data.items()}

    @classmethod
    def parse_date(cls, date_string):
        if date_string:
            return parse(date_string)
        return None

    def update_seats(self, body):
        course_run_key = body["id"]
        try:
            course_run = CourseRun.objects.get(key__iexact=course_run_key)
        except CourseRun.DoesNotExist:
            logger.warning("Could not find course run [%s]", course_run_key)
            return

        for product_body in body["products"]:
            if product_body["structure"] != "child":
                continue
            product_body = self.clean_strings(product_body)  # noqa: PLW2901  (upstream's code)
            self.update_seat(course_run, product_body)

        # Remove seats which no longer exist for that course run
        certificate_types = [
            self.get_certificate_type(product) for product in body["products"] if product["structure"] == "child"
        ]

        seats_to_remove = course_run.seats.exclude(type__slug__in=certificate_types)
        if seats_to_remove.count() > 0:
            logger.info(
                "Removing seats [%s] for course run with key [%s].",
                ", ".join(s.type.slug for s in seats_to_remove),
                course_run_key,
            )
        seats_to_remove.delete()

        if course_run.draft_version:
            draft_seats_to_remove = course_run.draft_version.seats.exclude(type__slug__in=certificate_types)
            draft_seats_to_remove.delete()

    def update_seat(self, course_run, product_body):
        stock_record = product_body["stockrecords"][0]
        currency_code = stock_record["price_currency"]
        price = Decimal(stock_record.get("price_excl_tax") or stock_record.get("price"))
        sku = stock_record["partner_sku"]

        if "mobile" in sku:
            logger.warning("Skipping mobile seat with sku [%s]", sku)
            return

        try:
            currency = Currency.objects.get(code=currency_code)
        except Currency.DoesNotExist:
            logger.warning("Could not find currency [%s]", currency_code)
            return

        attributes = {attribute["name"]: attribute["value"] for attribute in product_body["attribute_values"]}

        certificate_type = attributes.get("certificate_type", Seat.AUDIT)
        try:
            seat_type = SeatType.objects.get(slug=certificate_type)
        except SeatType.DoesNotExist:
            logger.warning(
                "Could not find seat type %s while loading seat with sku %s for course run with key %s",
                certificate_type, sku, course_run.key,
            )
            self.processing_failure_occurred = True
            return
        if not course_run.type.empty and not course_run.type.tracks.filter(seat_type=seat_type).exists():
            logger.warning(
                "Seat type %s is not compatible with course run type %s for course run %s",
                seat_type.slug, course_run.type.slug, course_run.key,
            )
            self.processing_failure_occurred = True
            return

        credit_provider = attributes.get("credit_provider")

        credit_hours = attributes.get("credit_hours")
        if credit_hours:
            credit_hours = int(credit_hours)

        defaults = {
            "price": price,
            "sku": sku,
            "upgrade_deadline": self.parse_date(product_body.get("expires")),
            "credit_hours": credit_hours,
        }

        seat, created = course_run.seats.update_or_create(
            type=seat_type, credit_provider=credit_provider, currency=currency, defaults=defaults
        )

        if course_run.draft_version:
            draft_seat, _ = course_run.draft_version.seats.update_or_create(
                draft=True, type=seat_type, credit_provider=credit_provider, currency=currency, defaults=defaults
            )
            seat.draft_version = draft_seat
            seat.save()

        if created:
            logger.info("Created seat for course with key [%s] and sku [%s].", course_run.key, sku)

    def get_certificate_type(self, product):
        return next(
            (att["value"] for att in product["attribute_values"] if att["name"] == "certificate_type"), Seat.AUDIT
        )
