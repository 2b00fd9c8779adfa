"""
Seat prices reach the LMS the way Otto sends them: a ``PUT`` of the course's modes to the LMS
commerce API (``/api/commerce/v1/courses/{course_id}/``), which sets each mode's ``min_price``
and ``sku``. Otto does it with its own ``Course.publish_to_lms``; a stock shop with this function.

The LMS's API replaces the course's modes with the ones it is sent (and deletes the others), so a
stock shop, which may sell only some of a course's modes, first reads the LMS's modes and sends
them all back with its own seats' prices and SKUs in place.
"""
from ecommerce_plugin import platform
from ecommerce_plugin.catalog.api import seats_for_course


class PublicationRefused(Exception):
    """
    The LMS did not take the course's modes; the shop's prices are saved, the LMS's are not.
    """


def lms_modes(seats, existing_modes):
    """
    The modes to ``PUT``: the LMS's own, with each seat's mode priced and tagged with its SKU.

    The LMS stores whole prices (``CourseMode.min_price`` is an integer), as Otto sends them.
    """
    modes = {mode["name"]: dict(mode) for mode in existing_modes}
    for seat in seats:
        name = seat.certificate_type or "audit"
        mode = modes.setdefault(name, {"name": name, "expires": None, "bulk_sku": None})
        mode.update(price=int(seat.price or 0), currency=(seat.currency or "usd").lower(), sku=seat.sku)
    return list(modes.values())


def publish_course_modes(course_key):
    """
    Send the LMS the prices and SKUs of the course's seats, the host's way (Otto: its publisher).

    Raises ``PublicationRefused`` (Otto: ``platform.SeatNotPublished``) or a ``requests`` error.
    """
    platform.publish_course_modes(course_key)


def put_course_modes(course_key):
    """
    A stock shop's publication: read the LMS's modes, ``PUT`` them back with the seats' prices.
    """
    client = platform.lms_api_client()
    url = platform.lms_url(f"/api/commerce/v1/courses/{course_key}/")
    current = client.get(url)
    if current.status_code not in (200, 404):
        raise PublicationRefused(f"{course_key}: the LMS answered {current.status_code} to GET {url}")
    existing = current.json().get("modes", []) if current.status_code == 200 else []
    body = {"id": str(course_key), "modes": lms_modes(seats_for_course(course_key), existing)}
    response = client.put(url, json=body)
    if response.status_code >= 400:
        raise PublicationRefused(f"{course_key}: the LMS answered {response.status_code} to PUT {url}")
