"""
Registration codes: seats bought (or invoiced) in bulk, redeemed one by one by any learner.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationCodesConfig(AppConfig):
    name = "ecommerce_plugin.registration_codes"
    label = "commerce_registration_codes"
    verbose_name = _("Commerce: registration codes")
    default_auto_field = "django.db.models.BigAutoField"
