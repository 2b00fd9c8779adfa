"""
The host's own coupon and offer forms, guarded: they write vouchers, offers, conditions, benefits
and ranges without the plugin's course range, its one-offer-per-coupon shape, the course roles or
the staff cap, so a coupon made or edited there gives away what the course's page would refuse.

* Django admin: vouchers and voucher sets are read-only (view, no add, change or delete); the
  offers, conditions, benefits and ranges of the plugin's coupons are read-only; each page links
  to the course pages. Other offers (the discount feature's, an operator's site offers) are left alone.
* Oscar's dashboard: the voucher, voucher-set, offer-wizard and range forms redirect to the
  course pages with a message; their lists, details and statistics stay.
"""
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

COUPON_RANGE_PREFIX = "Coupon range "  # the coupons feature names its course ranges so

# Oscar's dashboard views that write vouchers, offers and ranges (the same names in Otto's fork).
GUARDED_DASHBOARD_VIEWS = frozenset(
    {
        "voucher-create", "voucher-update", "voucher-delete",
        "voucher-set-create", "voucher-set-update", "voucher-set-delete",
        "offer-metadata", "offer-condition", "offer-benefit", "offer-restrictions", "offer-delete",
        "range-create", "range-update", "range-delete", "range-products", "range-reorder",
    }
)


def course_pages_link():
    return format_html(
        '{} <a href="{}">{}</a>',
        _(
            "Coupons are created on each course's e-commerce page, which applies the course's seats, one offer "
            "per coupon, the course roles and the staff limits."
        ),
        reverse("commerce_ecommerce:course-pages"),
        _("Go to the courses' e-commerce pages"),
    )


class HostCouponFormsGuard:
    """
    Middleware: Oscar's dashboard coupon, offer and range forms send the user to the course pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):  # noqa: ARG002
        match = request.resolver_match
        if match is None or "dashboard" not in match.namespaces or match.url_name not in GUARDED_DASHBOARD_VIEWS:
            return None
        messages.info(request, course_pages_link(), extra_tags="safe noicon")
        return redirect("commerce_ecommerce:course-pages")


def is_coupon_offer(offer):
    return offer is not None and offer.vouchers.exists()


def is_coupon_range(product_range):
    return product_range is not None and product_range.name.startswith(COUPON_RANGE_PREFIX)


def _coupon_owned(obj):
    ConditionalOffer = get_model("offer", "ConditionalOffer")  # noqa: N806
    Range = get_model("offer", "Range")  # noqa: N806
    if obj is None:
        return False
    if isinstance(obj, ConditionalOffer):
        return is_coupon_offer(obj)
    if isinstance(obj, Range):
        return is_coupon_range(obj)
    # A condition or a benefit: the plugin's when one of its offers is a coupon's, or its range is.
    offers = ConditionalOffer.objects.filter(**{obj._meta.model_name: obj})
    return any(is_coupon_offer(offer) for offer in offers) or is_coupon_range(getattr(obj, "range", None))


class ReadOnlyHostAdmin:
    """
    Mixed into the host's own ModelAdmin: view only, with the link to the course pages.
    """

    def has_add_permission(self, request, obj=None):  # noqa: ARG002
        return False

    def has_change_permission(self, request, obj=None):  # noqa: ARG002
        return False

    def has_delete_permission(self, request, obj=None):  # noqa: ARG002
        return False

    def changelist_view(self, request, extra_context=None):
        messages.info(request, course_pages_link(), extra_tags="safe")
        return super().changelist_view(request, extra_context)


class CouponRowsReadOnlyAdmin:
    """
    Mixed into the host's offer, condition, benefit and range admins: the coupons' rows are view only.
    """

    def has_change_permission(self, request, obj=None):
        return not _coupon_owned(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _coupon_owned(obj) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if _coupon_owned(obj):
            messages.info(request, course_pages_link(), extra_tags="safe")
        return super().change_view(request, object_id, form_url, extra_context)


def guard(site, model, mixin):
    """
    Re-register the host's admin of ``model`` with ``mixin`` in front; nothing when it has none.
    """
    current = site._registry.get(model)  # noqa: SLF001  (the registered ModelAdmin is only reachable so)
    if current is None or isinstance(current, mixin):
        return
    guarded = type(f"Guarded{type(current).__name__}", (mixin, type(current)), {"__module__": __name__})
    site.unregister(model)
    site.register(model, guarded)
