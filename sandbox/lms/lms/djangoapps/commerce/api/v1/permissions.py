"""
Replica of openedx-platform ``lms/djangoapps/commerce/api/v1/permissions.py`` (``ApiKeyOrModelPermission``;
read at openedx/edx-platform 6efbafd754419a6e2fbe21540469afd7041ec4ff, unchanged in e57a655d77b614f19223984e9805b1fb940ab192's views).
"""
from openedx.core.lib.api.permissions import ApiKeyHeaderPermission
from rest_framework.permissions import BasePermission, DjangoModelPermissions


class ApiKeyOrModelPermission(BasePermission):
    """Access granted for requests with API key in header, or made by user with appropriate Django model permissions."""

    def has_permission(self, request, view):
        return ApiKeyHeaderPermission().has_permission(request, view) or DjangoModelPermissions().has_permission(
            request, view
        )
