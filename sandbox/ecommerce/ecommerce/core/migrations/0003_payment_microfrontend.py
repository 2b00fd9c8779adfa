"""
Otto's ``SiteConfiguration.enable_microfrontend_for_basket_page`` and ``payment_microfrontend_url``
(openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670, ``ecommerce/core/models.py``).
"""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0002_dynamic_conditional_offer")]

    operations = [
        migrations.AddField(
            model_name="siteconfiguration",
            name="enable_microfrontend_for_basket_page",
            field=models.BooleanField(
                blank=True, default=False, verbose_name="Enable Microfrontend for Basket Page",
                help_text="Use the microfrontend implementation of the basket page instead of the server-side template",
            ),
        ),
        migrations.AddField(
            model_name="siteconfiguration",
            name="payment_microfrontend_url",
            field=models.URLField(
                blank=True, null=True, verbose_name="Payment Microfrontend URL",
                help_text="URL for the Payment Microfrontend (used if Enable Microfrontend for Basket Page is set)",
            ),
        ),
    ]
