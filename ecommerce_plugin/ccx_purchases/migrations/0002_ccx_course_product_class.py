"""
Kept empty: the ``CCX Course`` product class is set up after every ``migrate`` by
``ccx_purchases.api.ensure_ccx_course_product_class``.
"""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("commerce_ccx_purchases", "0001_initial"), ("catalogue", "0001_initial")]

    operations = []
