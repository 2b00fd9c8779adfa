"""
Kept empty: the discount offer is host data, set up after every ``migrate`` by
``discounts.offer.ensure_dynamic_discount_offer`` with the real offer models (Otto adds
offer fields in migrations of its own that a plugin migration cannot depend on).
"""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("commerce_ecommerce_discounts", "0001_initial"),
        ("offer", "0001_initial"),
    ]

    operations = []
