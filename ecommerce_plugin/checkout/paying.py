"""
Which baskets are being paid right now: what the features' checkout steps count as "in flight".

On stock Oscar a basket is frozen for its payment (``checkout.api``). Otto freezes a basket only in
some flows (PayPal, Cybersource) and never before its Stripe or free checkout; there the
pre-payment check (``checkout.otto``) records a ``PaymentAttempt`` for the basket while Otto's view
runs, which counts too.
"""
import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from ecommerce_plugin import platform


def live_attempts():
    from ecommerce_plugin.checkout.models import PaymentAttempt  # noqa: PLC0415

    horizon = timezone.now() - datetime.timedelta(seconds=settings.COMMERCE_OTTO_PAYMENT_ATTEMPT_SECONDS)
    return PaymentAttempt.objects.filter(started__gte=horizon)


def being_paid(prefix=""):
    """
    A ``Q`` on baskets (or, with ``prefix`` such as ``"basket__"``, on rows that point to one) being paid.
    """
    frozen = Q(**{f"{prefix}status": get_model("basket", "Basket").FROZEN})
    if not platform.is_otto():
        return frozen
    return frozen | Q(**{f"{prefix}id__in": live_attempts().values("basket_id")})
