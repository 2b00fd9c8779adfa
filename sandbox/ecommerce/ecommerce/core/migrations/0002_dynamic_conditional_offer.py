"""
Otto's ``offer.0025_auto_20190624_1747``: the site's dynamic discount offer and its Condition and
Benefit rows, under Otto's names (kept here, as the sandbox does not fork Oscar's offer app).
"""
from django.db import migrations


def add_dynamic_conditional_offer(apps, schema_editor):
    condition = apps.get_model("offer", "Condition").objects.create(
        proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicDiscountCondition"
    )
    # The value doesn't matter, because it's dynamic, but oscar will complain without one.
    benefit = apps.get_model("offer", "Benefit").objects.create(
        value=1, proxy_class="ecommerce.extensions.offer.dynamic_conditional_offer.DynamicPercentageDiscountBenefit"
    )
    apps.get_model("offer", "ConditionalOffer").objects.create(
        name="dynamic_conditional_offer", benefit=benefit, condition=condition, max_basket_applications=1, priority=-10
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial"), ("offer", "0001_initial")]

    operations = [migrations.RunPython(add_dynamic_conditional_offer, migrations.RunPython.noop)]
