"""
Ecommerce tells the LMS that an order's fulfillment failed for good (or is retried, or refunded):
the learner's pending entry says "we could not enroll you; support has been told".
"""
import pytest
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth import get_user_model
from django.test import Client
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.models import PendingEnrollment
from lms_plugin.pending_enrollments.pipeline import FAILED_NOTE

COURSE = "course-v1:edX+Failed+2026"
COURSE_KEY = CourseKey.from_string(COURSE)
URL = "/api/pending_enrollments/v1/fulfillment/"
STATUS_URL = "/api/pending_enrollments/v1/status/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    overview = CourseOverview.objects.create(id=COURSE_KEY, display_name="Failing Course")
    for slug in ("audit", "verified"):
        CourseMode.objects.create(course_id=COURSE_KEY, mode_slug=slug, mode_display_name=slug,
                                  min_price=0 if slug == "audit" else 49)
    return overview


@pytest.fixture
def learner():
    return get_user_model().objects.create_user("ada", "ada@example.com", "edx")


@pytest.fixture
def service():
    client = Client()
    # The ecommerce service user as Open edX provisions it: global staff (lms_plugin.trusted_services).
    client.force_login(get_user_model().objects.create_user("ecommerce_worker", "w@example.com", "x", is_staff=True))
    return client


@pytest.fixture
def learner_client(learner):
    client = Client()
    client.force_login(learner)
    return client


def report(client, state="failed", order_number="EDX-1", username="ada", **extra):
    body = {"username": username, "order_number": order_number, "state": state,
            "enrollments": [{"course_id": COURSE, "mode": "verified"}], **extra}
    return client.post(URL, body, content_type="application/json")


def test_a_failure_report_marks_the_pending_entry_failed(course, learner, service, learner_client):
    api.record_pending(learner, [(COURSE_KEY, "verified")], "EDX-1")
    response = report(service)
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert result["status"] == "pending" and result["fulfillment_failed"] is True and result["failed_at"]
    (status,) = learner_client.get(STATUS_URL, {"course_id": COURSE}).json()["results"]
    assert status["status"] == "pending" and status["fulfillment_failed"] is True


def test_a_learner_who_never_followed_the_receipt_link_still_learns_of_the_failure(course, learner, service):
    report(service)
    row = PendingEnrollment.objects.get(user=learner)
    assert row.order_number == "EDX-1" and row.failed_at is not None


def test_the_dashboard_says_support_has_been_told(course, learner, service, learner_client):
    report(service)
    html = learner_client.get("/dashboard").content.decode()
    assert 'data-enrollment-status="failed"' in html
    assert "support team has been told" in html and str(FAILED_NOTE)[:20] in html
    assert "being processed" not in html


def test_learner_home_data_carries_the_failed_state_of_an_upgrade(course, learner, service, learner_client):
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="audit")
    report(service)
    enrollment = learner_client.get("/api/learner_home/init").json()["courses"][0]["enrollment"]
    assert enrollment["isPending"] is True and enrollment["pendingFailed"] is True
    assert "support team has been told" in enrollment["pendingNote"]


def test_a_report_is_idempotent_and_keeps_the_first_failure_time(course, learner, service):
    report(service)
    first = PendingEnrollment.objects.get().failed_at
    assert report(service).status_code == 200
    assert PendingEnrollment.objects.get().failed_at == first


def test_a_staff_retry_shows_the_entry_as_processed_again(course, learner, service, learner_client):
    report(service)
    report(service, state="pending")
    (status,) = learner_client.get(STATUS_URL, {"course_id": COURSE}).json()["results"]
    assert status["status"] == "pending" and status["fulfillment_failed"] is False


def test_a_refund_removes_the_entry(course, learner, service):
    report(service)
    report(service, state="cancelled")
    assert not PendingEnrollment.objects.exists()


def test_a_report_about_an_older_order_leaves_a_newer_purchase_alone(course, learner, service):
    api.record_pending(learner, [(COURSE_KEY, "verified")], "EDX-2")
    report(service, order_number="EDX-1")
    row = PendingEnrollment.objects.get()
    assert row.order_number == "EDX-2" and row.failed_at is None


def test_a_course_already_active_in_the_mode_is_not_marked_failed(course, learner, service):
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="verified")
    report(service)
    assert not PendingEnrollment.objects.exists()


def test_the_receipt_link_opened_again_does_not_undo_the_failure(course, learner, service):
    api.record_pending(learner, [(COURSE_KEY, "verified")], "EDX-1")
    report(service)
    api.record_pending(learner, [(COURSE_KEY, "verified")], "EDX-1")
    assert PendingEnrollment.objects.get().failed_at is not None


def test_learners_may_not_report(course, learner, learner_client):
    assert report(learner_client).status_code == 403
    assert not PendingEnrollment.objects.exists()


def test_anonymous_callers_are_refused(course, learner):
    assert report(Client()).status_code in (401, 403)


@pytest.mark.parametrize("body", [
    [], "x", {"username": "ada", "order_number": "EDX-1", "state": "exploded",
              "enrollments": [{"course_id": COURSE, "mode": "verified"}]},
    {"username": "ada", "order_number": "EDX-1", "state": "failed", "enrollments": []},
    {"username": "ada", "order_number": "EDX-1", "state": "failed", "enrollments": [{"course_id": "nope", "mode": "v"}]},
    {"username": "ada", "order_number": "x" * 129, "state": "failed",
     "enrollments": [{"course_id": COURSE, "mode": "verified"}]},
], ids=["array", "string", "state", "no-enrollments", "bad-course", "long-order"])
def test_bad_reports_are_a_400_that_changes_nothing(course, learner, service, body):
    response = service.post(URL, body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error_code"] == "invalid_request"
    assert not PendingEnrollment.objects.exists()


def test_a_report_for_an_unknown_learner_is_a_400(course, service):
    response = report(service, username="nobody")
    assert response.status_code == 400 and response.json()["error_code"] == "unknown_user"
