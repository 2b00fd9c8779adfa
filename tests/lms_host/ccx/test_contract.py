"""
v1 answers what the platform's v0 answers: same field names, pagination, permissions and error codes.

Each bad request is sent to v0 (the sandbox's replica of the platform's API) and to v1
by the same master-course instructor; status and body must be equal.
"""
from urllib.parse import urlencode

import pytest
from common.djangoapps.student.roles import CourseInstructorRole
from lms.djangoapps.ccx.models import CustomCourseForEdX
from opaque_keys.edx.keys import CourseKey

from .conftest import ABSENT, MASTER, NO_CCX_COURSE, V0, V1, ccx_body, chapter, send

UNKNOWN_COURSE = "course-v1:edX+Nope+2099"

BAD_CREATES = {
    "missing master_course_id": ccx_body(master_course_id=ABSENT),
    "unparsable master_course_id": ccx_body(master_course_id="not a course key"),
    "unknown course": ccx_body(master_course_id=UNKNOWN_COURSE),
    "course without CCX enabled": ccx_body(master_course_id=NO_CCX_COURSE),
    "missing fields": {"master_course_id": MASTER},
    "null fields": ccx_body(coach_email=None, display_name=None, max_students_allowed=None),
    "invalid fields": ccx_body(coach_email="not-an-email", display_name="", max_students_allowed="many"),
    "modules not a list": ccx_body(course_modules="module_1"),
    "modules not keys": ccx_body(course_modules=["not a usage key"]),
    "unknown coach": ccx_body(coach_email="nobody@example.com"),
    "foreign modules": ccx_body(course_modules=[chapter(1), chapter(1, NO_CCX_COURSE)]),
}

BAD_PATCHES = {
    "master_course_id change": {"master_course_id": NO_CCX_COURSE},
    "null fields": {"coach_email": None, "display_name": None, "max_students_allowed": None},
    "invalid fields": {"coach_email": "x", "display_name": "", "max_students_allowed": "x"},
    "unknown coach": {"coach_email": "nobody@example.com"},
    "foreign modules": {"course_modules": [chapter(1, NO_CCX_COURSE)]},
    "modules not keys": {"course_modules": ["nope"]},
}


@pytest.fixture
def unknown_course_instructor(teacher):
    CourseInstructorRole(CourseKey.from_string(UNKNOWN_COURSE)).add_users(teacher)


@pytest.mark.parametrize("case", BAD_CREATES)
def test_create_refusals_match_v0(teacher_client, unknown_course_instructor, case):
    body = BAD_CREATES[case]

    v0 = send(teacher_client, "post", V0, body)
    v1 = send(teacher_client, "post", V1, body)

    assert (v1.status_code, v1.json()) == (v0.status_code, v0.json())
    assert v1.status_code >= 400
    assert not CustomCourseForEdX.objects.exists()


def test_error_codes_are_v0s_for_named_cases(teacher_client, unknown_course_instructor):
    codes = {case: send(teacher_client, "post", V1, body).json() for case, body in BAD_CREATES.items()}

    assert codes["unknown course"] == {"error_code": "course_id_does_not_exist"}
    assert codes["course without CCX enabled"] == {"error_code": "ccx_not_enabled_for_master_course"}
    assert codes["unknown coach"] == {"error_code": "coach_user_does_not_exist"}
    assert codes["foreign modules"] == {"error_code": "course_module_list_not_belonging_to_master_course"}
    assert codes["missing fields"] == {"field_errors": {
        "coach_email": {"error_code": "missing_field_coach_email"},
        "display_name": {"error_code": "missing_field_display_name"},
        "max_students_allowed": {"error_code": "missing_field_max_students_allowed"},
    }}


@pytest.mark.parametrize("case", BAD_PATCHES)
def test_update_refusals_match_v0(teacher_client, case):
    ccx_course_id = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]
    before = send(teacher_client, "get", f"{V1}{ccx_course_id}").json()

    v0 = send(teacher_client, "patch", f"{V0}{ccx_course_id}", BAD_PATCHES[case])
    v1 = send(teacher_client, "patch", f"{V1}{ccx_course_id}", BAD_PATCHES[case])
    v1_put = send(teacher_client, "put", f"{V1}{ccx_course_id}", {**ccx_body(), **BAD_PATCHES[case]})

    assert (v1.status_code, v1.json()) == (v0.status_code, v0.json())
    assert (v1_put.status_code, v1_put.json()) == (v0.status_code, v0.json())
    assert send(teacher_client, "get", f"{V1}{ccx_course_id}").json() == before


def test_master_course_id_change_is_v0s_403(teacher_client):
    ccx_course_id = send(teacher_client, "post", V1, ccx_body()).json()["ccx_course_id"]

    response = send(teacher_client, "patch", f"{V1}{ccx_course_id}", {"master_course_id": NO_CCX_COURSE})

    assert (response.status_code, response.json()) == (403, {"error_code": "master_course_id_change_not_allowed"})


@pytest.mark.parametrize("ccx_course_id", [MASTER, "ccx-v1:edX+CCX101+2026+ccx@999"])
def test_unknown_or_non_ccx_ids_are_refused_as_v0_refuses_them(teacher_client, ccx_course_id):
    v0 = send(teacher_client, "get", f"{V0}{ccx_course_id}")
    v1 = send(teacher_client, "get", f"{V1}{ccx_course_id}")
    assert v1.status_code == v0.status_code == 403


def test_service_users_get_v0s_codes_where_v0_checks_permission_first(service_client):
    assert send(service_client, "post", V1, ccx_body(master_course_id=ABSENT)).json() == {
        "error_code": "master_course_id_not_provided"
    }
    assert send(service_client, "get", f"{V1}{MASTER}").json() == {"error_code": "course_id_not_valid_ccx_id"}
    missing = send(service_client, "get", f"{V1}ccx-v1:edX+CCX101+2026+ccx@999")
    assert (missing.status_code, missing.json()) == (404, {"error_code": "ccx_course_id_does_not_exist"})


def test_representation_has_v0s_fields_plus_external_id(teacher_client):
    v0 = send(teacher_client, "post", V0, ccx_body()).json()
    v1 = send(teacher_client, "post", V1, ccx_body(external_id="tp-1")).json()

    assert set(v1) == set(v0) | {"external_id"}
    skip = ("ccx_course_id", "start", "external_id", "course_modules")
    assert {k: v for k, v in v1.items() if k not in skip} == {k: v for k, v in v0.items() if k not in skip}
    # v0 de-duplicates through a set (any order); v1 keeps them sorted.
    assert sorted(v1["course_modules"]) == sorted(v0["course_modules"])
    assert v1["external_id"] == "tp-1"


def test_list_pagination_and_order_match_v0(teacher_client):
    for name in ("b", "a", "c"):
        send(teacher_client, "post", V1, ccx_body(display_name=name))
    query = "?" + urlencode({"master_course_id": MASTER, "order_by": "display_name", "sort_order": "desc", "page_size": 2})

    v0 = send(teacher_client, "get", V0 + query).json()
    v1 = send(teacher_client, "get", V1 + query).json()

    assert set(v1) == set(v0) == {"next", "previous", "count", "num_pages", "current_page", "start", "results"}
    assert [r["display_name"] for r in v1["results"]] == [r["display_name"] for r in v0["results"]] == ["c", "b"]
    assert (v1["count"], v1["num_pages"]) == (v0["count"], v0["num_pages"]) == (3, 2)


def test_list_needs_a_master_course_for_non_service_users_as_in_v0(teacher_client):
    assert send(teacher_client, "get", V0).status_code == send(teacher_client, "get", V1).status_code == 403
