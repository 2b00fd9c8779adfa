from django.db import migrations

import ecommerce.extensions.payment.fields


class Migration(migrations.Migration):
    """
    ``response`` as Otto stores it: JSON in a TEXT column (``jsonfield.JSONField``).
    """

    dependencies = [
        ('ecommerce_payment', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='paymentprocessorresponse',
            name='response',
            field=ecommerce.extensions.payment.fields.JSONField(),
        ),
    ]
