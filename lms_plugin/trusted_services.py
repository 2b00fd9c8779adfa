"""
Who the LMS plugin trusts to act for other services (e.g. the ecommerce worker creating a CCX after a purchase).

Open edX services call the LMS as their service user, with a JWT the LMS issued to
their OAuth application (client-credentials grant), and those service users are
global staff: provisioning creates them so (``manage_user ecommerce_worker --staff``)
and the platform's own service-facing APIs check ``is_staff``. The plugin does the
same and nothing else: global staff, by session or by a JWT that is not a restricted
application's. A username proves nothing (anyone can register ``ecommerce_worker``
where the real service user is named otherwise), and a restricted application's
token (a third party acting within its filters) never gets service rights, whatever
its user.
"""
from edx_rest_framework_extensions.auth.jwt.authentication import is_jwt_authenticated
from edx_rest_framework_extensions.auth.jwt.decoder import decode_jwt_is_restricted
from rest_framework.permissions import BasePermission


def is_trusted_service(request):
    """
    Whether the caller of this DRF request may act on any course's objects as a service.

    Decided once per request (a view asks several times; the restricted check decodes the JWT).
    """
    cached = getattr(request, "_commerce_trusted_service", None)
    if cached is None:
        cached = _decide(request)
        request._commerce_trusted_service = cached  # pylint: disable=protected-access
    return cached


def _decide(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return not (is_jwt_authenticated(request) and decode_jwt_is_restricted(request.auth))


class IsTrustedService(BasePermission):
    """
    DRF permission: global staff, not through a restricted application's JWT.
    """

    def has_permission(self, request, view):
        return is_trusted_service(request)
