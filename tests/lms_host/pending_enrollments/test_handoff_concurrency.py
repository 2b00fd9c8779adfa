"""
One hand-off token replayed ten times at once on MariaDB: exactly one use records the course.
"""
import threading
import time
import uuid

import jwt
import pytest
from common.djangoapps.course_modes.models import CourseMode
from django.contrib.auth import get_user_model
from django.db import connection
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.errors import PendingEnrollmentError
from lms_plugin.pending_enrollments.models import PendingEnrollment, ReceiptHandoff

COURSE = "course-v1:edX+Race+2026"
SECRET = "race-pending-secret-of-at-least-32-characters"
THREADS = 10


@pytest.mark.mariadb
def test_concurrent_replays_of_one_token_use_it_once(transactional_db, settings):
    settings.COMMERCE_PENDING_ENROLLMENT_SECRET = SECRET
    key = CourseKey.from_string(COURSE)
    CourseOverview.objects.create(id=key, display_name="Race")
    CourseMode.objects.create(course_id=key, mode_slug="verified", mode_display_name="verified", min_price=49)
    user = get_user_model().objects.create_user("racer", "racer@example.com", "edx")
    now = int(time.time())
    token = jwt.encode({
        "iss": "ecommerce", "aud": "lms:pending-enrollments", "preferred_username": "racer",
        "order_number": "EDX-RACE", "enrollments": [{"course_id": COURSE, "mode": "verified"}],
        "iat": now, "exp": now + 300, "jti": uuid.uuid4().hex,
    }, SECRET, algorithm="HS256")
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS

    def use(index):
        try:
            barrier.wait(timeout=30)
            api.record_from_receipt(user, token)
            outcomes[index] = "recorded"
        except PendingEnrollmentError as exc:
            outcomes[index] = exc.error_code
        finally:
            connection.close()

    threads = [threading.Thread(target=use, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["recorded"] + ["token_already_used"] * (THREADS - 1)
    assert ReceiptHandoff.objects.count() == 1 and PendingEnrollment.objects.count() == 1
