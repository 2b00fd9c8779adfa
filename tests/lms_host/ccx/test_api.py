"""
The CCX feature's Python API and v1's own additions: external ids, PUT/PATCH, jobs, auth, admin, OpenAPI.
"""
import pytest
from common.djangoapps.student.models import CourseEnrollment
from common.djangoapps.student.roles import CourseCcxCoachRole, CourseStaffRole
from django.contrib.auth.models import User
from lms.djangoapps.ccx.models import CustomCourseForEdX
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user
from rest_framework.test import APIClient
from xmodule.modulestore.django import SignalHandler

from lms_plugin.ccx import api
from lms_plugin.ccx.errors import CcxApiError
from lms_plugin.ccx.models import CcxExternalId, CcxJob

from .conftest import MASTER, V1, ccx_body, chapter, send

EXTERNAL = "/api/ccx/v1/ccx/external/"


@pytest.fixture
def published():
    events = []

    def receiver(sender, course_key, **kwargs):
        events.append(course_key)

    SignalHandler.course_published.connect(receiver)
    yield events
    SignalHandler.course_published.disconnect(receiver)


def test_upsert_creates_then_updates_one_ccx(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, created = api.create_or_update_by_external_id("tp-42", ccx_body())
    second, created_again = api.create_or_update_by_external_id("tp-42", ccx_body(display_name="Renamed"))

    assert (created, created_again) == (True, False)
    assert first.ccx_course_id == second.ccx_course_id
    assert second.display_name == "Renamed" and second.external_id == "tp-42"
    assert CustomCourseForEdX.objects.count() == CcxExternalId.objects.count() == 1


def test_create_does_what_v0_does(demo, published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record, __ = api.create_or_update_by_external_id("tp-1", ccx_body())
    ccx_key = CourseKey.from_string(record.ccx_course_id)
    coach = User.objects.get(username="coach")

    assert record.max_students_allowed == 25 and record.start is not None and record.due is None
    assert CourseCcxCoachRole(CourseKey.from_string(MASTER)).has_user(coach)
    assert CourseEnrollment.is_enrolled(coach, ccx_key)
    assert CourseStaffRole(ccx_key).has_user(coach)
    # The master course's instructor (demo user edx) is enrolled in the CCX too.
    assert CourseEnrollment.is_enrolled(User.objects.get(username="edx"), ccx_key)
    assert published == [ccx_key]


def test_bad_input_changes_nothing(demo):
    with pytest.raises(CcxApiError) as refused:
        api.create_or_update_by_external_id("tp-1", ccx_body(coach_email="nobody@example.com"))

    assert (refused.value.http_status, refused.value.body) == (404, {"error_code": "coach_user_does_not_exist"})
    assert not CcxExternalId.objects.exists() and not CustomCourseForEdX.objects.exists()


def test_invalid_external_id_is_a_field_error(demo):
    with pytest.raises(CcxApiError) as refused:
        api.create_or_update_by_external_id("has space", ccx_body())
    assert refused.value.body == {"field_errors": {"external_id": {"error_code": "invalid_external_id"}}}


def test_upsert_query_counts_are_pinned(demo, django_assert_max_num_queries):
    # A create is mostly the platform's own work (v0 does the same: nine overrides, roles, enrollments).
    with django_assert_max_num_queries(160):
        api.create_or_update_by_external_id("tp-1", ccx_body())
    with django_assert_max_num_queries(20):
        api.create_or_update_by_external_id("tp-1", ccx_body(display_name="Again"))


def test_max_students_below_enrollment_count_is_refused(demo):
    record, __ = api.create_or_update_by_external_id("tp-1", ccx_body())
    ccx_key = CourseKey.from_string(record.ccx_course_id)
    for username in ("audit", "verified"):
        CourseEnrollment.enroll(User.objects.get(username=username), ccx_key)

    with pytest.raises(CcxApiError) as refused:
        api.update(record.ccx_course_id, {"max_students_allowed": 1}, partial=True)

    assert refused.value.body == {
        "field_errors": {"max_students_allowed": {"error_code": "max_students_allowed_below_enrollment_count"}}
    }
    assert api.get(record.ccx_course_id).max_students_allowed == 25
    assert api.update(record.ccx_course_id, {"max_students_allowed": 2}, partial=True).max_students_allowed == 2


def test_put_external_answers_201_then_200_naming_one_ccx(service_client):
    created = send(service_client, "put", f"{EXTERNAL}tp-7", ccx_body())
    updated = send(service_client, "put", f"{EXTERNAL}tp-7", ccx_body(max_students_allowed=40))

    assert (created.status_code, updated.status_code) == (201, 200)
    assert created.json()["ccx_course_id"] == updated.json()["ccx_course_id"]
    assert updated.json()["max_students_allowed"] == 40 and updated.json()["external_id"] == "tp-7"
    assert send(service_client, "get", f"{EXTERNAL}tp-7").json() == updated.json()


def test_put_external_refuses_a_master_course_change(service_client):
    send(service_client, "put", f"{EXTERNAL}tp-7", ccx_body())
    response = send(service_client, "put", f"{EXTERNAL}tp-7", ccx_body(master_course_id="course-v1:edX+DemoX+Demo_Course"))
    assert (response.status_code, response.json()) == (403, {"error_code": "master_course_id_change_not_allowed"})


def test_put_replaces_and_patch_changes_some_fields(teacher_client):
    ccx_course_id = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]

    patched = send(teacher_client, "patch", f"{V1}{ccx_course_id}", {"display_name": "Patched"})
    put = send(teacher_client, "put", f"{V1}{ccx_course_id}",
               {"display_name": "Put", "coach_email": "verified@example.com", "max_students_allowed": 9})
    missing = send(teacher_client, "put", f"{V1}{ccx_course_id}", {"display_name": "Only"})

    assert patched.status_code == 200 and patched.json()["course_modules"] == [chapter(1), chapter(2)]
    assert put.status_code == 200
    assert (put.json()["display_name"], put.json()["coach_email"], put.json()["course_modules"]) == (
        "Put", "verified@example.com", []
    )
    assert missing.status_code == 400 and set(missing.json()["field_errors"]) == {"coach_email", "max_students_allowed"}


def test_list_filters_by_external_id(service_client):
    send(service_client, "put", f"{EXTERNAL}tp-1", ccx_body())
    send(service_client, "put", f"{EXTERNAL}tp-2", ccx_body(display_name="Other"))

    page = send(service_client, "get", f"{V1}?external_id=tp-2").json()

    assert [r["display_name"] for r in page["results"]] == ["Other"] and page["count"] == 1


def test_post_with_a_used_external_id_is_a_409(service_client):
    send(service_client, "post", V1, ccx_body(external_id="tp-1"))
    response = send(service_client, "post", V1, ccx_body(external_id="tp-1"))
    assert (response.status_code, response.json()) == (409, {"error_code": "external_id_already_exists"})
    assert CustomCourseForEdX.objects.count() == 1


def test_coach_reads_its_ccx_but_cannot_change_it(demo, teacher_client):
    ccx_course_id = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]
    coach = APIClient()
    coach.force_authenticate(User.objects.get(username="coach"))

    assert send(coach, "get", f"{V1}{ccx_course_id}").status_code == 200
    assert send(coach, "patch", f"{V1}{ccx_course_id}", {"display_name": "Mine"}).status_code == 403


