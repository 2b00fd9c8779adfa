"""
Admin edits of the configuration take effect at once: they invalidate the cached configuration.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lms_plugin.discounts import api
from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig


@receiver([post_save, post_delete], sender=DiscountRestrictionConfig, dispatch_uid="commerce_discounts.restriction")
@receiver([post_save, post_delete], sender=DiscountPercentageConfig, dispatch_uid="commerce_discounts.percentage")
def forget_cached_configuration(**kwargs):
    api.configuration_changed()
