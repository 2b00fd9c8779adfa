"""
Creates the site offer that carries the LMS discount (proxy Condition and Benefit named by path).
"""
from django.db import migrations

from ecommerce_plugin.discounts.offer import BENEFIT_PROXY, CONDITION_PROXY, OFFER_SLUG, create_dynamic_discount_offer


def create_offer(apps, schema_editor):
    create_dynamic_discount_offer(
        apps.get_model("offer", "ConditionalOffer"), apps.get_model("offer", "Condition"), apps.get_model("offer", "Benefit")
    )


def remove_offer(apps, schema_editor):
    apps.get_model("offer", "ConditionalOffer").objects.filter(slug=OFFER_SLUG).delete()
    apps.get_model("offer", "Condition").objects.filter(proxy_class=CONDITION_PROXY).delete()
    apps.get_model("offer", "Benefit").objects.filter(proxy_class=BENEFIT_PROXY).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("commerce_ecommerce_discounts", "0001_initial"),
        ("offer", "0013_range_excluded_categories"),
    ]

    operations = [migrations.RunPython(create_offer, remove_offer)]
