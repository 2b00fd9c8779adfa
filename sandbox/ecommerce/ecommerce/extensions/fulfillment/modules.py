"""
Replica of Otto ``ecommerce/extensions/fulfillment/modules.py`` (``BaseFulfillmentModule``,
``EnrollmentFulfillmentModule``, ``DonationsFromCheckoutTestFulfillmentModule``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Left out: the enterprise data the enrollment module adds (``EnterpriseDiscountMixin``, enterprise
customer users), the analytics client id and IP headers (``parse_tracking_context``) and the
other product types' modules. Otto's catalogue fork answers ``product.is_seat_product``; the
sandbox keeps Oscar's catalogue, so the replica compares the product class's name as Otto does.
The LMS is the current request's site's (Otto's ``get_lms_enrollment_api_url`` reads it from the
thread-local request; here from ``crum``).
"""
import abc
import json
import logging

import crum
import requests
from django.conf import settings
from requests.exceptions import ConnectionError as ReqConnectionError
from requests.exceptions import Timeout

from ecommerce.extensions.fulfillment.status import LINE

logger = logging.getLogger(__name__)
ISO_8601_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
SEAT_PRODUCT_CLASS_NAME = "Seat"
DONATIONS_FROM_CHECKOUT_TESTS_PRODUCT_TYPE_NAME = "Donation"


class MissingRequestError(Exception):
    """Otto ``ecommerce/core/exceptions.py``: no current request to read the site from."""


def is_seat_product(product):
    return product.get_product_class().name == SEAT_PRODUCT_CLASS_NAME


def mode_for_product(product):
    """Otto ``ecommerce/courses/utils.py`` ``mode_for_product``."""
    mode = getattr(product.attr, "certificate_type", getattr(product.attr, "seat_type", None))
    if not mode:
        return "audit"
    if mode == "professional" and not getattr(product.attr, "id_verification_required", False):
        return "no-id-professional"
    return mode


def get_lms_enrollment_api_url():
    """Otto ``ecommerce/core/url_utils.py``: the enrollment API of the current request's site."""
    request = crum.get_current_request()
    if request is None:
        raise MissingRequestError
    return request.site.siteconfiguration.build_lms_url("/api/enrollment/v1/enrollment")


class BaseFulfillmentModule(metaclass=abc.ABCMeta):
    """
    Base FulfillmentModule class for containing Product specific fulfillment logic.
    """

    @abc.abstractmethod
    def supports_line(self, line):
        """True if the given Line can be fulfilled/revoked by this module."""
        raise NotImplementedError

    @abc.abstractmethod
    def get_supported_lines(self, lines):
        """The lines of ``lines`` this module can fulfil, unmodified."""
        raise NotImplementedError("Line support method not implemented!")

    @abc.abstractmethod
    def fulfill_product(self, order, lines, email_opt_in=False):
        """Fulfil ``lines`` of ``order``, setting each line's status; returns ``(order, lines)``."""
        raise NotImplementedError("Fulfillment method not implemented!")

    @abc.abstractmethod
    def revoke_line(self, line):
        """Revoke ``line``; True if revoked, else False."""
        raise NotImplementedError("Revoke method not implemented!")


class DonationsFromCheckoutTestFulfillmentModule(BaseFulfillmentModule):
    def supports_line(self, line):
        return line.product.get_product_class().name == DONATIONS_FROM_CHECKOUT_TESTS_PRODUCT_TYPE_NAME

    def get_supported_lines(self, lines):
        return [line for line in lines if self.supports_line(line)]

    def fulfill_product(self, order, lines, email_opt_in=False):
        for line in lines:
            line.set_status(LINE.COMPLETE)
        return order, lines

    def revoke_line(self, line):
        return True


