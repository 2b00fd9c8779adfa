"""
Held seats: what the shop knows of the seats a learner already holds or has paid for, so the
same seat is not sold to them twice.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeldSeatsConfig(AppConfig):
    name = "ecommerce_plugin.held_seats"
    label = "commerce_held_seats"
    verbose_name = _("Commerce: held seats")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from openedx_events.learning.signals import COURSE_ENROLLMENT_CHANGED, COURSE_ENROLLMENT_CREATED  # noqa: PLC0415

        from ecommerce_plugin.held_seats import handlers  # noqa: PLC0415

        COURSE_ENROLLMENT_CREATED.connect(handlers.enrollment_reported, dispatch_uid="commerce_held_seats.created")
        COURSE_ENROLLMENT_CHANGED.connect(handlers.enrollment_reported, dispatch_uid="commerce_held_seats.changed")
