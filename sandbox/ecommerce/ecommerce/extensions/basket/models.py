"""
Replica of Otto ``ecommerce/extensions/basket/models.py`` (the per-site basket, ``order_number``, ``clear_vouchers``, ``BasketAttributeType``/``BasketAttribute``; openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348).
"""
from django.db import models
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_class

OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
Selector = get_class("partner.strategy", "Selector")


class Basket(AbstractBasket):
    """
    .. no_pii: Otto's basket; its owner is the user foreign key Oscar already has.
    """

    site = models.ForeignKey("sites.Site", verbose_name="Site", null=True, blank=True, default=None,
                             on_delete=models.SET_NULL)

    @property
    def order_number(self):
        return OrderNumberGenerator().order_number(self)

    @classmethod
    def create_basket(cls, site, user):
        """Create a new basket for the given site and user."""
        basket = cls.objects.create(site=site, owner=user)
        basket.strategy = Selector().strategy(user=user)
        return basket

    def clear_vouchers(self):
        """Remove all vouchers applied to the basket."""
        for v in self.vouchers.all():
            self.vouchers.remove(v)

    @classmethod
    def get_basket(cls, user, site):
        """The user's editable basket on ``site``: created if none, merged into one if several."""
        editable_baskets = cls.objects.filter(site=site, owner=user, status__in=cls.editable_statuses)
        if not editable_baskets:
            basket = cls.create_basket(site, user)
        else:
            stale_baskets = list(editable_baskets)
            basket = stale_baskets.pop(0)
            for stale_basket in stale_baskets:
                basket.merge(stale_basket, add_quantities=False)
        basket.strategy = Selector().strategy(user=user)
        return basket


class BasketAttributeType(models.Model):
    """
    Used to keep attribute types for BasketAttribute.

    .. no_pii:
    """

    name = models.CharField("Name", max_length=128, unique=True)

    def __str__(self):
        return self.name


class BasketAttribute(models.Model):
    """
    Used to add fields to basket without modifying basket directly (text values only).

    .. no_pii: Otto stores payment intent ids, organisation names and flags here.
    """

    basket = models.ForeignKey("basket.Basket", verbose_name="Basket", on_delete=models.CASCADE)
    attribute_type = models.ForeignKey("basket.BasketAttributeType", verbose_name="Attribute Type",
                                       on_delete=models.CASCADE)
    value_text = models.TextField("Text Attribute")

    class Meta:
        unique_together = ("basket", "attribute_type")

    def __str__(self):
        return f"{self.attribute_type}: {self.value_text}"


from oscar.apps.basket.models import *  # noqa: E402,F401,F403  pylint: disable=wildcard-import,wrong-import-position
