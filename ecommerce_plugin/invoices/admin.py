from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ecommerce_plugin.admin_rules import ALL, MachineOwnedFieldsAdmin
from ecommerce_plugin.invoices.models import Invoice


@admin.register(Invoice)
class InvoiceAdmin(MachineOwnedFieldsAdmin):
    """
    Read-only: invoices are issued, paid and voided through the API, which checks the finance_admin role.
    """

    machine_owned_fields = ALL
    list_display = (
        "reference", "company_name", "course_key", "quantity", "price_per_seat", "status", "created", "course_page",
    )
    list_filter = ("status",)
    search_fields = ("reference", "company_name", "course_key")

    @admin.display(description=_("Issue, pay, void, codes"))
    def course_page(self, invoice):
        kwargs = {"course_key": invoice.course_key, "invoice_id": invoice.id}
        url = reverse("commerce_ecommerce:course-page-invoice", kwargs=kwargs)
        return format_html('<a href="{}">{}</a>', url, _("On the course's e-commerce page"))

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "title": _("Invoices (issued on each course's e-commerce page)")}
        return super().changelist_view(request, extra_context)

    def has_change_permission(self, request, obj=None):
        return False
