"""
Replica of Otto ``ecommerce/extensions/api/v2/views/orders.py`` (``OrderViewSet.fulfill``, the
endpoint ecommerce-worker's ``fulfill_order`` task PUTs), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Otto's order fork has ``partner`` and ``is_fulfillable``; Oscar's order has neither, so the replica
filters by the request's site and tests the statuses ``is_fulfillable`` tests (Open, Fulfillment
Error). The list/detail serializers are left out: the answer is the order's number and status.
"""
import logging

from django.db import transaction
from django.utils.decorators import method_decorator
from oscar.core.loading import get_class, get_model
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import DjangoModelPermissions, IsAuthenticated
from rest_framework.response import Response

from ecommerce.extensions.api.permissions import IsStaffOrOwner
from ecommerce.extensions.fulfillment.status import ORDER

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
post_checkout = get_class("checkout.signals", "post_checkout")


def is_fulfillable(order):
    """Otto ``ecommerce/extensions/order/models.py`` ``Order.is_fulfillable``."""
    return order.status in (ORDER.OPEN, ORDER.FULFILLMENT_ERROR)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class OrderViewSet(viewsets.GenericViewSet):
    lookup_field = "number"
    permission_classes = (IsAuthenticated, IsStaffOrOwner, DjangoModelPermissions)
    queryset = Order.objects.all()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.request.user.is_staff:
            queryset = queryset.filter(user=self.request.user)
        return queryset.filter(site=self.request.site)

    @action(detail=True, methods=["put", "patch"])
    def fulfill(self, request, number=None):  # pylint: disable=unused-argument
        order = self.get_object()

        if not is_fulfillable(order):
            return Response(status=status.HTTP_406_NOT_ACCEPTABLE)

        email_opt_in = request.query_params.get("email_opt_in", False) == "True"

        logger.info("Attempting fulfillment of order [%s]...", order.number)
        with transaction.atomic():
            post_checkout.send(sender=post_checkout, order=order, request=request, email_opt_in=email_opt_in)

        if is_fulfillable(order):
            logger.warning("Fulfillment of order [%s] failed!", order.number)
            return Response(status=status.HTTP_500_INTERNAL_SERVER_ERROR)

        return Response({"number": order.number, "status": order.status})
