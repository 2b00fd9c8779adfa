from celery import shared_task

from ecommerce_plugin.finance import api


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=5, max_retries=5)
def sync_course_facts(course_key):
    facts = api.sync_course_facts(course_key)
    return facts.course_key if facts else None
