from celery import shared_task

from ecommerce_plugin.invoices import api


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=5, max_retries=5)
def email_invoice_codes(invoice_id):
    return api.email_codes_to_contact(invoice_id)
