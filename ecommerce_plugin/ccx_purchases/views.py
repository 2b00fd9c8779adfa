"""
The teacher's CCX pages, on the shop (stock Oscar and Otto alike), built on ``ccx_purchases.api``:

* the course's buy page (``commerce/ccx/courses/<master course>/``): modules and seats for a new
  CCX, the teacher's earlier purchases of the course each linked to its upgrade page, and
  ``?line=<id>`` to edit an entry of their basket (pre-filled; "Update" replaces it);
* a purchase's upgrade page (``commerce/ccx/purchases/<external id>/``): what was bought is shown
  and cannot be lowered; added modules and seats cost the difference.

Server-rendered: "Recalculate" posts the form and shows the quote, "Add to basket" puts the
server's quote in the host's basket and goes where the host shows it (Otto: its payment MFE or
basket page). With JavaScript the price follows the form live, from the quotes API. Signed-in
users only; a purchase or basket entry that is not the caller's is "not found"; refused input
answers 4xx with the error code on the page and changes nothing.
"""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ecommerce_plugin import platform
from ecommerce_plugin.ccx_purchases import api, data, errors
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused

TEMPLATE = "ecommerce_plugin/ccx_purchases/configure.html"
ADD = "add"  # the "Add to cart" button's name; any other submit ("Recalculate") only quotes
# The slider's reach; the number field beside it takes any count up to COMMERCE_CCX_MAX_SEATS.
SLIDER_SPAN = 200


@require_http_methods(["GET", "POST"])
@login_required
def buy(request, master_course_id):
    course = api.get_ccx_course(master_course_id)
    if course is None:
        return _refused_page(
            request, CcxPurchaseRefused(errors.COURSE_NOT_FOUND, _("This course is not sold as a CCX."), 404)
        )
    try:
        editing = _edited_line(request, data.LineKind.PURCHASE, master_course_key=course.master_course_key)
    except CcxPurchaseRefused as exc:
        return _refused_page(request, exc)
    page = {"mode": "buy", "course": course, "editing": editing, "held_modules": (), "held_seats": 0,
            "purchase": None}
    if request.method == "GET":
        if editing:
            page.update(chosen=editing.quote.modules, seats=editing.quote.seats,
                        display_name=editing.display_name, quote=editing.quote)
        else:
            page.update(chosen=(), seats=1, display_name="", quote=None)
        return _render(request, page)

    chosen, seats, display_name = _posted(request)
    page.update(chosen=chosen, seats=seats, display_name=display_name, quote=None)
    try:
        if request.POST.get(ADD):
            api.add_purchase_to_basket(
                request.user, course.master_course_key, chosen, _seats_number(seats), display_name=display_name,
                request=request, replace_line_id=editing.line_id if editing else None,
            )
            messages.success(request, _("Your custom course is in your cart.") if not editing
                             else _("Your cart entry is updated."))
            return redirect(platform.basket_page_url(request))
        page["quote"] = api.quote_purchase(request.user, course.master_course_key, chosen, _seats_number(seats))
    except CcxPurchaseRefused as exc:
        return _render(request, page, exc)
    return _render(request, page)


@require_http_methods(["GET", "POST"])
@login_required
def upgrade(request, external_id):
    try:
        purchase = api.purchase_for(request.user, external_id)
        editing = _edited_line(request, data.LineKind.UPGRADE, purchase_external_id=purchase.external_id)
    except CcxPurchaseRefused as exc:
        return _refused_page(request, exc)
    course = api.get_ccx_course(purchase.master_course_key)
    page = {"mode": "upgrade", "course": course, "editing": editing, "purchase": purchase,
            "held_modules": purchase.modules, "held_seats": purchase.seats, "display_name": purchase.display_name}
    if request.method == "GET":
        if editing:
            page.update(chosen=editing.quote.modules, seats=editing.quote.seats, quote=editing.quote)
        else:
            page.update(chosen=purchase.modules, seats=purchase.seats, quote=None)
        return _render(request, page)

    chosen, seats, _ignored = _posted(request)
    page.update(chosen=chosen, seats=seats, quote=None)
    try:
        if request.POST.get(ADD):
            api.add_upgrade_to_basket(request.user, purchase.external_id, chosen, _seats_number(seats), request=request)
            messages.success(request, _("Your upgrade is in your cart."))
            return redirect(platform.basket_page_url(request))
        page["quote"] = api.quote_upgrade(request.user, purchase.external_id, chosen, _seats_number(seats))
    except CcxPurchaseRefused as exc:
        return _render(request, page, exc)
    return _render(request, page)


