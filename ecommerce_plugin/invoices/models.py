"""
Invoices for seats sold outside the card checkout.
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invoice(models.Model):
    """
    A company's purchase of N seats in a course, paid out of band; its codes are the seats.

    ``issued`` until finance records the payment (``paid``) or cancels the sale (``void``:
    every unused code becomes void; redeemed ones stay, the learner keeps the seat).

    .. pii: The contact's name and email address.
    .. pii_types: name, email_address
    .. pii_retirement: retained
    """

    ISSUED = "issued"
    PAID = "paid"
    VOID = "void"
    STATUS_CHOICES = [(ISSUED, "Issued"), (PAID, "Paid"), (VOID, "Void")]

    course_key = models.CharField(max_length=255, db_index=True)
    seat_sku = models.CharField(max_length=128)
    company_name = models.CharField(max_length=255)
    contact_name = models.CharField(max_length=255)
    contact_email = models.EmailField()
    reference = models.CharField(max_length=64, unique=True, help_text=_("The invoice or purchase-order number."))
    price_per_seat = models.DecimalField(max_digits=12, decimal_places=2)
    quantity = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=ISSUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.reference} ({self.company_name}, {self.quantity} x {self.course_key})"

    @property
    def total(self):
        return self.price_per_seat * self.quantity
