"""
CCX v1 writes are authorized on the course they act on, trust services by credential (not by
name), delete as v0 does, validate bounds and types, and refuse malformed bodies with an error code.
"""
import json
from urllib.parse import quote

import pytest
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth.models import User
from lms.djangoapps.ccx.models import CcxFieldOverride, CustomCourseForEdX
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user
from rest_framework.test import APIClient
from xmodule.models import SandboxCourseStructure

from lms_plugin.ccx import api
from lms_plugin.ccx.data import CcxActor
from lms_plugin.ccx.errors import CcxApiError
from lms_plugin.ccx.models import CcxExternalId, CcxJob

from .conftest import MASTER, V0, V1, ccx_body, chapter, client_credentials_token, send

EXTERNAL = "/api/ccx/v1/ccx/external/"
# A second CCX-enabled course on which the teacher has no role.
OTHER = "course-v1:Other+CCX202+2026"
Q_MASTER, Q_OTHER = quote(MASTER), quote(OTHER)


@pytest.fixture
def other_course(demo):
    key = CourseKey.from_string(OTHER)
    CourseOverview.objects.create(id=key, org=key.org, display_name="Other", display_number_with_default=key.course,
                                  display_org_with_default=key.org)
    SandboxCourseStructure.objects.create(course_id=key, enable_ccx=True, chapters=[
        {"usage_key": chapter(1, OTHER), "display_name": "Other 1"},
    ])
    return key


@pytest.fixture
def ccx_on_other(other_course, service_client):
    body = ccx_body(master_course_id=OTHER, course_modules=[chapter(1, OTHER)])
    response = send(service_client, "put", f"{EXTERNAL}other-1", body)
    assert response.status_code == 201
    return response.json()


def ccx_state():
    return sorted(CustomCourseForEdX.objects.values_list("id", "course_id", "display_name", "coach_id"))


# --- the course a write acts on ---------------------------------------------------------------


@pytest.mark.parametrize("url", [V1, f"{V1}?async=true"])
def test_create_is_authorized_on_the_body_course_not_the_query_course(teacher_client, other_course, url,
                                                                      django_capture_on_commit_callbacks):
    body = ccx_body(master_course_id=OTHER, course_modules=[chapter(1, OTHER)])
    with django_capture_on_commit_callbacks(execute=True):
        response = send(teacher_client, "post", f"{url}{'&' if '?' in url else '?'}master_course_id={Q_MASTER}", body)

    assert response.status_code == 403
    assert not CustomCourseForEdX.objects.exists() and not CcxJob.objects.exists()


def test_a_listing_is_authorized_on_the_query_course_not_the_body(teacher_client, other_course):
    response = teacher_client.generic("GET", f"{V1}?master_course_id={Q_OTHER}",
                                      json.dumps({"master_course_id": MASTER}), content_type="application/json")
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "async_"), [
    ("put", False), ("put", True), ("patch", False), ("patch", True), ("delete", False),
])
def test_writes_by_id_are_authorized_on_the_existing_ccx_course(teacher_client, ccx_on_other, method, async_,
                                                                django_capture_on_commit_callbacks):
    before = ccx_state()
    url = f"{V1}{ccx_on_other['ccx_course_id']}?master_course_id={Q_MASTER}{'&async=true' if async_ else ''}"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(teacher_client, method, url, ccx_body(display_name="Taken over"))

    assert response.status_code == 403
    assert ccx_state() == before and not CcxJob.objects.exists()


@pytest.mark.parametrize("async_", [False, True])
def test_put_external_is_authorized_on_the_existing_ccx_course_whatever_the_body_says(
        teacher_client, ccx_on_other, async_, django_capture_on_commit_callbacks):
    before = ccx_state()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(teacher_client, "put", f"{EXTERNAL}other-1{'?async=true' if async_ else ''}",
                        ccx_body(display_name="Taken over"))  # the body names the teacher's own course

    assert response.status_code == 403
    assert ccx_state() == before and not CcxJob.objects.exists()


@pytest.mark.parametrize("async_", [False, True])
def test_put_external_creating_is_authorized_on_the_body_course(teacher_client, other_course, async_,
                                                                django_capture_on_commit_callbacks):
    body = ccx_body(master_course_id=OTHER, course_modules=[chapter(1, OTHER)])
    with django_capture_on_commit_callbacks(execute=True):
        response = send(teacher_client, "put", f"{EXTERNAL}new-1?master_course_id={Q_MASTER}"
                        f"{'&async=true' if async_ else ''}", body)

    assert response.status_code == 403
    assert not CustomCourseForEdX.objects.exists() and not CcxJob.objects.exists()


