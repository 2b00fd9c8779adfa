"""
The sandbox LMS replicas behave as the platform's do where the plugins touch them.
"""
import json
from datetime import UTC, datetime

import jwt as pyjwt
import pytest
from common.djangoapps.student.models import CourseEnrollment, anonymous_id_for_user
from django.contrib.auth.models import User
from django.core.management import call_command
from edx_rest_framework_extensions.auth.jwt.decoder import jwt_decode_handler
from lms.djangoapps.ccx.models import CcxFieldOverride, CustomCourseForEdX
from lms.djangoapps.ccx.overrides import clear_override_for_ccx, get_override_for_ccx, override_field_for_ccx
from lms.djangoapps.courseware.courses import get_course_by_id
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user
from openedx_events.learning.signals import COURSE_ENROLLMENT_CHANGED, COURSE_ENROLLMENT_CREATED

DEMO = CourseKey.from_string("course-v1:edX+DemoX+Demo_Course")
CCX_MASTER = CourseKey.from_string("course-v1:edX+CCX101+2026")
ENROLLMENT_URL = "/api/enrollment/v1/enrollment"


@pytest.fixture(autouse=True)
def demo_data(db):
    call_command("seed_demo")


@pytest.fixture
def received():
    events = []

    def receiver(signal, **kwargs):
        events.append((signal, kwargs["enrollment"]))

    COURSE_ENROLLMENT_CREATED.connect(receiver)
    COURSE_ENROLLMENT_CHANGED.connect(receiver)
    yield events
    COURSE_ENROLLMENT_CREATED.disconnect(receiver)
    COURSE_ENROLLMENT_CHANGED.disconnect(receiver)


def service_token(client):
    response = client.post(
        "/oauth2/access_token",
        {
            "grant_type": "client_credentials",
            "client_id": "ecommerce-backend-service-key",
            "client_secret": "ecommerce-backend-service-secret",
            "token_type": "jwt",
        },
    )
    assert response.status_code == 200
    return response.json()["access_token"]


def post_enrollment(client, token, **body):
    return client.post(
        ENROLLMENT_URL, data=json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"JWT {token}"
    )


def test_seed_demo_is_idempotent():
    counts = (User.objects.count(), CourseOverview.objects.count())
    call_command("seed_demo")
    assert (User.objects.count(), CourseOverview.objects.count()) == counts


def test_enroll_sends_course_enrollment_created(received):
    CourseEnrollment.enroll(User.objects.get(username="audit"), DEMO)

    signal, enrollment = received[-1]
    assert signal is COURSE_ENROLLMENT_CREATED
    assert (enrollment.user.pii.username, enrollment.course.course_key, enrollment.mode) == ("audit", DEMO, "audit")


def test_mode_change_sends_course_enrollment_changed(received):
    enrollment = CourseEnrollment.enroll(User.objects.get(username="audit"), DEMO)

    enrollment.change_mode("verified")

    assert received[-1][0] is COURSE_ENROLLMENT_CHANGED
    assert received[-1][1].mode == "verified"


def test_user_jwt_is_signed_hs256_with_the_shared_secret_by_default_as_upstream(settings):
    staff = User.objects.get(username="edx")

    token = create_jwt_for_user(staff)

    assert pyjwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    pyjwt.decode(token, settings.JWT_AUTH["JWT_SECRET_KEY"], algorithms=["HS256"], audience="lms-key")
    payload = jwt_decode_handler(token)
    assert payload["sub"] == anonymous_id_for_user(staff, None)
    assert payload["administrator"] is True


def test_user_jwt_is_signed_with_the_private_key_when_asymmetric_signing_is_forced(settings):
    settings.JWT_AUTH_FORCE_CREATE_ASYMMETRIC = True
    token = create_jwt_for_user(User.objects.get(username="edx"))
    assert pyjwt.get_unverified_header(token) == {"alg": "RS512", "typ": "JWT"}  # no kid unless JWT_AUTH_ADD_KID_HEADER
    assert jwt_decode_handler(token)["preferred_username"] == "edx"


