"""
The checkout API: add SKUs to one's basket, pay for one's basket.
"""
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from ecommerce_plugin.api_errors import invalid, refused
from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.checkout import api
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.checkout.rest_api.v1.serializers import (
    BasketAddSerializer,
    CheckoutRequestSerializer,
    PlacedOrderSerializer,
)
from ecommerce_plugin.held_seats import api as held_seats_api


class BasketItemsView(CommerceAPIView):
    """
    ``POST {"skus": [...]}``: the caller's open basket now holds exactly these products.
    """

    @extend_schema(request=BasketAddSerializer, responses={200: None})
    def post(self, request):
        serializer = BasketAddSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        held_seats_api.sync_soon(request.user)
        try:
            basket = api.add_skus_to_basket(request.user, serializer.validated_data["skus"], request)
        except CheckoutRefused as exc:
            return refused(exc)
        return Response({"basket_id": basket.id, "num_items": basket.num_items})


class CheckoutView(CommerceAPIView):
    """
    ``POST``: pay for one of the caller's baskets. 201 with the order; 200 with the same order
    when the basket was already paid; 4xx with an ``error_code`` and nothing charged otherwise.
    """

    @extend_schema(
        request=CheckoutRequestSerializer,
        responses={
            201: PlacedOrderSerializer,
            402: OpenApiResponse(description="``payment_declined``: the processor refused the charge."),
        },
    )
    def post(self, request):
        serializer = CheckoutRequestSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        params = {key: value for key, value in request.data.items() if key != "basket_id"}
        params.update(serializer.validated_data)
        try:
            placed = api.place_order(request.user, serializer.validated_data["basket_id"], params, request)
        except CheckoutRefused as exc:
            return refused(exc)
        return Response(
            PlacedOrderSerializer(placed).data,
            status=status.HTTP_201_CREATED if placed.created else status.HTTP_200_OK,
        )
