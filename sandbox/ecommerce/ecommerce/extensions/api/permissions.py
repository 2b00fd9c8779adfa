"""
Replica of Otto ``ecommerce/extensions/api/permissions.py`` (``IsStaffOrOwner``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from rest_framework import permissions


class IsStaffOrOwner(permissions.BasePermission):
    """Admin users, or the owner of the object (``obj.user``)."""

    def has_object_permission(self, request, view, obj):
        return request.user and (request.user.is_staff or obj.user == request.user)
