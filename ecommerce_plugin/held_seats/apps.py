"""
Held seats: what the shop knows of the seats a learner already holds or has paid for, so the
same seat is not sold to them twice.
"""
from django.apps import AppConfig


class HeldSeatsConfig(AppConfig):
    name = "ecommerce_plugin.held_seats"
    label = "commerce_held_seats"
    verbose_name = "Commerce: held seats"
    default_auto_field = "django.db.models.BigAutoField"
