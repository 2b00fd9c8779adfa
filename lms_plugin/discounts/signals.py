"""
Admin edits of the configuration take effect at once: they invalidate the cached configuration.
So do changes to a learner's enrollments or entitlements, for that learner's cached facts.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from lms_plugin import platform
from lms_plugin.discounts import api
from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig


@receiver([post_save, post_delete], sender=DiscountRestrictionConfig, dispatch_uid="commerce_discounts.restriction")
@receiver([post_save, post_delete], sender=DiscountPercentageConfig, dispatch_uid="commerce_discounts.percentage")
def forget_cached_configuration(**kwargs):
    api.configuration_changed()


def forget_cached_learner(sender, instance, **kwargs):  # pylint: disable=unused-argument
    if instance.user_id is not None:
        api.learner_records_changed(instance.user_id)


def connect_learner_receivers():
    """
    Called from the app's ``ready()``: the platform's models exist only once apps are loaded.
    """
    for model in platform.learner_record_models():
        for signal in (post_save, post_delete):
            uid = f"commerce_discounts.learner.{model.__name__}.{signal is post_save}"
            signal.connect(forget_cached_learner, sender=model, dispatch_uid=uid)
