"""
The error shape of every ecommerce plugin API: ``{"error_code", "message"}``, plus
``field_errors`` for malformed input. Each feature lists its codes in its own ``errors.py``
and raises a subclass of ``CommerceError``; views answer with ``refused`` and ``invalid``.
"""
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response

from commerce_plugins_common.api_errors import INVALID_REQUEST

__all__ = ["DB_BIGINT_MAX", "DB_INT_MAX", "INVALID_REQUEST", "CommerceError", "invalid", "refused"]

# Largest values of the integer columns ids and counts are stored in: Oscar's tables (basket,
# line) use 32-bit ``AutoField``s, the plugin's own 64-bit ``BigAutoField``s. Request fields
# are bounded by them, so an out-of-range number is a 400 rather than a database overflow.
DB_INT_MAX = 2**31 - 1
DB_BIGINT_MAX = 2**63 - 1


class CommerceError(Exception):
    """
    A request refused with a machine-readable code; nothing was changed.
    """

    def __init__(self, error_code, message, http_status=400):
        super().__init__(message)
        self.error_code = error_code
        self.message = message
        self.http_status = http_status

    def as_dict(self):
        return {"error_code": self.error_code, "message": self.message}


def refused(exc):
    return Response(exc.as_dict(), status=exc.http_status)


def invalid(serializer):
    return Response(
        {"error_code": INVALID_REQUEST, "message": _("Invalid request."), "field_errors": serializer.errors},
        status=status.HTTP_400_BAD_REQUEST,
    )
