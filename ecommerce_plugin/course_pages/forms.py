"""
The pages' forms. They render accessible fields; their only rules are the API's: ``clean`` runs
the same serializer the REST endpoint runs, and each of its errors lands on its field. The
business rules (roles, the staff cap, limits) stay in the features' ``api`` functions.
"""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from ecommerce_plugin.coupons.rest_api.v1.serializers import CreateCouponSerializer
from ecommerce_plugin.finance.views import PriceSerializer
from ecommerce_plugin.invoices.rest_api.v1.serializers import IssueInvoiceSerializer
from ecommerce_plugin.prices import format_price

Voucher = get_model("voucher", "Voucher")


def _text(label, help_text="", input_type="text", **attrs):
    widget = forms.TextInput(attrs={"type": input_type, **attrs})
    return forms.CharField(label=label, help_text=help_text, required=False, widget=widget)


class ApiForm(forms.Form):
    """
    A form validated by ``serializer_class`` (with ``fixed`` values the page supplies, such as the
    course); ``validated`` holds the serializer's data when the form is valid.
    """

    serializer_class = None
    required_fields = ()

    def __init__(self, *args, fixed=None, **kwargs):
        kwargs.setdefault("auto_id", f"{self.prefix_id}_%s")
        super().__init__(*args, **kwargs)
        self.fixed = fixed or {}
        self.validated = None
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-control")
            described = [f"{self.auto_id % name}_help"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*described, f"{self.auto_id % name}_errors"])
            if name in self.required_fields:
                field.widget.attrs["required"] = True

    prefix_id = "form"

    def clean(self):
        data = {name: self.data.get(name) for name in self.fields if self.data.get(name, "") != ""}
        serializer = self.serializer_class(data={**data, **self.fixed})
        if serializer.is_valid():
            self.validated = dict(serializer.validated_data)
        else:
            for name, messages in serializer.errors.items():
                for message in messages if isinstance(messages, list) else [messages]:
                    self.add_error(name if name in self.fields else None, str(message))
        return self.cleaned_data

    def refuse(self, message):
        """Show an API refusal (a role, a cap, a duplicate) at the top of the form."""
        self.add_error(None, message)

    def mark_invalid_fields(self):
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"
        return self


class CouponForm(ApiForm):
    serializer_class = CreateCouponSerializer
    prefix_id = "coupon"
    required_fields = ("percentage", "end_datetime")

    percentage = _text(_("Discount (%)"), input_type="number", min="1", max="100", step="0.01")
    usage = forms.CharField(
        label=_("Who may use it"),
        required=False,
        widget=forms.Select(choices=Voucher.USAGE_CHOICES),
        initial=Voucher.MULTI_USE,
    )
    max_uses = _text(
        _("Uses at most"),
        _("Leave empty for no limit (only a finance admin may create an unlimited coupon)."),
        input_type="number",
        min="1",
    )
    start_datetime = _text(_("Valid from"), _("Leave empty to start now."), input_type="datetime-local")
    end_datetime = _text(_("Valid until"), input_type="datetime-local")
    code = _text(_("Code"), _("4 to 32 letters or digits; leave empty to draw one."), maxlength="32")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["percentage"].help_text = _(
            "Course staff may give up to %(percentage)s%% and %(uses)s uses; above that, a finance admin of "
            "the course creates the coupon."
        ) % {
            "percentage": settings.COMMERCE_COUPON_STAFF_MAX_PERCENTAGE,
            "uses": settings.COMMERCE_COUPON_STAFF_MAX_USES,
        }
        self.fields["percentage"].widget.attrs["aria-describedby"] = "coupon_percentage_help coupon_percentage_errors"


class InvoiceForm(ApiForm):
    serializer_class = IssueInvoiceSerializer
    prefix_id = "invoice"
    required_fields = ("sku", "company_name", "contact_name", "contact_email", "reference", "price_per_seat",
                       "quantity")

    sku = forms.CharField(label=_("Seat"), required=False, widget=forms.Select())
    company_name = _text(_("Company"), maxlength="255")
    contact_name = _text(_("Contact name"), maxlength="255")
    contact_email = _text(_("Contact email"), _("The codes are emailed here as a CSV file."), input_type="email")
    reference = _text(_("Invoice or purchase-order number"), maxlength="64")
    price_per_seat = _text(_("Price per seat"), input_type="number", min="0", step="0.01")
    quantity = _text(_("Seats (registration codes)"), input_type="number", min="1")

    def __init__(self, *args, seats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sku"].widget.choices = [
            (seat.sku, f"{seat.certificate_type} ({seat.sku}, {format_price(seat.price, seat.currency)})")
            for seat in seats
        ]


class PriceForm(ApiForm):
    serializer_class = PriceSerializer
    required_fields = ("price",)

    price = _text(_("New price"), input_type="number", min="0", step="0.01")

    def __init__(self, *args, sku="", **kwargs):
        self.prefix_id = f"price_{''.join(c if c.isalnum() else '_' for c in sku)}"
        super().__init__(*args, **kwargs)