def buy_page_url(master_course_key, line_id=None):
    url = reverse("commerce_ecommerce:ccx-buy-page", kwargs={"master_course_id": master_course_key})
    return f"{url}?line={line_id}" if line_id else url


def upgrade_page_url(external_id, line_id=None):
    url = reverse("commerce_ecommerce:ccx-upgrade-page", kwargs={"external_id": external_id})
    return f"{url}?line={line_id}" if line_id else url


def edit_url(line):
    """
    Where a basket entry (a ``data.BasketLineQuote``) is edited: its page, pre-filled.
    """
    if line.kind == data.LineKind.UPGRADE:
        return upgrade_page_url(line.quote.purchase_external_id, line.line_id)
    return buy_page_url(line.quote.master_course_key, line.line_id)


def _edited_line(request, kind, *, master_course_key=None, purchase_external_id=None):
    line_id = request.POST.get("line") or request.GET.get("line")
    if not line_id:
        return None
    line = api.open_basket_line_quote(request.user, line_id, kind=kind)
    if (master_course_key and line.quote.master_course_key != master_course_key) or (
        purchase_external_id and line.quote.purchase_external_id != purchase_external_id
    ):
        raise CcxPurchaseRefused(errors.LINE_NOT_FOUND, _("This entry is no longer in your cart."), 404)
    return line


def _posted(request):
    return (
        request.POST.getlist("modules"),
        request.POST.get("seats", "").strip(),
        request.POST.get("display_name", "").strip()[:255],
    )


def _seats_number(seats):
    """
    The posted seat count as a number; anything else is refused as the API refuses it.
    """
    if seats.isdigit() and len(seats) <= 9:  # noqa: PLR2004  (more digits is past any limit)
        return int(seats)
    raise CcxPurchaseRefused(
        errors.INVALID_SEATS,
        _("Seats must be a whole number from 1 to %(max_seats)s.") % {"max_seats": settings.COMMERCE_CCX_MAX_SEATS},
    )


def _render(request, page, error=None):
    course, purchase = page["course"], page["purchase"]
    chosen, held = set(page["chosen"]), set(page["held_modules"])
    page["modules"] = [
        {"usage_key": m.usage_key, "display_name": m.display_name, "price_per_seat": m.price_per_seat,
         "checked": m.usage_key in chosen or m.usage_key in held, "held": m.usage_key in held}
        for m in course.modules
    ]
    seats_min = max(1, page["held_seats"])
    try:
        seats_value = int(page["seats"])
    except (TypeError, ValueError):
        seats_value = seats_min
    page.update(
        error=error,
        seats_min=seats_min,
        seats_max=settings.COMMERCE_CCX_MAX_SEATS,
        slider_max=min(settings.COMMERCE_CCX_MAX_SEATS, max(SLIDER_SPAN, seats_min * 2, seats_value)),
        currency=course.currency,
        quotes_api=reverse("commerce_ecommerce:ccx-quote"),
    )
    entries = api.open_basket_line_quotes(request.user, course.master_course_key)
    if purchase is not None:
        entries = [e for e in entries if e.quote.purchase_external_id == purchase.external_id]
    else:
        entries = [e for e in entries if e.kind == data.LineKind.PURCHASE]
    editing = page["editing"]
    page["basket_entries"] = [
        {"line": e, "edit_url": edit_url(e), "being_edited": editing is not None and e.line_id == editing.line_id}
        for e in entries
    ]
    if page["mode"] == "buy":
        # The source design: no "already bought" link while a basket entry is being edited.
        page["purchases"] = [] if editing else [
            {"purchase": p, "upgrade_url": upgrade_page_url(p.external_id)}
            for p in api.purchases_for(request.user, course.master_course_key)
        ]
        page["action_url"] = buy_page_url(course.master_course_key)
    else:
        page["action_url"] = upgrade_page_url(purchase.external_id)
    return render(request, TEMPLATE, page, status=error.http_status if error else 200)


def _refused_page(request, error):
    return render(
        request, "ecommerce_plugin/ccx_purchases/refused.html", {"error": error}, status=error.http_status
    )
