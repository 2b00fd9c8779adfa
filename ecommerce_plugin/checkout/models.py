"""
A payment under way in one of Otto's payment views (stock Oscar freezes the basket instead).
"""
from django.db import models


class PaymentAttempt(models.Model):
    """
    One basket being paid in an Otto payment view, from the pre-payment check until the view
    answers: a second payment of the same basket is refused meanwhile, and the checkout steps'
    reservations (a CCX upgrade, a coupon use) count as in flight.

    .. no_pii: Basket id, the Otto endpoint's URL name and a time.
    """

    basket_id = models.PositiveIntegerField(unique=True)
    url_name = models.CharField(max_length=100)
    started = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"Payment of basket {self.basket_id} in {self.url_name}"