def test_learners_and_anonymous_users_are_refused(teacher_client):
    learner = APIClient()
    learner.credentials(HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(User.objects.get(username='audit'))}")

    assert send(learner, "post", V1, ccx_body()).status_code == 403
    assert send(learner, "put", f"{EXTERNAL}tp-1", ccx_body()).status_code == 403
    assert send(APIClient(), "get", V1, None).status_code == 401


def test_async_write_answers_202_and_the_job_tells_the_result(service_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(service_client, "put", f"{EXTERNAL}tp-9?async=true", ccx_body())

    assert response.status_code == 202
    assert response["Location"] == f"/api/ccx/v1/jobs/{response.json()['job_id']}"
    job = send(service_client, "get", response["Location"]).json()
    assert job["status"] == "succeeded" and job["error_code"] is None
    assert job["ccx"]["external_id"] == "tp-9"


def test_async_job_failure_is_recorded_with_its_code(service_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(service_client, "post", f"{V1}?async=true", ccx_body(coach_email="nobody@example.com"))

    job = send(service_client, "get", response["Location"]).json()
    assert (job["status"], job["error_code"], job["ccx"]) == ("failed", "coach_user_does_not_exist", None)


def test_async_malformed_input_is_refused_before_queueing(service_client):
    response = send(service_client, "put", f"{EXTERNAL}tp-9?async=true", {"master_course_id": MASTER})
    assert response.status_code == 400 and "field_errors" in response.json()
    assert not CcxJob.objects.exists()


def test_a_finished_job_is_not_run_again(demo):
    creator = User.objects.get(username="edx")
    job = CcxJob.objects.create(creator=creator, kind=CcxJob.Kind.CREATE, payload=ccx_body())
    api.run_job(job.job_id)
    api.run_job(job.job_id)  # a redelivered message
    assert CustomCourseForEdX.objects.count() == 1


def test_jobs_are_visible_to_their_creator_and_staff_only(service_client, teacher_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        location = send(service_client, "put", f"{EXTERNAL}tp-3?async=true", ccx_body())["Location"]
    staff = APIClient()
    staff.force_authenticate(User.objects.get(username="edx"))

    assert send(teacher_client, "get", location).status_code == 403
    assert send(staff, "get", location).status_code == 200
    assert send(staff, "get", "/api/ccx/v1/jobs/00000000-0000-4000-8000-000000000000").status_code == 404


def test_admin_finds_a_ccx_by_external_id(demo, client):
    api.create_or_update_by_external_id("tp-admin-1", ccx_body())
    client.force_login(User.objects.get(username="edx"))

    response = client.get("/admin/commerce_ccx/ccxexternalid/?q=tp-admin")

    assert response.status_code == 200 and b"tp-admin-1" in response.content


def test_openapi_schema_documents_the_v1_api(demo, client, capsys):
    client.force_login(User.objects.get(username="edx"))
    schema = client.get("/api/schema/?format=json").json()

    paths = set(schema["paths"])
    assert {"/api/ccx/v1/ccx/", "/api/ccx/v1/ccx/external/{external_id}/", "/api/ccx/v1/ccx/{ccx_course_id}/",
            "/api/ccx/v1/jobs/{job_id}"} <= paths
    assert set(schema["paths"]["/api/ccx/v1/ccx/{ccx_course_id}/"]) == {"get", "put", "patch", "delete"}
    # No warning or error of drf-spectacular names our views.
    err = capsys.readouterr().err
    assert "lms_plugin/ccx" not in err and "ccx_v1" not in err
    assert "JwtAuthentication" in schema["components"]["securitySchemes"]
