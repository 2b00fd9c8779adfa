"""
The ``CCX Course`` product class and its ``master_course_key`` attribute, created once per shop.
"""
from django.db import migrations


def create_ccx_course_class(apps, schema_editor):
    ProductClass = apps.get_model("catalogue", "ProductClass")
    ProductAttribute = apps.get_model("catalogue", "ProductAttribute")
    ccx_class, _ = ProductClass.objects.get_or_create(
        slug="ccx-course", defaults={"name": "CCX Course", "requires_shipping": False, "track_stock": False}
    )
    ProductAttribute.objects.get_or_create(
        product_class=ccx_class,
        code="master_course_key",
        defaults={"name": "Master Course Key", "type": "text", "required": True},
    )


class Migration(migrations.Migration):
    dependencies = [("commerce_ccx_purchases", "0001_initial"), ("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_ccx_course_class, migrations.RunPython.noop)]
