"""
The external id a client gives a CCX, and the durable record of each asynchronous CCX write.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms_plugin.platform import CCX_MODEL


class CcxExternalId(models.Model):
    """
    A client's own id for one platform CCX, so a retried or timed-out create never makes a second CCX.

    The unique index on ``external_id`` is the idempotency guarantee: a create
    claims the id by inserting this row first, and a concurrent create with the
    same id waits on that index, fails, and updates the winner's CCX instead.
    ``ccx`` is null only inside the creating transaction (the claim precedes the
    CCX); no committed row has it null.

    .. no_pii:
    """

    external_id = models.CharField(max_length=255, unique=True)
    ccx = models.OneToOneField(CCX_MODEL, null=True, on_delete=models.CASCADE, related_name="commerce_external_id")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("CCX external id")

    def __str__(self):
        return f"{self.external_id} -> CCX {self.ccx_id}"


class CcxJob(models.Model):
    """
    One asynchronous CCX write (``?async=true``): what was asked, by whom, and how it ended.

    The state lives here, not in the broker, so a client can read it after a
    worker or broker restart; a redelivered task reads it first and does not
    repeat a finished job.

    .. no_pii:
    """

    class Kind(models.TextChoices):
        CREATE = "create"
        UPSERT_EXTERNAL = "upsert_external"
        UPDATE = "update"
        PARTIAL_UPDATE = "partial_update"

    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        SUCCEEDED = "succeeded"
        FAILED = "failed"

    job_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    creator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Whether the creator asked as a trusted service (``lms_plugin.trusted_services``) rather than as
    # course staff; the job's write is authorized again, as this, on the course it acts on.
    as_trusted_service = models.BooleanField(default=False)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # The CCX course id (updates) or the external id (upserts) the job writes to, "" for a create.
    target = models.CharField(max_length=255, blank=True, default="")
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True)
    ccx = models.ForeignKey(CCX_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    error_code = models.CharField(max_length=100, null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("CCX job")

    def __str__(self):
        return f"CCX job {self.job_id} ({self.kind}, {self.status})"
