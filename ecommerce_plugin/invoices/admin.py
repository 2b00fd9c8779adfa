from django.contrib import admin

from ecommerce_plugin.invoices.models import Invoice


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    """
    Read-only: invoices are issued, paid and voided through the API, which checks the finance_admin role.
    """

    list_display = ("reference", "company_name", "course_key", "quantity", "price_per_seat", "status", "created")
    list_filter = ("status",)
    search_fields = ("reference", "company_name", "course_key")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
