"""
Otto's ``basket.0007``/``0008`` (``BasketAttributeType``, ``BasketAttribute``), as one migration.
"""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("basket", "9000_basket_site")]

    operations = [
        migrations.CreateModel(
            name="BasketAttributeType",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=128, unique=True, verbose_name="Name")),
            ],
        ),
        migrations.CreateModel(
            name="BasketAttribute",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value_text", models.TextField(verbose_name="Text Attribute")),
                ("attribute_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                     to="basket.basketattributetype", verbose_name="Attribute Type")),
                ("basket", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="basket.basket",
                                             verbose_name="Basket")),
            ],
            options={"unique_together": {("basket", "attribute_type")}},
        ),
    ]
