"""
Learner pages: buy N seats (``/commerce/registration-codes/buy/?sku=&quantity=``, confirmed by a POST), redeem a code.
"""
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecommerce_plugin import platform
from ecommerce_plugin.api_errors import DB_BIGINT_MAX
from ecommerce_plugin.api_views import RATE_LIMITED
from ecommerce_plugin.catalog.api import course_title, seat_by_sku
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.errors import RegistrationCodeError
from ecommerce_plugin.registration_codes.throttles import redemption_wait


def _quantity(raw):
    raw = str(raw).strip()
    return int(raw) if raw.isdigit() and len(raw) <= 9 else 0


@require_http_methods(["GET", "POST"])
@login_required
def buy_seats(request):
    """
    ``GET ?sku=&quantity=`` asks the learner to confirm; only the confirmation's ``POST``
    (CSRF-protected) replaces the basket's content, so a link from another site changes nothing.
    """
    data = request.POST if request.method == "POST" else request.GET
    sku, quantity = data.get("sku", ""), _quantity(data.get("quantity", "1"))
    error = None
    if request.method == "POST":
        try:
            api.add_seats_to_basket(request.user, sku, quantity, request)
        except RegistrationCodeError as exc:
            error = exc.as_dict()
        else:
            return redirect("/basket/")
    seat = seat_by_sku(sku) if sku else None
    context = {
        "seat": seat,
        "course_title": (course_title(seat.course_key) or seat.course_key) if seat is not None else "",
        "sku": sku,
        "quantity": quantity,
        "total": seat.price * quantity if seat is not None and seat.price is not None else None,
        "error": error,
    }
    return render(
        request, "ecommerce_plugin/registration_codes/buy_confirm.html", context, status=400 if error else 200
    )


@login_required
def redeem_page(request):
    """
    The form, and the state of the learner's redemption (``?redemption=<id>``): while it is
    pending the page checks again by itself (and offers a link to) until the LMS has answered.
    """
    context = {"code": "", "state": None, "error": None, "dashboard_url": platform.lms_url("/dashboard")}
    status = 400
    if request.method == "POST":
        context["code"] = request.POST.get("code", "")
        wait = redemption_wait(request)
        if wait is not None:
            status = 429
            message = _("Too many tries; wait %(seconds)d seconds.") % {"seconds": wait}
            context["error"] = {"error_code": RATE_LIMITED, "message": message}
        else:
            try:
                context["state"] = api.redeem(request.user, context["code"])
            except RegistrationCodeError as exc:
                context["error"] = exc.as_dict()
            else:
                return redirect(f"{request.path}?redemption={context['state'].id}")
    elif request.GET.get("redemption", "").isdigit() and int(request.GET["redemption"]) <= DB_BIGINT_MAX:
        try:
            context["state"] = api.redemption_state(request.user, int(request.GET["redemption"]))
        except RegistrationCodeError as exc:
            context["error"] = exc.as_dict()
    return render(
        request, "ecommerce_plugin/registration_codes/redeem.html", context, status=status if context["error"] else 200
    )
