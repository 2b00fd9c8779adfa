"""
Coupons API: course staff and finance admins create and list a course's coupons; any buyer
puts one on their basket.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from ecommerce_plugin.api_errors import invalid, refused
from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.coupons import api
from ecommerce_plugin.coupons.rest_api.v1.serializers import (
    ApplyCouponSerializer,
    CouponSerializer,
    CreateCouponSerializer,
)
from ecommerce_plugin.finance.errors import FinanceError


class CouponsView(CommerceAPIView):
    @extend_schema(responses={200: CouponSerializer(many=True)})
    def get(self, request):
        try:
            coupons = api.list_coupons(request.user, request.query_params.get("course_key", ""))
        except FinanceError as exc:
            return refused(exc)
        return Response(CouponSerializer(coupons, many=True).data)

    @extend_schema(request=CreateCouponSerializer, responses={201: CouponSerializer})
    def post(self, request):
        serializer = CreateCouponSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        try:
            coupon = api.create_coupon(request.user, **serializer.validated_data)
        except (FinanceError, CheckoutRefused) as exc:
            return refused(exc)
        return Response(CouponSerializer(coupon).data, status=status.HTTP_201_CREATED)


class BasketCouponView(CommerceAPIView):
    """
    ``POST {"code"}``: the caller's open basket carries this coupon (and no other).
    """

    @extend_schema(request=ApplyCouponSerializer, responses={200: None})
    def post(self, request):
        serializer = ApplyCouponSerializer(data=request.data)
        if not serializer.is_valid():
            return invalid(serializer)
        try:
            basket = api.apply_coupon(request.user, serializer.validated_data["code"], request)
        except CheckoutRefused as exc:
            return refused(exc)
        return Response({"basket_id": basket.id, "total_incl_tax": str(basket.total_incl_tax)})
