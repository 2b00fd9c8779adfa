from django.db import migrations, models


def withdraw_codes_of_void_invoices(apps, schema_editor):
    RegistrationCode = apps.get_model("commerce_registration_codes", "RegistrationCode")
    RegistrationCode.objects.filter(invoice__status="void").update(withdrawn=True)


class Migration(migrations.Migration):

    dependencies = [
        ("commerce_invoices", "0001_initial"),
        ("commerce_registration_codes", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="registrationcode",
            name="withdrawn",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(withdraw_codes_of_void_invoices, migrations.RunPython.noop),
    ]
