import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("sites", "0001_initial"), ("partner", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="Course",
            fields=[
                ("id", models.CharField(max_length=255, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=255)),
                ("partner", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="partner.partner")),
                ("site", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                           to="sites.site", verbose_name="Site")),
            ],
        ),
    ]
