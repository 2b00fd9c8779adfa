"""
The CCX purchases API: the course payload with the caller's purchases, quotes, basket lines, purchases.
"""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from ecommerce_plugin.api_errors import invalid, refused
from ecommerce_plugin.api_views import CommerceAPIView
from ecommerce_plugin.ccx_purchases import api, errors
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused
from ecommerce_plugin.ccx_purchases.rest_api.v1.serializers import (
    BasketLineSerializer,
    ConfigurationRequestSerializer,
    CourseSerializer,
    PurchaseSerializer,
    QuoteSerializer,
)


class CourseView(CommerceAPIView):
    """
    ``GET``: a CCX course product (modules, price per seat) and the caller's purchases of it.
    """

    @extend_schema(responses={200: CourseSerializer})
    def get(self, request, master_course_id):
        found = api.course_with_purchases(request.user, master_course_id)
        if found is None:
            return Response(
                {"error_code": errors.COURSE_NOT_FOUND, "message": _("This course is not sold as a CCX.")}, status=404
            )
        course, purchases = found
        return Response(CourseSerializer({"course": course, "purchases": purchases}).data)


def _configuration(request):
    serializer = ConfigurationRequestSerializer(data=request.data)
    if not serializer.is_valid():
        return None, invalid(serializer)
    return serializer.validated_data, None


class QuoteView(CommerceAPIView):
    """
    ``POST``: what a configuration costs the caller now (the buy tab's slider), without touching the basket.
    """

    @extend_schema(request=ConfigurationRequestSerializer, responses={200: QuoteSerializer})
    def post(self, request):
        values, error = _configuration(request)
        if error:
            return error
        try:
            if "purchase" in values:
                quote = api.quote_upgrade(request.user, values["purchase"], values["modules"], values["seats"])
            else:
                quote = api.quote_purchase(request.user, values["master_course_id"], values["modules"], values["seats"])
        except CcxPurchaseRefused as exc:
            return refused(exc)
        return Response(QuoteSerializer(quote).data)


class BasketLinesView(CommerceAPIView):
    """
    ``POST``: add a first purchase or an upgrade to the caller's open basket at the server's quote.
    Pay with ``POST /api/commerce/v1/checkout/``, which checks the quote again before charging.
    """

    @extend_schema(request=ConfigurationRequestSerializer, responses={201: BasketLineSerializer})
    def post(self, request):
        values, error = _configuration(request)
        if error:
            return error
        try:
            if "purchase" in values:
                added = api.add_upgrade_to_basket(
                    request.user, values["purchase"], values["modules"], values["seats"], request=request
                )
            else:
                added = api.add_purchase_to_basket(
                    request.user, values["master_course_id"], values["modules"], values["seats"],
                    display_name=values.get("display_name", ""), request=request,
                )
        except CcxPurchaseRefused as exc:
            return refused(exc)
        return Response(BasketLineSerializer(added).data, status=status.HTTP_201_CREATED)


class PurchaseListView(CommerceAPIView):
    """
    ``GET``: the caller's CCX purchases with their LMS sync state.
    """

    @extend_schema(responses={200: PurchaseSerializer(many=True)})
    def get(self, request):
        return Response(PurchaseSerializer(api.purchases_for(request.user), many=True).data)


class PurchaseDetailView(CommerceAPIView):
    """
    ``GET``: one of the caller's purchases; its ``sync_state`` says whether the LMS CCX has it yet.
    """

    @extend_schema(responses={200: PurchaseSerializer})
    def get(self, request, external_id):
        try:
            purchase = api.purchase_for(request.user, external_id)
        except CcxPurchaseRefused as exc:
            return refused(exc)
        return Response(PurchaseSerializer(purchase).data)
