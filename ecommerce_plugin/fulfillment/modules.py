"""
Fulfillment modules in the shape of Otto's (``ecommerce/extensions/fulfillment/modules.py``).

A module says which lines it can fulfil (``get_supported_lines``), fulfils them
(``fulfill_product``) and takes them back (``revoke_line``). The configured list is
``COMMERCE_FULFILLMENT_MODULES``; other features append theirs (paid enrollments, CCX).

One difference from Otto: ``fulfill_product`` returns a ``LineOutcome`` per line instead of
setting line statuses itself. The fulfillment API applies the outcome under the line's lock,
so a module cannot move a line out of Complete and every status change gets its order note.
"""
import logging
import os

import requests
from django.conf import settings
from django.utils.module_loading import import_string

from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.fulfillment import errors
from ecommerce_plugin.fulfillment.data import LineOutcome

log = logging.getLogger(__name__)


class BaseFulfillmentModule:
    """
    The interface every fulfillment module implements.
    """

    def supports_line(self, line):
        raise NotImplementedError

    def get_supported_lines(self, lines):
        return [line for line in lines if self.supports_line(line)]

    def fulfill_product(self, order, lines, email_opt_in=False):
        """
        Fulfil ``lines`` of ``order``; returns ``{line.id: LineOutcome}``. Must be idempotent:
        a line may be offered again after a crash between the remote call and the commit.
        """
        raise NotImplementedError

    def revoke_line(self, line):
        """
        Take back what ``line`` gave; True when done.
        """
        raise NotImplementedError


def mode_for_seat(seat):
    """
    The LMS enrollment mode a seat sells, as Otto's ``mode_for_product``.
    """
    certificate_type = (seat.certificate_type or "audit").lower()
    if certificate_type == "professional" and not seat.id_verification_required:
        return "no-id-professional"
    return certificate_type


def error_kind_of(exc_or_response):
    """
    Otto's classification of an LMS failure: network, timeout, server (5xx) or configuration.
    """
    if isinstance(exc_or_response, requests.Timeout):
        return errors.TIMEOUT
    if isinstance(exc_or_response, requests.ConnectionError):
        return errors.NETWORK
    if isinstance(exc_or_response, requests.Response):
        return errors.SERVER if exc_or_response.status_code >= 500 else errors.CONFIGURATION
    if isinstance(exc_or_response, requests.RequestException):
        return errors.NETWORK
    return errors.CONFIGURATION


_CLIENTS = {}


def lms_client():
    """
    One LMS client per worker process: it keeps its JWT until it expires (a fresh client per
    task would ask the LMS for a token before every enrollment, doubling the calls).
    """
    # Keyed on the factory too, so a replaced ``platform.lms_api_client`` (tests) gets its own.
    key = (os.getpid(), platform.lms_api_client)
    if key not in _CLIENTS:
        if any(pid != key[0] for pid, _ in _CLIENTS):
            _CLIENTS.clear()  # a forked worker never reuses its parent's connection pool
        _CLIENTS[key] = platform.lms_api_client()
    return _CLIENTS[key]


class EnrollmentFulfillmentModule(BaseFulfillmentModule):
    """
    Seats: enroll the buyer through the LMS enrollment API with the service's JWT.

    The enrollment API answers an existing enrollment in the same mode unchanged, so offering
    a line again (a redelivered task after a crash) does not enroll twice.
    """

    enrollment_path = "/api/enrollment/v1/enrollment"

    def supports_line(self, line):
        return line.product is not None and seat_for_product(line.product) is not None

    def fulfill_product(self, order, lines, email_opt_in=False):
        outcomes = {}
        client = lms_client()
        for line in lines:
            seat = seat_for_product(line.product)
            payload = {
                "user": order.user.username,
                "is_active": True,
                "mode": mode_for_seat(seat),
                "course_details": {"course_id": seat.course_key},
                "enrollment_attributes": [
                    {"namespace": "order", "name": "order_number", "value": order.number},
                ],
            }
            try:
                response = client.post(platform.lms_url(self.enrollment_path), json=payload)
            except requests.RequestException as exc:
                outcomes[line.id] = LineOutcome(line.id, error_kind_of(exc), f"{type(exc).__name__}: {exc}"[:500])
                continue
            if response.status_code == 200:
                outcomes[line.id] = LineOutcome(line.id)
            else:
                outcomes[line.id] = LineOutcome(
                    line.id, error_kind_of(response), f"LMS answered {response.status_code}: {response.text[:300]}"
                )
        return outcomes

    def revoke_line(self, line):
        seat = seat_for_product(line.product)
        payload = {
            "user": line.order.user.username,
            "is_active": False,
            "mode": mode_for_seat(seat),
            "course_details": {"course_id": seat.course_key},
        }
        try:
            response = lms_client().post(platform.lms_url(self.enrollment_path), json=payload)
        except requests.RequestException:
            log.exception("Revoking line %s failed", line.id)
            return False
        return response.status_code == 200


def configured_modules():
    return [import_string(path)() for path in settings.COMMERCE_FULFILLMENT_MODULES]


def module_for_line(line, modules=None):
    for module in modules if modules is not None else configured_modules():
        if module.get_supported_lines([line]):
            return module
    return None
