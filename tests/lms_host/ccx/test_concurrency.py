"""
Twenty simultaneous PUTs of one external id on MariaDB make exactly one CCX, and all twenty answers name it.
"""
import threading

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from lms.djangoapps.ccx.models import CustomCourseForEdX
from rest_framework.test import APIClient

from lms_plugin.ccx.models import CcxExternalId

from .conftest import ccx_body, send

THREADS = 20


@pytest.mark.mariadb
def test_twenty_concurrent_puts_make_one_ccx(transactional_db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    service_user = User.objects.create_user("ecommerce_worker", "ecommerce_worker@example.com", is_staff=True)
    barrier = threading.Barrier(THREADS)
    answers = [None] * THREADS

    def put(index):
        client = APIClient()
        client.force_authenticate(service_user)
        try:
            barrier.wait(timeout=30)
            response = send(client, "put", "/api/ccx/v1/ccx/external/tp-race", ccx_body(max_students_allowed=30))
            answers[index] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [threading.Thread(target=put, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    statuses = sorted(status for status, __ in answers)
    assert statuses == [200] * (THREADS - 1) + [201]
    assert len({body["ccx_course_id"] for __, body in answers}) == 1
    assert CustomCourseForEdX.objects.count() == CcxExternalId.objects.count() == 1
