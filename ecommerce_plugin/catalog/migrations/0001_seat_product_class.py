"""
The ``Seat`` product class and its attributes, as Otto defines them, created once per shop.
"""
from django.db import migrations

ATTRIBUTES = [
    # code, name, type, required
    ("course_key", "Course Key", "text", True),
    ("certificate_type", "Certificate Type", "text", False),
    ("id_verification_required", "ID Verification Required", "boolean", False),
    ("credit_provider", "Credit Provider", "text", False),
]


def create_seat_class(apps, schema_editor):
    ProductClass = apps.get_model("catalogue", "ProductClass")
    ProductAttribute = apps.get_model("catalogue", "ProductAttribute")
    seat_class, _ = ProductClass.objects.get_or_create(
        slug="seat", defaults={"name": "Seat", "requires_shipping": False, "track_stock": False}
    )
    for code, name, attribute_type, required in ATTRIBUTES:
        ProductAttribute.objects.get_or_create(
            product_class=seat_class, code=code, defaults={"name": name, "type": attribute_type, "required": required}
        )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_seat_class, migrations.RunPython.noop)]
