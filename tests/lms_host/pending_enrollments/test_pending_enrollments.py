"""
Pending enrollments in the LMS: the receipt hand-off, the dashboards' filters, the status
endpoint, the events that clear them, and support's view of stale ones.
"""
import time
import uuid
from datetime import timedelta

import jwt
import pytest
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.features.course_experience import course_home_url

from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.handoff import check_secret
from lms_plugin.pending_enrollments.models import PendingEnrollment, ReceiptHandoff

COURSE = "course-v1:edX+Pending+2026"
COURSE_KEY = CourseKey.from_string(COURSE)
SECRET = "test-pending-secret-of-at-least-32-chars"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def secret(settings):
    settings.COMMERCE_PENDING_ENROLLMENT_SECRET = SECRET


@pytest.fixture
def course():
    overview = CourseOverview.objects.create(id=COURSE_KEY, display_name="Pending Course")
    for slug, name in (("audit", "Audit"), ("verified", "Verified Certificate")):
        CourseMode.objects.create(course_id=COURSE_KEY, mode_slug=slug, mode_display_name=name,
                                  min_price=0 if slug == "audit" else 49)
    return overview


@pytest.fixture
def learner(client):
    user = get_user_model().objects.create_user("ada", "ada@example.com", "edx")
    client.force_login(user)
    return user


def token(username="ada", mode="verified", secret=SECRET, expires_in=300, drop=(), **claims):
    now = int(time.time())
    payload = {
        "iss": "ecommerce", "aud": "lms:pending-enrollments", "preferred_username": username,
        "order_number": "EDX-1", "enrollments": [{"course_id": COURSE, "mode": mode}],
        "iat": now, "exp": now + expires_in, "jti": uuid.uuid4().hex, **claims,
    }
    return jwt.encode({k: v for k, v in payload.items() if k not in drop}, secret, algorithm="HS256")


HANDOFF_URL = "/commerce/pending-enrollments/from-receipt/"


def hand_off(client, value):
    return client.post(HANDOFF_URL, {"token": value})


def test_the_receipt_hand_off_records_the_course_pending_and_opens_the_dashboard(client, course, learner):
    response = hand_off(client, token())
    assert response.status_code == 200
    assert response.json() == {"recorded": [COURSE], "redirect": "/dashboard"}
    assert PendingEnrollment.objects.get(user=learner).mode == "verified"


def test_the_hand_off_page_takes_the_token_from_the_fragment_not_the_url(client, learner):
    response = client.get(HANDOFF_URL)
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "pending_enrollments/from_receipt.js" in page and 'data-dashboard-url="/dashboard"' in page
    assert 'content="no-referrer"' in page
    # A token in the query string is never read: tokens do not belong in URLs (access logs).
    client.get(HANDOFF_URL, {"token": token()})
    assert not PendingEnrollment.objects.exists()


@pytest.mark.parametrize("bad", [
    token(secret="wrong-secret-wrong-secret-wrong-secret"), token(username="bob"), token(expires_in=-10), "garbage",
    token(drop=("exp",)), token(drop=("jti",)), token(drop=("iat",)), token(order_number=""),
    token(drop=("order_number",)), token(expires_in=3600),
], ids=["signature", "another-learner", "expired", "garbage", "no-exp", "no-jti", "no-iat", "empty-order",
        "no-order", "lives-an-hour"])
def test_a_bad_or_foreign_token_records_nothing(client, course, learner, bad):
    response = hand_off(client, bad)
    assert response.status_code == 400 and response.json()["error_code"] in ("invalid_token", "token_for_another_user")
    assert not PendingEnrollment.objects.exists()


def test_a_hand_off_token_is_single_use(client, course, learner):
    value = token()
    assert hand_off(client, value).status_code == 200
    PendingEnrollment.objects.all().delete()
    replay = hand_off(client, value)
    assert replay.status_code == 400 and replay.json()["error_code"] == "token_already_used"
    assert not PendingEnrollment.objects.exists()


def test_used_token_ids_are_forgotten_once_expired(client, course, learner):
    hand_off(client, token())
    ReceiptHandoff.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    hand_off(client, token())
    assert ReceiptHandoff.objects.count() == 1


def test_the_token_binds_the_pending_entry_to_its_order(client, course, learner):
    hand_off(client, token(order_number="EDX-7"))
    assert PendingEnrollment.objects.get(user=learner).order_number == "EDX-7"
    assert ReceiptHandoff.objects.get().order_number == "EDX-7"


@pytest.mark.parametrize("secret", ["short", "x" * 31])
def test_a_short_secret_is_refused_at_start_up(secret):
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_PENDING_ENROLLMENT_SECRET"):
        check_secret(secret)


def test_an_empty_secret_turns_the_hand_off_off_and_a_long_one_is_accepted():
    check_secret("")
    check_secret("x" * 32)


def test_the_app_checks_the_secret_when_the_lms_starts(settings):
    settings.COMMERCE_PENDING_ENROLLMENT_SECRET = "too-short"
    with pytest.raises(ImproperlyConfigured, match="COMMERCE_PENDING_ENROLLMENT_SECRET"):
        apps.get_app_config("commerce_pending_enrollments").ready()


def test_an_enrollment_already_active_in_the_mode_is_not_marked_pending(client, course, learner):
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="verified")
    hand_off(client, token())
    assert not PendingEnrollment.objects.exists()


def test_the_enrollment_event_clears_the_pending_status(client, course, learner):
    hand_off(client, token())
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="verified")  # fires COURSE_ENROLLMENT_CREATED
    assert not PendingEnrollment.objects.exists()


