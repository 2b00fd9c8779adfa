"""
Registration codes API: buy N seats (a basket), redeem a code, follow a redemption.
"""
from dataclasses import asdict

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from ecommerce_plugin.api_errors import invalid, refused
from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.errors import RegistrationCodeError
from ecommerce_plugin.registration_codes.rest_api.v1.serializers import (
    RedeemSerializer,
    RedemptionStateSerializer,
    SeatsBasketSerializer,
)
from ecommerce_plugin.registration_codes.throttles import REDEMPTION_THROTTLES


class SeatsBasketView(CommerceAPIView):
    """
    ``POST {"sku", "quantity"}``: the caller's open basket holds that many seats. Paying for
    more than one seat issues registration codes instead of enrolling the buyer.
    """

    @extend_schema(request=SeatsBasketSerializer, responses={200: None})
    def post(self, request):
        serializer = SeatsBasketSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        try:
            basket = api.add_seats_to_basket(
                request.user, serializer.validated_data["sku"], serializer.validated_data["quantity"], request
            )
        except RegistrationCodeError as exc:
            return refused(exc)
        return Response({"basket_id": basket.id, "num_items": basket.num_items})


class RedemptionsView(CommerceAPIView):
    """
    ``POST {"code"}``: claim the code; 202 with the pending redemption, the enrollment follows.
    Throttled per user and per IP (429 ``rate_limited``).
    """

    throttle_classes = REDEMPTION_THROTTLES

    @extend_schema(
        request=RedeemSerializer,
        responses={
            202: RedemptionStateSerializer,
            400: OpenApiResponse(description="``code_unusable`` (a code the caller may not use), ``invalid_request``"),
            409: OpenApiResponse(description="``course_closed`` or ``course_full``"),
            429: OpenApiResponse(description="``rate_limited``: too many tries by this user or from this IP"),
        },
    )
    def post(self, request):
        serializer = RedeemSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        try:
            state = api.redeem(request.user, serializer.validated_data["code"])
        except RegistrationCodeError as exc:
            return refused(exc)
        return Response(asdict(api.redemption_state(request.user, state.id)), status=status.HTTP_202_ACCEPTED)


class RedemptionView(CommerceAPIView):
    @extend_schema(responses={200: RedemptionStateSerializer})
    def get(self, request, redemption_id):
        try:
            return Response(asdict(api.redemption_state(request.user, redemption_id)))
        except RegistrationCodeError as exc:
            return refused(exc)
