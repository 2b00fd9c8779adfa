"""
Replica of Otto ``ecommerce/extensions/refund/models.py`` (``Refund``, ``RefundLine``, their status
pipelines, ``create_with_lines`` and ``approve``: credit through the processor that took the
charge, then ``revoke_fulfillment_for_refund``), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Left out: the history tables (simple-history), the enterprise offer credit, ``audit_log`` (a log
line here) and ``PaymentEvent.processor_name`` (a field of Otto's order fork; Oscar's has none).
``TimeStampedModel``'s ``created``/``modified`` are plain fields.
"""
import logging

from django.conf import settings
from django.db import models
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_model
from oscar.core.utils import get_default_currency

from ecommerce.extensions.fulfillment.api import revoke_fulfillment_for_refund
from ecommerce.extensions.payment.helpers import get_processor_class_by_name
from ecommerce.extensions.refund.exceptions import InvalidStatus
from ecommerce.extensions.refund.signals import post_refund
from ecommerce.extensions.refund.status import REFUND, REFUND_LINE

logger = logging.getLogger(__name__)

PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
REFUNDED = "Refunded"  # Otto ``ecommerce/extensions/order/constants.py`` PaymentEventTypeName.REFUNDED


class StatusMixin:
    pipeline_setting = None

    @property
    def pipeline(self):
        return getattr(settings, self.pipeline_setting)

    def available_statuses(self):
        return self.pipeline.get(self.status, ())

    def set_status(self, new_status):
        if new_status not in self.available_statuses():
            raise InvalidStatus(
                f" Transition from '{self.status}' to '{new_status}' is invalid for "
                f"{self.__class__.__name__.lower()} {self.id}."
            )
        self.status = new_status
        self.save()

    def __str__(self):
        return str(self.id)


