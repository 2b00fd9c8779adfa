"""
The shop's copy of a learner's LMS enrollments: filled by a task (never in the learner's
request), the newest report wins, and an enrollment the LMS no longer lists becomes inactive.
"""
import json
from datetime import timedelta

import requests
from django.utils import timezone

from ecommerce_plugin.held_seats import api
from ecommerce_plugin.held_seats.models import LearnerEnrollment

COURSE = "course-v1:edX+DemoX+Demo_Course"
OTHER = "course-v1:edX+Other+2026"


class EnrollmentListLms:
    def __init__(self, rows):
        self.rows, self.gets = rows, []

    def get(self, url, params=None, **kwargs):
        self.gets.append((url, params))
        response = requests.Response()
        response.status_code = 200
        response._content = json.dumps(self.rows).encode()
        return response


def test_the_sync_stores_what_the_lms_lists_and_retires_the_rest(monkeypatch, learner):
    LearnerEnrollment.objects.create(
        user=learner, course_key=OTHER, mode="verified", is_active=True, reported_at=timezone.now() - timedelta(days=1)
    )
    lms = EnrollmentListLms(
        [{"user": "learner", "mode": "verified", "is_active": True, "course_details": {"course_id": COURSE}}]
    )
    monkeypatch.setattr("ecommerce_plugin.platform.lms_api_client", lambda: lms)

    assert api.sync_learner_enrollments(learner.id) == 1

    assert lms.gets == [("http://localhost:18000/api/enrollment/v1/enrollment", {"user": "learner"})]
    facts = {row.course_key: (row.mode, row.is_active) for row in LearnerEnrollment.objects.filter(user=learner)}
    assert facts == {COURSE: ("verified", True), OTHER: ("verified", False)}


def test_an_older_report_does_not_overwrite_a_newer_one(learner):
    now = timezone.now()
    api.record_lms_enrollment("learner", COURSE, "verified", True, now)
    api.record_lms_enrollment("learner", COURSE, "audit", True, now - timedelta(minutes=1))
    assert LearnerEnrollment.objects.get(user=learner, course_key=COURSE).mode == "verified"


def test_the_basket_page_queues_a_sync_after_its_answer(client, learner, monkeypatch, committed):
    queued = []
    monkeypatch.setattr("ecommerce_plugin.held_seats.tasks.sync_learner_enrollments.delay", queued.append)
    client.force_login(learner)
    with committed():
        client.get("/basket/add/", {"sku": "NOPE"})
    assert queued == [learner.id]


def test_an_lms_enrollment_event_updates_the_copy_at_once(learner):
    from opaque_keys.edx.keys import CourseKey  # noqa: PLC0415
    from openedx_events.learning.data import CourseData, CourseEnrollmentData, UserData, UserPersonalData  # noqa: PLC0415
    from openedx_events.learning.signals import COURSE_ENROLLMENT_CHANGED  # noqa: PLC0415

    enrollment = CourseEnrollmentData(
        user=UserData(id=99, is_active=True, pii=UserPersonalData(username="learner", email="l@example.com")),
        course=CourseData(course_key=CourseKey.from_string(COURSE)),
        mode="verified",
        is_active=True,
        creation_date=timezone.now(),
    )
    COURSE_ENROLLMENT_CHANGED.send_event(enrollment=enrollment)

    fact = LearnerEnrollment.objects.get(user=learner, course_key=COURSE)
    assert (fact.mode, fact.is_active) == ("verified", True)
