import django.db.models.deletion
import ecommerce.extensions.refund.models
import oscar.core.utils
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('order', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Refund',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('total_credit_excl_tax', models.DecimalField(decimal_places=2, max_digits=12)),
                ('currency', models.CharField(default=oscar.core.utils.get_default_currency, max_length=12)),
                ('status', models.CharField(choices=[('Open', 'Open'), ('Denied', 'Denied'), ('Payment Refund Error', 'Payment Refund Error'), ('Payment Refunded', 'Payment Refunded'), ('Revocation Error', 'Revocation Error'), ('Complete', 'Complete')], max_length=255)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='refunds', to='order.order')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='refunds', to=settings.AUTH_USER_MODEL)),
            ],
            bases=(ecommerce.extensions.refund.models.StatusMixin, models.Model),
        ),
        migrations.CreateModel(
            name='RefundLine',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('line_credit_excl_tax', models.DecimalField(decimal_places=2, max_digits=12)),
                ('quantity', models.PositiveIntegerField(default=1)),
                ('status', models.CharField(choices=[('Open', 'Open'), ('Revocation Error', 'Revocation Error'), ('Denied', 'Denied'), ('Complete', 'Complete')], max_length=255)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('order_line', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='refund_lines', to='order.line')),
                ('refund', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='refund.refund')),
            ],
            bases=(ecommerce.extensions.refund.models.StatusMixin, models.Model),
        ),
    ]