def test_a_job_is_authorized_again_on_the_course_it_finally_writes(teacher, other_course, service_client):
    # The teacher queued an upsert of a new id on their course; before it ran, a service created
    # that id on a course the teacher has no role in. The job must not update that CCX.
    job = CcxJob.objects.create(creator=teacher, kind=CcxJob.Kind.UPSERT_EXTERNAL, target="raced",
                                payload=ccx_body(display_name="Mine now", master_course_id=OTHER,
                                                 course_modules=[chapter(1, OTHER)]))
    send(service_client, "put", f"{EXTERNAL}raced",
         ccx_body(master_course_id=OTHER, course_modules=[chapter(1, OTHER)]))
    before = ccx_state()

    record = api.run_job(job.job_id)

    assert (record.status, record.error_code) == ("failed", "permission_denied")
    assert ccx_state() == before


def test_api_writes_check_the_actor_on_the_course_written(teacher, ccx_on_other):
    actor = CcxActor(user=teacher)
    with pytest.raises(CcxApiError) as refused:
        api.update(ccx_on_other["ccx_course_id"], {"display_name": "x"}, partial=True, actor=actor)
    assert (refused.value.http_status, refused.value.body) == (403, {"error_code": "permission_denied"})
    with pytest.raises(CcxApiError):
        api.delete(ccx_on_other["ccx_course_id"], actor=actor)
    assert CustomCourseForEdX.objects.count() == 1


def test_the_teacher_still_writes_on_their_own_course(teacher_client):
    created = send(teacher_client, "post", f"{V1}?master_course_id={Q_MASTER}", ccx_body())
    assert created.status_code == 201
    ccx_course_id = created.json()["ccx_course_id"]
    assert send(teacher_client, "patch", f"{V1}{ccx_course_id}", {"display_name": "Mine"}).status_code == 200
    assert send(teacher_client, "put", f"{EXTERNAL}mine", ccx_body()).status_code == 201


# --- trust: by credential, not by name ----------------------------------------------------------


@pytest.fixture
def impostor(demo):
    """
    A learner who registered the service user's name on a deployment whose service user is named otherwise.
    """
    return User.objects.create_user("ecommerce_worker", "impostor@example.com", "edx")


FACTS = f"/api/commerce/paid-enrollments/v1/courses/{MASTER}/"


def test_a_learner_named_like_the_service_gets_nothing_by_session(impostor):
    client = APIClient()
    client.force_login(impostor)

    assert client.get(f"{V1}?master_course_id={Q_MASTER}").status_code == 403
    assert send(client, "put", f"{EXTERNAL}x", ccx_body()).status_code == 403
    assert client.get(FACTS).status_code == 403


def test_a_learner_named_like_the_service_gets_nothing_by_jwt(impostor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(impostor)}")

    assert client.get(f"{V1}?master_course_id={Q_MASTER}").status_code == 403
    assert send(client, "post", V1, ccx_body()).status_code == 403
    assert client.get(FACTS).status_code == 403
    assert not CustomCourseForEdX.objects.exists()


def test_a_restricted_applications_token_gets_no_service_rights_even_for_staff(demo):
    staff = User.objects.get(username="edx")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {create_jwt_for_user(staff, additional_claims={'is_restricted': True})}")

    assert client.get(f"{V1}?external_id=x").status_code == 403
    assert client.get(FACTS).status_code == 403


def test_the_services_client_credentials_token_is_trusted(demo):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {client_credentials_token()}")

    assert client.get(f"{V1}?external_id=nothing").status_code == 200
    assert send(client, "put", f"{EXTERNAL}svc-1", ccx_body()).status_code == 201
    assert client.get(FACTS).status_code == 200


def test_global_staff_is_trusted_by_session(demo):
    client = APIClient()
    client.force_login(User.objects.get(username="edx"))
    assert client.get(f"{V1}?external_id=nothing").status_code == 200
    assert client.get(FACTS).status_code == 200


# --- DELETE, as v0 ------------------------------------------------------------------------------