def test_an_upgrade_clears_on_the_mode_change_event(client, course, learner):
    enrollment = CourseEnrollment.enroll(learner, COURSE_KEY, mode="audit")
    hand_off(client, token())
    assert PendingEnrollment.objects.exists()
    enrollment.update_enrollment(mode="verified")  # fires COURSE_ENROLLMENT_CHANGED
    assert not PendingEnrollment.objects.exists()


def test_the_legacy_dashboard_lists_the_pending_course_with_its_link_disabled(client, course, learner):
    hand_off(client, token())
    html = client.get("/dashboard").content.decode()
    assert f'data-pending-course-id="{COURSE}"' in html
    assert "being processed" in html
    assert ' href="/courses/' not in html
    assert "pending_enrollments/pending_enrollments.js" in html


def test_the_sandbox_dashboard_gives_the_script_its_texts_and_a_live_region(client, course, learner):
    hand_off(client, token())
    html = client.get("/dashboard").content.decode()
    body = html.split("<body", 1)[1].split(">", 1)[0]
    assert 'data-pending-slow-note="This is taking longer than usual.' in body
    assert 'data-pending-ready-announcement="{course_name} is ready."' in body
    live = html.split("data-pending-live", 1)[1].split(">", 1)[0]
    assert 'aria-live="polite"' in live and 'role="status"' in live


def test_learner_home_data_carries_the_pending_status_of_an_upgrade(client, course, learner):
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="audit")
    hand_off(client, token())
    enrollment = client.get("/api/learner_home/init").json()["courses"][0]["enrollment"]
    assert enrollment["isPending"] is True
    assert enrollment["pendingMode"] == "verified"
    assert enrollment["pendingStatusUrl"].startswith("/api/pending_enrollments/v1/status/")


def test_learner_home_data_says_not_pending_otherwise(client, course, learner):
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="audit")
    assert client.get("/api/learner_home/init").json()["courses"][0]["enrollment"]["isPending"] is False


def test_the_status_endpoint_turns_active_once_enrolled(client, course, learner):
    hand_off(client, token())
    assert client.get("/api/pending_enrollments/v1/status/", {"course_id": COURSE}).json()["results"][0][
        "status"] == "pending"
    CourseEnrollment.enroll(learner, COURSE_KEY, mode="verified")
    assert client.get("/api/pending_enrollments/v1/status/", {"course_id": COURSE}).json()["results"][0][
        "status"] == "active"


def test_the_status_endpoint_names_the_course_for_a_dashboard_that_does_not_list_it_yet(client, course, learner):
    hand_off(client, token())
    (result,) = client.get("/api/pending_enrollments/v1/status/").json()["results"]
    assert result["course_id"] == COURSE and result["status"] == "pending" and result["has_access"] is False
    assert result["course_name"] == "Pending Course"
    assert result["course_url"] == course_home_url(COURSE_KEY)
    assert (result["mode"], result["mode_name"]) == ("verified", "Verified Certificate")


def test_the_status_endpoint_reads_a_bounded_number_of_queries_per_course(client, learner, django_assert_num_queries):
    keys = [CourseKey.from_string(f"course-v1:edX+Many{n}+2026") for n in range(3)]
    for key in keys:
        CourseOverview.objects.create(id=key, display_name=str(key))
    api.record_pending(learner, [(key, "verified") for key in keys])
    # Session and user, the pending rows, the courses' modes, then per course its enrollment and its overview.
    with django_assert_num_queries(2 + 1 + 1 + 2 * len(keys)):
        assert len(client.get("/api/pending_enrollments/v1/status/").json()["results"]) == 3


def test_the_status_endpoint_falls_back_to_the_course_key_without_an_overview(client, learner):
    hand_off(client, token())
    (result,) = client.get("/api/pending_enrollments/v1/status/").json()["results"]
    assert result["course_name"] == COURSE
    assert result["mode_name"] == "verified"  # no mode row either: the slug, never an empty name


def test_the_status_endpoint_refuses_a_bad_course_id(client, learner):
    response = client.get("/api/pending_enrollments/v1/status/", {"course_id": "nope"})
    assert response.status_code == 400 and response.json()["error_code"] == "invalid_course_id"


def test_stale_pending_enrollments_show_in_the_command_and_admin(client, course, learner, admin_client, capsys):
    hand_off(client, token())
    PendingEnrollment.objects.update(created=timezone.now() - timedelta(hours=2))
    assert [status.username for status in api.stale_pending()] == ["ada"]
    call_command("stale_pending_enrollments")
    header, row, summary = capsys.readouterr().out.splitlines()
    assert header.split("\t") == ["created", "username", "course_id", "mode", "order", "failed_at"]
    assert row.split("\t")[1:3] == ["ada", COURSE]
    assert summary == "stale_pending_enrollments: 1 stale pending enrollment(s)."
    page = admin_client.get("/admin/commerce_pending_enrollments/pendingenrollment/", {"stale": "yes"})
    assert page.status_code == 200 and "ada" in page.content.decode()


def test_the_stale_command_says_when_there_are_none(db, capsys):
    call_command("stale_pending_enrollments")
    assert capsys.readouterr().out.splitlines() == ["stale_pending_enrollments: no stale pending enrollments."]


@pytest.mark.parametrize("seconds", ["0", "-60", "an hour"])
def test_the_stale_command_refuses_a_bad_age(db, seconds):
    with pytest.raises(CommandError, match="argument --older-than"):
        call_command("stale_pending_enrollments", "--older-than", seconds)
