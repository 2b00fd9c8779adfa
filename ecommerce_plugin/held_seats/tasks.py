"""
Celery task of held seats: refresh a learner's enrollments from the LMS.
"""
import requests
from celery import shared_task

from ecommerce_plugin.held_seats import api


@shared_task(acks_late=True, autoretry_for=(requests.RequestException,), retry_backoff=5, max_retries=3)
def sync_learner_enrollments(user_id):
    return api.sync_learner_enrollments(user_id)