def test_the_kid_header_comes_with_its_toggle(settings):
    settings.JWT_AUTH_FORCE_CREATE_ASYMMETRIC = True
    settings.JWT_AUTH_ADD_KID_HEADER = True
    token = create_jwt_for_user(User.objects.get(username="edx"))
    assert pyjwt.get_unverified_header(token)["kid"] == json.loads(settings.JWT_AUTH["JWT_PRIVATE_SIGNING_JWK"])["kid"]


def test_token_endpoint_rejects_a_wrong_secret(client):
    response = client.post(
        "/oauth2/access_token",
        {"grant_type": "client_credentials", "client_id": "ecommerce-backend-service-key", "client_secret": "nope"},
    )
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_client"}


def test_service_user_enrolls_a_learner_once(client):
    token = service_token(client)
    body = {"user": "verified", "mode": "verified", "course_details": {"course_id": str(DEMO)}}

    first = post_enrollment(client, token, **body)
    again = post_enrollment(client, token, **body)

    assert first.status_code == again.status_code == 200
    assert first.json()["course_details"]["course_id"] == str(DEMO)
    assert CourseEnrollment.objects.filter(user__username="verified").count() == 1


def test_unknown_course_is_a_400(client):
    response = post_enrollment(client, service_token(client), user="audit", course_details={"course_id": "course-v1:No+Such+Run"})
    assert response.status_code == 400
    assert response.json() == {"message": "No course 'course-v1:No+Such+Run' found for enrollment"}


def test_learner_cannot_enroll_themself_in_a_paid_mode(client):
    token = create_jwt_for_user(User.objects.get(username="honor"))
    response = post_enrollment(client, token, mode="verified", course_details={"course_id": str(DEMO)})
    assert response.status_code == 403


def test_ccx_overrides_round_trip_and_build_the_ccx_overview():
    course = get_course_by_id(CCX_MASTER)
    ccx = CustomCourseForEdX.objects.create(
        course_id=CCX_MASTER, display_name="Acme cohort", coach=User.objects.get(username="coach")
    )
    start = datetime(2026, 2, 1, tzinfo=UTC)

    override_field_for_ccx(ccx, course, "start", start)
    override_field_for_ccx(ccx, course, "max_student_enrollments_allowed", 25)

    assert CcxFieldOverride.objects.get(ccx=ccx, field="start").value == '"2026-02-01T00:00:00Z"'
    assert get_override_for_ccx(ccx, course, "start") == start
    overview = CourseOverview.get_from_id(ccx.locator)
    assert (overview.display_name, overview.start, overview.max_student_enrollments_allowed) == ("Acme cohort", start, 25)
    clear_override_for_ccx(ccx, course, "start")
    assert get_override_for_ccx(ccx, course, "start") is None


@pytest.mark.django_db
def test_learners_sign_in_on_the_sandbox_login_page(client):
    User.objects.create_user("signin", password="edx")
    response = client.post("/login", {"username": "signin", "password": "edx"})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard"
    assert client.cookies["sessionid"].value


def test_login_refresh_refuses_an_anonymous_browser(client):
    assert client.post("/login_refresh").status_code == 401


def test_login_refresh_sets_the_jwt_cookies_the_mfes_authenticate_with(client):
    user = User.objects.get(username="verified")
    client.force_login(user)
    response = client.post("/login_refresh")
    assert response.status_code == 200 and response.json()["user_id"] == user.id
    header_payload = response.cookies["edx-jwt-cookie-header-payload"]
    signature = response.cookies["edx-jwt-cookie-signature"]
    assert not header_payload["httponly"] and signature["httponly"]
    claims = pyjwt.decode(f"{header_payload.value}.{signature.value}", options={"verify_signature": False})
    assert claims["preferred_username"] == "verified"

    # The JWT alone (no session) authenticates an API call, the way frontend-platform makes it.
    client.logout()
    client.cookies["edx-jwt-cookie-header-payload"] = header_payload.value
    client.cookies["edx-jwt-cookie-signature"] = signature.value
    assert client.get("/api/pending_enrollments/v1/status/", HTTP_USE_JWT_COOKIE="true").status_code == 200
    del client.cookies["edx-jwt-cookie-signature"]
    assert client.get("/api/pending_enrollments/v1/status/", HTTP_USE_JWT_COOKIE="true").status_code == 401
