"""
The sandbox shop's front page: the learner's real entry points, not Oscar's (empty) catalogue.

Seats and CCX courses are not catalogue products a learner browses in Otto either: the LMS
links to ``/basket/add/?sku=``. This page lists those links for every seeded seat, the
registration-code purchase and redemption pages and the CCX course products.
"""
from django.shortcuts import render
from oscar.core.loading import get_model

from ecommerce_plugin.catalog.api import seat_for_product
from ecommerce_plugin.ccx_purchases.api import get_ccx_course

StockRecord = get_model("partner", "StockRecord")
CcxCourse = get_model("commerce_ccx_purchases", "CcxCourse")

CODES_QUANTITY = 5


def front_page(request):
    seats = []
    for stockrecord in StockRecord.objects.select_related("product").order_by("product__parent__title", "price"):
        seat = seat_for_product(stockrecord.product)
        if seat is not None:
            seats.append({"seat": seat, "title": stockrecord.product.get_title(), "paid": seat.price > 0})
    ccx_courses = [
        get_ccx_course(key) for key in CcxCourse.objects.order_by("master_course_key")
        .values_list("master_course_key", flat=True)
    ]
    return render(
        request,
        "sandbox_ecommerce/index.html",
        {"seats": seats, "ccx_courses": ccx_courses, "codes_quantity": CODES_QUANTITY},
    )
