"""
Kept empty: the ``Seat`` product class is host data, set up after every ``migrate`` by
``catalog.api.ensure_seat_product_class`` (Otto already has its own, which is kept).
"""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = []
