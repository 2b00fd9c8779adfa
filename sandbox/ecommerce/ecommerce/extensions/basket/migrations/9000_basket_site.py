"""
Otto's ``basket.0006_basket_site``: the site a basket belongs to.
"""
import django.db.models.deletion
from django.db import migrations, models

from ecommerce.extensions.basket.migrations import oscar_leaf


class Migration(migrations.Migration):
    dependencies = [("sites", "0001_initial"), ("basket", oscar_leaf())]

    operations = [
        migrations.AddField(
            model_name="basket",
            name="site",
            field=models.ForeignKey(
                blank=True, default=None, null=True, on_delete=django.db.models.deletion.SET_NULL,
                to="sites.site", verbose_name="Site",
            ),
        ),
    ]
