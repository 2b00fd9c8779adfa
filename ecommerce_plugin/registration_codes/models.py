"""
Registration codes and their redemptions.
"""
from django.conf import settings
from django.db import models

from ecommerce_plugin.history import PluginHistoricalRecords


class RegistrationCode(models.Model):
    """
    One seat in a course, bought by one person and usable once by anyone.

    A code comes from a multi-seat order line (``order_line``) or an invoice (``invoice``).
    Its ``status`` moves ``available`` -> ``redeemed`` by one conditional UPDATE (so two
    concurrent redemptions cannot both win), back to ``available`` if the LMS then refuses the
    enrollment, and to ``void`` when its invoice is voided or its order line revoked.

    ``withdrawn`` records that its source no longer allows it (the invoice voided, the order
    line refunded). It is set, in the same UPDATE that voids the available codes, on every code
    of the source, the redeemed ones included: a redeemed code whose enrollment the LMS then
    refuses becomes void instead of available again.

    .. no_pii: The redeemer is a user id; codes are bearer tokens, not personal data.
    """

    AVAILABLE = "available"
    REDEEMED = "redeemed"
    VOID = "void"
    STATUS_CHOICES = [(AVAILABLE, "Available"), (REDEEMED, "Redeemed"), (VOID, "Void")]

    code = models.CharField(max_length=32, unique=True)
    course_key = models.CharField(max_length=255)
    seat_sku = models.CharField(max_length=128)
    certificate_type = models.CharField(max_length=64)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    order_line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.PROTECT, related_name="registration_codes"
    )
    invoice = models.ForeignKey(
        "commerce_invoices.Invoice", null=True, blank=True, on_delete=models.PROTECT, related_name="codes"
    )
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=AVAILABLE)
    withdrawn = models.BooleanField(default=False)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    redeemed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    history = PluginHistoricalRecords()

    class Meta:
        indexes = [
            models.Index(fields=["course_key", "status"]),
            models.Index(fields=["course_key", "redeemed_by"]),
        ]

    def __str__(self):
        return f"{self.code} ({self.course_key}, {self.status})"


class Redemption(models.Model):
    """
    One learner's attempt to turn a code into an enrollment, kept after the LMS answers.

    ``pending`` until the enrollment task hears from the LMS; ``enrolled``, or ``refused``
    with the LMS's reason (the code is then available again).

    .. no_pii: User id, code id, status and the LMS's error message.
    """

    PENDING = "pending"
    ENROLLED = "enrolled"
    REFUSED = "refused"
    STATUS_CHOICES = [(PENDING, "Pending"), (ENROLLED, "Enrolled"), (REFUSED, "Refused")]

    code = models.ForeignKey(RegistrationCode, on_delete=models.PROTECT, related_name="redemptions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=PENDING)
    error = models.CharField(max_length=500, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    completed = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "code"])]

    def __str__(self):
        return f"{self.code_id} by {self.user_id}: {self.status}"
