from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="PaymentAttempt",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("basket_id", models.PositiveIntegerField(unique=True)),
                ("url_name", models.CharField(max_length=100)),
                ("started", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
        ),
    ]
