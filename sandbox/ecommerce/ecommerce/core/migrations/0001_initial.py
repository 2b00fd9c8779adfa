import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("sites", "0001_initial"), ("partner", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SiteConfiguration",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("lms_url_root", models.URLField(verbose_name="LMS base url for custom site/microsite")),
                ("segment_key", models.CharField(blank=True, max_length=255, null=True)),
                ("partner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="partner.partner")),
                ("site", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, to="sites.site")),
            ],
        ),
    ]