class EnrollmentFulfillmentModule(BaseFulfillmentModule):
    """Enrolls the buyer through the LMS enrollment API (``X-Edx-Api-Key``) for each Seat line."""

    def _post_to_enrollment_api(self, data, user, usage):  # pylint: disable=unused-argument
        enrollment_api_url = get_lms_enrollment_api_url()
        timeout = settings.ENROLLMENT_FULFILLMENT_TIMEOUT
        headers = {
            "Content-Type": "application/json",
            "X-Edx-Api-Key": settings.EDX_API_KEY,
        }
        return requests.post(enrollment_api_url, data=json.dumps(data), headers=headers, timeout=timeout)

    def supports_line(self, line):
        return is_seat_product(line.product)

    def get_supported_lines(self, lines):
        return [line for line in lines if self.supports_line(line)]

    def fulfill_product(self, order, lines, email_opt_in=False):
        logger.info("Attempting to fulfill 'Seat' product types for order [%s]", order.number)

        api_key = getattr(settings, "EDX_API_KEY", None)
        if not api_key:
            logger.error("EDX_API_KEY must be set to use the EnrollmentFulfillmentModule")
            for line in lines:
                line.set_status(LINE.FULFILLMENT_CONFIGURATION_ERROR)

            return order, lines

        for line in lines:
            try:
                mode = mode_for_product(line.product)
                course_key = line.product.attr.course_key
            except AttributeError:
                logger.error("Supported Seat Product does not have required attributes, [certificate_type, course_key]")
                line.set_status(LINE.FULFILLMENT_CONFIGURATION_ERROR)
                continue
            provider = getattr(line.product.attr, "credit_provider", None)

            data = {
                "user": order.user.username,
                "is_active": True,
                "mode": mode,
                "course_details": {"course_id": course_key},
                "enrollment_attributes": [
                    {"namespace": "order", "name": "order_number", "value": order.number},
                    {"namespace": "order", "name": "date_placed", "value": order.date_placed.strftime(ISO_8601_FORMAT)},
                ],
            }
            if provider:
                data["enrollment_attributes"].append({"namespace": "credit", "name": "provider_id", "value": provider})
            try:
                response = self._post_to_enrollment_api(data, user=order.user, usage="fulfill enrollment")

                if response.status_code == 200:
                    line.set_status(LINE.COMPLETE)
                    logger.info("line_fulfilled: order_line_id=%s order_number=%s course_id=%s mode=%s",
                                line.id, order.number, course_key, mode)
                else:
                    try:
                        reason = response.json().get("message")
                    except Exception:  # pylint: disable=broad-except  # noqa: BLE001
                        reason = "(No detail provided.)"

                    logger.error(
                        "Fulfillment of line [%d] on order [%s] failed with status code [%d]: %s",
                        line.id, order.number, response.status_code, reason,
                    )
                    order.notes.create(message=reason, note_type="Error")
                    line.set_status(LINE.FULFILLMENT_SERVER_ERROR)
            except ReqConnectionError:
                logger.error("Unable to fulfill line [%d] of order [%s] due to a network problem", line.id, order.number)
                order.notes.create(message="Fulfillment of order failed due to a network problem.", note_type="Error")
                line.set_status(LINE.FULFILLMENT_NETWORK_ERROR)
            except Timeout:
                logger.error("Unable to fulfill line [%d] of order [%s] due to a request time out", line.id, order.number)
                order.notes.create(message="Fulfillment of order failed due to a request time out.", note_type="Error")
                line.set_status(LINE.FULFILLMENT_TIMEOUT_ERROR)
        logger.info("Finished fulfilling 'Seat' product types for order [%s]", order.number)
        return order, lines

    def revoke_line(self, line):
        try:
            logger.info("Attempting to revoke fulfillment of Line [%d]...", line.id)

            mode = mode_for_product(line.product)
            course_key = line.product.attr.course_key
            data = {
                "user": line.order.user.username,
                "is_active": False,
                "mode": mode,
                "course_details": {"course_id": course_key},
            }

            response = self._post_to_enrollment_api(data, user=line.order.user, usage="revoke enrollment")

            if response.status_code == 200:
                logger.info("line_revoked: order_line_id=%s order_number=%s course_id=%s",
                            line.id, line.order.number, course_key)
                return True
            data = response.json()
            detail = data.get("message", "(No details provided.)")
            if response.status_code == 400 and "Enrollment mode mismatch" in detail:
                logger.info("Skipping revocation for line [%d]: %s", line.id, detail)
                return True
            logger.error("Failed to revoke fulfillment of Line [%d]: %s", line.id, detail)
        except Exception:  # pylint: disable=broad-except
            logger.exception("Failed to revoke fulfillment of Line [%d].", line.id)

        return False
