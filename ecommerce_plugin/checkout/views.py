"""
The learner's pages: Otto's ``/basket/add/?sku=`` link, the pay form's target, the receipt.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from ecommerce_plugin.api_errors import DB_INT_MAX
from ecommerce_plugin.checkout import api
from ecommerce_plugin.checkout.errors import CheckoutRefused
from ecommerce_plugin.held_seats import api as held_seats_api

Order = get_model("order", "Order")


@require_GET
@login_required
def basket_add(request):
    """
    Otto's contract with the LMS: ``/basket/add/?sku=X[&sku=Y]`` fills the basket and shows it.
    """
    skus = request.GET.getlist("sku")
    if not skus:
        messages.error(request, _("No product was given."))
        return redirect("basket:summary")
    try:
        api.add_skus_to_basket(request.user, skus, request)
    except CheckoutRefused as exc:
        _show_refusal(request, exc)
    held_seats_api.sync_soon(request.user)
    # A ``discount_jwt`` on this link never reaches here: the discounts middleware moved it to the
    # session and redirected to the clean URL first.
    return redirect("/basket/")


def _show_refusal(request, exc):
    course_url = getattr(exc, "course_url", None)
    if course_url:
        # Oscar's message template renders messages tagged "safe" as HTML; everything is escaped here.
        link = format_html('{} <a href="{}">{}</a>', exc.learner_message, course_url, _("Go to the course"))
        messages.error(request, link, extra_tags="safe noicon")
    else:
        messages.error(request, exc.message)


@require_POST
@login_required
def pay(request):
    """
    The basket page's pay form; on success the receipt, else back to the basket with the reason.
    """
    params = {key: value for key, value in request.POST.items() if key not in ("csrfmiddlewaretoken", "basket_id")}
    basket_id = request.POST.get("basket_id", "")
    if not (basket_id.isdigit() and 0 < int(basket_id) <= DB_INT_MAX):
        messages.error(request, _("This basket cannot be paid; reload the page and try again."))
        return redirect("basket:summary")
    try:
        placed = api.place_order(request.user, int(basket_id), params, request)
    except CheckoutRefused as exc:
        _show_refusal(request, exc)
        return redirect("basket:summary")
    return redirect("commerce_ecommerce:checkout-receipt", order_number=placed.number)


@login_required
def receipt(request, order_number):
    order = Order.objects.filter(number=order_number, user=request.user).prefetch_related("lines").first()
    if order is None:
        raise Http404
    return render(
        request,
        "ecommerce_plugin/checkout/receipt.html",
        {"order": order, "lms_dashboard_url": f"{settings.COMMERCE_LMS_URL_ROOT.rstrip('/')}/dashboard"},
    )
