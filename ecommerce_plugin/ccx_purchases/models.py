"""
CCX courses for sale, what each buyer holds (a purchase), and the CCX lines of baskets.

A purchase is its own row, not an order line: a teacher may buy twice (fall and spring terms)
and upgrade each over several orders, and the LMS CCX is keyed by the purchase's external id.
"""
import uuid

from django.conf import settings
from django.db import models
from oscar.core.loading import get_model

from ecommerce_plugin.ccx_purchases.data import LineKind, SyncState

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
Line = get_model("basket", "Line")


class CcxCourse(models.Model):
    """
    The sale side of a master course: the Oscar product of class ``ccx-course`` (which carries
    the ``master_course_key`` attribute) and the partner whose stock records price its quotes.

    ``master_course_key`` repeats the product attribute so a lookup by course is one indexed
    query; ``api.create_or_update_ccx_course`` writes both.

    .. no_pii:
    """

    product = models.OneToOneField(Product, on_delete=models.PROTECT, related_name="ccx_course")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="+")
    master_course_key = models.CharField(max_length=255, unique=True)
    currency = models.CharField(max_length=12, default="USD")

    def __str__(self):
        return self.master_course_key


class CcxCourseModule(models.Model):
    """
    One module (a chapter of the master course) a CCX may include, priced per seat.

    .. no_pii:
    """

    course = models.ForeignKey(CcxCourse, on_delete=models.CASCADE, related_name="modules")
    usage_key = models.CharField(max_length=255)
    display_name = models.CharField(max_length=255)
    price_per_seat = models.DecimalField(max_digits=12, decimal_places=2)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["course_id", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["course", "usage_key"], name="ccx_module_once_per_course")]

    def __str__(self):
        return self.usage_key


class CcxPurchase(models.Model):
    """
    What one buyer holds of one master course: modules, seats, what they paid, and the LMS CCX.

    ``external_id`` is the purchase's identity on the LMS (``PUT /api/ccx/v1/ccx/external/{id}``),
    fixed at creation, so a retried or repeated sync never makes a second CCX. ``version`` grows
    by one with every paid change; ``synced_version`` is the last version the LMS confirmed.
    ``reserved_by_basket`` marks an upgrade being paid for (held while that basket is frozen),
    so a concurrent upgrade is refused before it is charged. ``sync_lease_*`` let one task or
    groomer at a time talk to the LMS about this purchase without a database lock held over HTTP.

    .. pii: display_name is free text the buyer chose for the CCX (may name a class or school).
    .. pii_types: other
    .. pii_retirement: retained
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ccx_purchases")
    course = models.ForeignKey(CcxCourse, on_delete=models.PROTECT, related_name="purchases")
    external_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    display_name = models.CharField(max_length=255)
    modules = models.JSONField(default=list)
    seats = models.PositiveIntegerField()
    amount_paid = models.DecimalField(max_digits=12, decimal_places=2)
    version = models.PositiveIntegerField(default=1)
    reserved_by_basket = models.ForeignKey(
        "basket.Basket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ccx_course_id = models.CharField(max_length=255, blank=True, default="")
    sync_state = models.CharField(max_length=16, choices=SyncState.CHOICES, default=SyncState.PENDING, db_index=True)
    synced_version = models.PositiveIntegerField(default=0)
    sync_error = models.CharField(max_length=255, blank=True, default="")
    sync_attempts = models.PositiveIntegerField(default=0)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    sync_lease_until = models.DateTimeField(null=True, blank=True)
    sync_lease_token = models.CharField(max_length=64, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["user", "course"], name="ccx_purchase_user_course")]

    def __str__(self):
        return f"{self.course.master_course_key} / {self.external_id}"


class CcxBasketLine(models.Model):
    """
    The CCX side of one Oscar basket line: the configuration quoted and what it was quoted from.

    The line's product is a quote product whose stock record holds ``amount_due``, so Oscar
    shows and charges that price; the checkout step recomputes it and refuses a stale quote.
    ``base_version`` is the purchase's version the upgrade was priced against.

    .. pii: display_name is free text the buyer chose for the CCX (may name a class or school).
    .. pii_types: other
    .. pii_retirement: retained
    """

    line = models.OneToOneField(Line, on_delete=models.CASCADE, related_name="ccx_quote")
    kind = models.CharField(max_length=16, choices=LineKind.CHOICES)
    course = models.ForeignKey(CcxCourse, on_delete=models.PROTECT, related_name="+")
    purchase = models.ForeignKey(CcxPurchase, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    display_name = models.CharField(max_length=255, blank=True, default="")
    modules = models.JSONField(default=list)
    seats = models.PositiveIntegerField()
    total = models.DecimalField(max_digits=12, decimal_places=2)
    amount_paid = models.DecimalField(max_digits=12, decimal_places=2)
    amount_due = models.DecimalField(max_digits=12, decimal_places=2)
    base_version = models.PositiveIntegerField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.kind} {self.course.master_course_key} ({self.amount_due})"


class CcxPurchaseChange(models.Model):
    """
    One paid change of a purchase (its first purchase or an upgrade), tied to its order: the audit
    trail finance and support read when a teacher asks what they paid for.

    .. no_pii:
    """

    purchase = models.ForeignKey(CcxPurchase, on_delete=models.PROTECT, related_name="changes")
    order_number = models.CharField(max_length=128, db_index=True)
    kind = models.CharField(max_length=16, choices=LineKind.CHOICES)
    version = models.PositiveIntegerField()
    modules = models.JSONField(default=list)
    seats = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["purchase", "version"], name="ccx_change_once_per_version")]

    def __str__(self):
        return f"{self.kind} v{self.version} (order {self.order_number})"