def test_delete_removes_the_ccx_its_overrides_enrollments_and_external_id(teacher_client, service_client,
                                                                          django_assert_max_num_queries):
    ccx_course_id = send(service_client, "put", f"{EXTERNAL}del-1", ccx_body()).json()["ccx_course_id"]
    ccx_key = CourseKey.from_string(ccx_course_id)
    assert CcxFieldOverride.objects.exists() and CourseEnrollment.objects.filter(course_id=ccx_key).exists()

    # 17 today: the permission lookups, the locked CCX, the external id, v0's four deletes and their cascades.
    with django_assert_max_num_queries(20):
        response = send(teacher_client, "delete", f"{V1}{ccx_course_id}")

    assert response.status_code == 204
    assert not CustomCourseForEdX.objects.exists()
    assert not CcxFieldOverride.objects.exists()
    assert not CourseEnrollment.objects.filter(course_id=ccx_key).exists()
    assert not CourseOverview.objects.filter(id=ccx_key).exists()
    assert not CcxExternalId.objects.exists()
    assert send(service_client, "get", f"{EXTERNAL}del-1").status_code == 404
    # The id is free again.
    assert send(service_client, "put", f"{EXTERNAL}del-1", ccx_body()).status_code == 201


def test_delete_answers_what_v0_answers(teacher_client):
    first = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]
    second = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]
    coach = APIClient()
    coach.force_authenticate(User.objects.get(username="coach"))

    for bad in (MASTER, f"{first[:-1]}999"):
        v0 = send(teacher_client, "delete", f"{V0}{bad}")
        v1 = send(teacher_client, "delete", f"{V1}{bad}")
        assert (v1.status_code, v1.content) == (v0.status_code, v0.content), bad
    # The coach may read but not delete, in both.
    assert send(coach, "delete", f"{V0}{first}").status_code == send(coach, "delete", f"{V1}{first}").status_code == 403
    assert send(teacher_client, "delete", f"{V0}{first}").status_code == 204
    assert send(teacher_client, "delete", f"{V1}{second}").status_code == 204
    assert not CustomCourseForEdX.objects.exists()


# --- bounds and types ---------------------------------------------------------------------------

BAD_VALUES = {
    "huge max_students_allowed": ({"max_students_allowed": 10**30}, "max_students_allowed"),
    "negative max_students_allowed": ({"max_students_allowed": -1}, "max_students_allowed"),
    "float max_students_allowed": ({"max_students_allowed": 1.9}, "max_students_allowed"),
    "bool max_students_allowed": ({"max_students_allowed": True}, "max_students_allowed"),
    "list max_students_allowed": ({"max_students_allowed": [3]}, "max_students_allowed"),
    "long display_name": ({"display_name": "x" * 256}, "display_name"),
    "huge display_name": ({"display_name": "x" * 1_000_000}, "display_name"),
    "NUL in display_name": ({"display_name": "Acme\x00cohort"}, "display_name"),
    "number display_name": ({"display_name": 12}, "display_name"),
    "NUL in coach_email": ({"coach_email": "coach@example.com\x00"}, "coach_email"),
    "NUL in a module": ({"course_modules": [chapter(1) + "\x00"]}, "course_modules"),
    "number as a module": ({"course_modules": [12]}, "course_modules"),
}


@pytest.mark.parametrize("case", BAD_VALUES)
def test_out_of_bounds_values_are_refused_with_v0_codes_and_change_nothing(service_client, case,
                                                                           django_capture_on_commit_callbacks):
    change, field = BAD_VALUES[case]
    created = send(service_client, "put", f"{EXTERNAL}b-1", ccx_body()).json()
    ccx_course_id = created["ccx_course_id"]
    before = send(service_client, "get", f"{V1}{ccx_course_id}").json()

    answers = [
        send(service_client, "post", V1, ccx_body(**change)),
        send(service_client, "put", f"{EXTERNAL}b-1", ccx_body(**change)),
        send(service_client, "put", f"{EXTERNAL}b-2", ccx_body(**change)),
        send(service_client, "put", f"{V1}{ccx_course_id}", ccx_body(**change)),
        send(service_client, "patch", f"{V1}{ccx_course_id}", change),
        send(service_client, "patch", f"{V1}{ccx_course_id}?async=true", change),
        send(service_client, "post", f"{V1}?async=true", ccx_body(**change)),
    ]

    expected_code = "invalid_course_module_keys" if field == "course_modules" else f"invalid_{field}"
    for answer in answers:
        assert (answer.status_code, answer.json()) == (400, {"field_errors": {field: {"error_code": expected_code}}})
    assert send(service_client, "get", f"{V1}{ccx_course_id}").json() == before
    assert CustomCourseForEdX.objects.count() == 1 and not CcxJob.objects.exists()


