"""
Per-line fulfillment bookkeeping, the row a worker locks before it fulfils a line.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class LineFulfillment(models.Model):
    """
    How the fulfillment of one order line went: attempts, the last error and when it completed.

    The line's state itself is Oscar's ``Line.status`` (the status pipeline); this row records
    what the status cannot (attempt count, the error text staff need) and is created with the
    line lock held, so two deliveries of a task count attempts once each.

    .. no_pii: error texts are the LMS's answers about a course and mode, never learner data.
    """

    line = models.OneToOneField("order.Line", on_delete=models.CASCADE, related_name="fulfillment")
    attempts = models.PositiveIntegerField(default=0)
    last_error_kind = models.CharField(max_length=32, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Fulfillment of line {self.line_id} ({self.attempts} attempts)"


class FailedFulfillmentOrder(Order):
    """
    Orders as staff see them in the "failed fulfillments" admin (a proxy: no table of its own).

    .. no_pii: a proxy of Oscar's Order; its PII is annotated and retired by Oscar's order app.
    """

    class Meta:
        proxy = True
        verbose_name = _("failed fulfillment")
        verbose_name_plural = _("failed fulfillments")
