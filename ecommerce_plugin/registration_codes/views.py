"""
Learner pages: buy N seats (``/commerce/registration-codes/buy/?sku=&quantity=``), redeem a code.
"""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ecommerce_plugin.api_errors import DB_BIGINT_MAX
from ecommerce_plugin.api_views import RATE_LIMITED
from ecommerce_plugin.registration_codes import api
from ecommerce_plugin.registration_codes.errors import RegistrationCodeError
from ecommerce_plugin.registration_codes.throttles import redemption_wait


@require_GET
@login_required
def buy_seats(request):
    try:
        quantity = int(request.GET.get("quantity", "1"))
    except ValueError:
        quantity = 0
    try:
        api.add_seats_to_basket(request.user, request.GET.get("sku", ""), quantity, request)
    except RegistrationCodeError as exc:
        messages.error(request, exc.message)
    return redirect("/basket/")


@login_required
def redeem_page(request):
    context = {"code": "", "state": None, "error": None}
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