def test_the_bounds_themselves_are_accepted(service_client):
    assert send(service_client, "put", f"{EXTERNAL}edge", ccx_body(
        max_students_allowed=2**31 - 1, display_name="x" * 255)).status_code == 201
    form = APIClient()
    form.force_authenticate(User.objects.get(username="edx"))
    assert form.post(V1, {**ccx_body(max_students_allowed="7"), "course_modules": []}).status_code == 201


def test_a_failing_write_commits_nothing(service_client, monkeypatch):
    created = send(service_client, "put", f"{EXTERNAL}atomic", ccx_body()).json()
    before = send(service_client, "get", f"{V1}{created['ccx_course_id']}").json()

    def broken(*args, **kwargs):
        raise RuntimeError("the platform failed after the CCX row was saved")

    monkeypatch.setattr("lms_plugin.platform.send_course_published", broken)
    monkeypatch.setattr("lms_plugin.platform.override_ccx_field", broken)
    with pytest.raises(RuntimeError):
        api.update(created["ccx_course_id"], {"display_name": "Half", "max_students_allowed": 3}, partial=True)
    monkeypatch.undo()

    assert send(service_client, "get", f"{V1}{created['ccx_course_id']}").json() == before


def test_a_failing_job_leaves_the_ccx_unchanged(service_client, monkeypatch):
    created = send(service_client, "put", f"{EXTERNAL}job-atomic", ccx_body()).json()
    before = send(service_client, "get", f"{V1}{created['ccx_course_id']}").json()
    job = CcxJob.objects.create(creator=User.objects.get(username="edx"), as_trusted_service=True,
                                kind=CcxJob.Kind.PARTIAL_UPDATE, target=created["ccx_course_id"],
                                payload={"display_name": "Half", "max_students_allowed": 3})

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("lms_plugin.platform.override_ccx_field", broken)
    record = api.run_job(job.job_id)
    monkeypatch.undo()

    assert (record.status, record.error_code) == ("failed", "internal_error")
    assert send(service_client, "get", f"{V1}{created['ccx_course_id']}").json() == before


# --- malformed requests: 400 with a code, never a 500 ------------------------------------------

NOT_OBJECTS = ["[1, 2]", '"a string"', "42", "null", "{not json"]


@pytest.mark.parametrize("body", NOT_OBJECTS)
def test_a_body_that_is_not_an_object_is_a_400_on_every_write(service_client, teacher_client, body):
    ccx_course_id = send(service_client, "put", f"{EXTERNAL}n-1", ccx_body()).json()["ccx_course_id"]
    for client in (service_client, teacher_client):
        for method, url in (("post", V1), ("post", f"{V1}?async=true"), ("put", f"{V1}{ccx_course_id}"),
                            ("patch", f"{V1}{ccx_course_id}"), ("put", f"{EXTERNAL}n-1"),
                            ("put", f"{EXTERNAL}n-2?async=true")):
            response = client.generic(method.upper(), url, body, content_type="application/json")
            assert (response.status_code, response.json()) == (400, {"error_code": "invalid_request_body"}), (method, url)
    assert CustomCourseForEdX.objects.count() == 1 and not CcxJob.objects.exists()


@pytest.mark.parametrize("ccx_id", ["99999999999999999999", "2147483648", "0"])
def test_a_ccx_id_beyond_the_column_is_a_400(service_client, ccx_id):
    ccx_course_id = f"ccx-v1:edX+CCX101+2026+ccx@{ccx_id}"
    for method in ("get", "patch", "put", "delete"):
        response = send(service_client, method, f"{V1}{ccx_course_id}", None if method == "get" else {"display_name": "x"})
        assert (response.status_code, response.json()) == (400, {"error_code": "course_id_not_valid_ccx_id"}), method


def test_nul_bytes_in_ids_are_refused(service_client):
    assert send(service_client, "get", f"{V1}?master_course_id={Q_MASTER}%00").json() == {"error_code": "course_id_not_valid"}
    assert send(service_client, "get", f"{V1}?external_id=a%00b").status_code == 400
    assert send(service_client, "get", f"{EXTERNAL}a%00b").status_code == 404


@pytest.mark.parametrize("url", [f"{V1}ccx-v1:edX+CCX101+2026+ccx@1/", f"{EXTERNAL}tp-1/", V1, "/api/ccx/v1/jobs/"
                                 "00000000-0000-4000-8000-000000000000"])
def test_options_describes_the_endpoint(service_client, url):
    response = service_client.options(url)
    assert response.status_code == 200 and response.json()["name"]