class Refund(StatusMixin, models.Model):
    """
    .. no_pii: amounts and statuses; the user is a foreign key.
    """

    order = models.ForeignKey("order.Order", related_name="refunds", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="refunds", on_delete=models.CASCADE)
    total_credit_excl_tax = models.DecimalField(decimal_places=2, max_digits=12)
    currency = models.CharField(max_length=12, default=get_default_currency)
    status = models.CharField(max_length=255, choices=[(status, status) for status in (
        REFUND.OPEN, REFUND.DENIED, REFUND.PAYMENT_REFUND_ERROR, REFUND.PAYMENT_REFUNDED, REFUND.REVOCATION_ERROR,
        REFUND.COMPLETE,
    )])
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    pipeline_setting = "OSCAR_REFUND_STATUS_PIPELINE"

    @classmethod
    def all_statuses(cls):
        return list(getattr(settings, cls.pipeline_setting).keys())

    @classmethod
    def create_with_lines(cls, order, lines):
        """A Refund of the lines not refunded yet (None when there are none); a refund of no money is approved."""
        unrefunded_lines = [line for line in lines if not line.refund_lines.exclude(status=REFUND_LINE.DENIED).exists()]

        if not unrefunded_lines:
            return None

        status = getattr(settings, "OSCAR_INITIAL_REFUND_STATUS", REFUND.OPEN)
        total_credit_excl_tax = sum(line.line_price_excl_tax for line in unrefunded_lines)
        refund = cls.objects.create(order=order, user=order.user, status=status,
                                    total_credit_excl_tax=total_credit_excl_tax)
        logger.info("refund_created: amount=%s order_number=%s refund_id=%s", total_credit_excl_tax, order.number,
                    refund.id)

        status = getattr(settings, "OSCAR_INITIAL_REFUND_LINE_STATUS", REFUND_LINE.OPEN)
        for line in unrefunded_lines:
            RefundLine.objects.create(
                refund=refund, order_line=line, line_credit_excl_tax=line.line_price_excl_tax,
                quantity=line.quantity, status=status,
            )

        if total_credit_excl_tax == 0:
            refund.approve()

        return refund

    @property
    def num_items(self):
        return sum(line.quantity for line in self.lines.all())

    @property
    def can_approve(self):
        return self.status not in (REFUND.COMPLETE, REFUND.DENIED)

    @property
    def can_deny(self):
        return self.status == settings.OSCAR_INITIAL_REFUND_STATUS

    def _issue_credit(self):
        """Credit the purchaser through the payment processor of the order's (first) source."""
        try:
            source = self.order.sources.first()
            processor = get_processor_class_by_name(source.source_type.name)(self.order.site)
            amount = self.total_credit_excl_tax

            refund_reference_number = processor.issue_credit(self.order.number, self.order.basket, source.reference,
                                                             amount, self.currency)
            source.refund(amount, reference=refund_reference_number)
            event_type, __ = PaymentEventType.objects.get_or_create(name=REFUNDED)
            PaymentEvent.objects.create(event_type=event_type, order=self.order, amount=amount,
                                        reference=refund_reference_number)
            logger.info("credit_issued: amount=%s processor_name=%s refund_id=%s", amount, processor.NAME, self.id)
        except AttributeError:
            # No source: a free order has nothing to credit.
            logger.info("No payments to credit for Refund [%d]", self.id)

    def _revoke_lines(self):
        if revoke_fulfillment_for_refund(self):
            self.set_status(REFUND.COMPLETE)
        else:
            logger.error("Unable to revoke fulfillment of all lines of Refund [%d].", self.id)
            self.set_status(REFUND.REVOCATION_ERROR)

    def approve(self, revoke_fulfillment=True):
        if self.status == REFUND.COMPLETE:
            logger.info("Refund [%d] has already been completed. No additional action is required to approve.", self.id)
            return True
        if not self.can_approve:
            logger.warning("Refund [%d] has status set to [%s] and cannot be approved.", self.id, self.status)
            return False
        if self.status in (REFUND.OPEN, REFUND.PAYMENT_REFUND_ERROR):
            try:
                self._issue_credit()
                self.set_status(REFUND.PAYMENT_REFUNDED)
            except PaymentError:
                logger.exception("Failed to issue credit for refund [%d].", self.id)
                self.set_status(REFUND.PAYMENT_REFUND_ERROR)
                return False

        if revoke_fulfillment and self.status in (REFUND.PAYMENT_REFUNDED, REFUND.REVOCATION_ERROR):
            self._revoke_lines()

        if not revoke_fulfillment and self.status == REFUND.PAYMENT_REFUNDED:
            logger.info("Skipping the revocation step for refund [%d].", self.id)
            self.set_status(REFUND.COMPLETE)
            for refund_line in self.lines.all():
                refund_line.set_status(REFUND_LINE.COMPLETE)

        if self.status == REFUND.COMPLETE:
            post_refund.send_robust(sender=self.__class__, refund=self)
            return True

        return False

    def deny(self):
        if self.status == REFUND.DENIED:
            return True
        if not self.can_deny:
            logger.warning("Refund [%d] cannot be denied. Its status is [%s].", self.id, self.status)
            return False
        self.set_status(REFUND.DENIED)
        result = True
        for line in self.lines.all():
            try:
                line.deny()
            except Exception:  # pylint: disable=broad-except
                logger.exception("Failed to deny RefundLine [%d].", line.id)
                result = False
        return result


class RefundLine(StatusMixin, models.Model):
    """
    .. no_pii: amounts and statuses.
    """

    refund = models.ForeignKey("refund.Refund", related_name="lines", on_delete=models.CASCADE)
    order_line = models.ForeignKey("order.Line", related_name="refund_lines", on_delete=models.CASCADE)
    line_credit_excl_tax = models.DecimalField(decimal_places=2, max_digits=12)
    quantity = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=255, choices=[(status, status) for status in (
        REFUND_LINE.OPEN, REFUND_LINE.REVOCATION_ERROR, REFUND_LINE.DENIED, REFUND_LINE.COMPLETE,
    )])
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    pipeline_setting = "OSCAR_REFUND_LINE_STATUS_PIPELINE"

    def deny(self):
        self.set_status(REFUND_LINE.DENIED)
        return True
