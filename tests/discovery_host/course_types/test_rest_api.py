"""
The course types REST API v1: reads for authenticated users, writes for staff, error codes, constant query count.
"""
import pytest
from course_discovery.apps.course_metadata.models import Course, CourseRun
from rest_framework.test import APIClient

from discovery_plugin.course_types import api
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    CourseTypeAssignment,
)

from . import factories

pytestmark = pytest.mark.django_db

BASE = "/api/course_types/v1"


def test_anonymous_requests_are_refused():
    assert APIClient().get(f"{BASE}/course_run_types/").status_code == 401


def test_a_learner_reads_the_run_types(learner_client):
    response = learner_client.get(f"{BASE}/course_run_types/")

    assert response.status_code == 200
    masters = next(item for item in response.json() if item["slug"] == "masters-verified-audit")
    assert set(masters["lms_modes"]) == {"masters", "verified", "audit"}
    assert set(masters["seat_types"]) == {"verified", "audit"}
    assert {"label": "Masters (no ecommerce product)"}.items() <= next(
        track for track in masters["tracks"] if track["mode"]["slug"] == "masters"
    ).items()


def test_a_learner_reads_modes_tracks_and_course_types(learner_client):
    for path in ("modes", "tracks", "course_types", "course_types/verified-audit", "course_run_types/spoc-audit"):
        assert learner_client.get(f"{BASE}/{path}/").status_code == 200, path


def test_a_learner_cannot_write(learner_client):
    response = learner_client.post(
        f"{BASE}/course_run_types/", {"slug": "x", "name": "X", "tracks": [{"mode": "audit", "seat_type": "audit"}]},
        format="json",
    )

    assert response.status_code == 403
    assert not CourseRunType.objects.filter(slug="x").exists()


def test_staff_creates_a_run_type_and_a_course_type(staff_client):
    response = staff_client.post(
        f"{BASE}/course_run_types/",
        {"slug": "masters-honor", "name": "Masters and Honor",
         "tracks": [{"mode": "masters", "seat_type": None}, {"mode": "honor", "seat_type": "honor"}]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert set(response.json()["lms_modes"]) == {"masters", "honor"}

    response = staff_client.post(
        f"{BASE}/course_types/",
        {"slug": "masters-honor", "name": "Masters and Honor", "course_run_types": ["masters-honor", "honor"]},
        format="json",
    )
    assert response.status_code == 201, response.json()


def test_a_professional_track_beside_another_answers_400_with_its_code(staff_client):
    response = staff_client.post(
        f"{BASE}/course_run_types/",
        {"slug": "pro-audit", "name": "Pro and audit",
         "tracks": [{"mode": "professional", "seat_type": "professional"}, {"mode": "audit", "seat_type": "audit"}]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "professional_track_not_alone"
    assert not CourseRunType.objects.filter(slug="pro-audit").exists()


def test_an_entitlement_no_run_type_sells_answers_400(staff_client):
    response = staff_client.patch(
        f"{BASE}/course_types/audit/", {"entitlement_seat_types": ["verified"]}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "entitlement_type_not_in_run_types"


def test_malformed_input_answers_400_invalid_input(staff_client):
    response = staff_client.post(f"{BASE}/course_types/", {"slug": "no name"}, format="json")

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_input"


def test_deleting_a_type_in_use_answers_409(staff_client):
    run = factories.course_run(seats=["audit"])
    api.assign_course_type(run.course.key, "audit")

    response = staff_client.delete(f"{BASE}/course_types/audit/")

    assert response.status_code == 409
    assert response.json()["error_code"] == "type_in_use"
    assert CourseType.objects.filter(slug="audit").exists()


def test_unknown_slugs_and_keys_answer_404(staff_client):
    assert staff_client.get(f"{BASE}/course_types/nope/").json() == {
        "error_code": "not_found", "message": "No course type 'nope'."
    }
    assert staff_client.get(f"{BASE}/course_runs/course-v1:X+Y+Z/").status_code == 404
    assert staff_client.put(f"{BASE}/courses/X+Y/", {"course_type": "audit"}, format="json").status_code == 404


def test_staff_types_a_course_and_its_run_and_reads_the_requirements(staff_client, learner_client):
    run = factories.course_run(seats=["audit"])

    response = staff_client.put(f"{BASE}/courses/{run.course.key}/", {"course_type": "masters-verified-audit"}, format="json")
    assert response.status_code == 200
    assert response.json()["entitlement_seat_types"] == ["verified"]

    response = staff_client.put(f"{BASE}/course_runs/{run.key}/", {"course_run_type": "masters-audit"}, format="json")
    assert response.status_code == 200

    body = learner_client.get(f"{BASE}/course_runs/{run.key}/").json()
    assert body["course_run_type"] == {"slug": "masters-audit", "name": "Masters and Audit"}
    assert set(body["lms_modes"]) == {"masters", "audit"}
    assert body["seat_types"] == ["audit"]
    assert body["is_marketable"] is True
    course = learner_client.get(f"{BASE}/courses/{run.course.key}/").json()
    assert course["course_runs"][0]["course_run_key"] == run.key
    assert course["is_marketable"] is True


def test_a_disallowed_run_type_answers_400_and_changes_nothing(staff_client):
    run = factories.course_run()
    api.assign_course_type(run.course.key, "audit")

    response = staff_client.put(f"{BASE}/course_runs/{run.key}/", {"course_run_type": "masters"}, format="json")

    assert response.status_code == 400
    assert response.json()["error_code"] == "run_type_not_allowed_by_course_type"
    assert not CourseRunTypeAssignment.objects.exists()


def test_session_authentication_is_accepted(client, learner):
    client.force_login(learner)

    assert client.get(f"{BASE}/course_run_types/").status_code == 200


def test_the_endpoints_are_in_the_hosts_openapi_schema(staff_client):
    response = staff_client.get("/api/schema/", {"format": "json"})

    paths = response.json()["paths"]
    assert f"{BASE}/course_runs/" in paths
    assert f"{BASE}/course_types/{{slug}}/" in paths
    assert f"{BASE}/course_runs/{{course_run_key}}/" in paths


def _catalog_of(run_count):
    """
    ``run_count`` runs over courses of 10 runs, typed alternately Verified and Audit / Audit only.
    """
    partner = factories.partner()
    courses = Course.objects.bulk_create(
        Course(partner=partner, key=f"BulkX+C{i}", title=f"Bulk {i}") for i in range(max(run_count // 10, 1))
    )
    runs = CourseRun.objects.bulk_create(
        CourseRun(course=courses[i % len(courses)], key=f"course-v1:BulkX+C{i % len(courses)}+R{i}")
        for i in range(run_count)
    )
    course_type = CourseType.objects.get(slug="verified-audit")
    CourseTypeAssignment.objects.bulk_create(CourseTypeAssignment(course=c, course_type=course_type) for c in courses)
    run_types = [CourseRunType.objects.get(slug="verified-audit"), CourseRunType.objects.get(slug="audit")]
    CourseRunTypeAssignment.objects.bulk_create(
        CourseRunTypeAssignment(course_run=run, course_run_type=run_types[i % 2]) for i, run in enumerate(runs)
    )


def _query_count(client, django_assert_max_num_queries, page_size, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(f"{BASE}/course_runs/", {"page_size": page_size})
    assert response.status_code == 200
    return response.json(), len(captured.captured_queries)


def test_the_run_list_over_1000_runs_answers_in_a_constant_number_of_queries(
    learner_client, django_assert_max_num_queries
):
    _catalog_of(10)
    _, small = _query_count(learner_client, django_assert_max_num_queries, 1000, 4)
    Course.objects.all().delete()
    _catalog_of(1000)

    body, large = _query_count(learner_client, django_assert_max_num_queries, 1000, 4)

    assert body["count"] == 1000
    assert len(body["results"]) == 1000
    assert large == small, (small, large)
    assert {tuple(sorted(run["seat_types"])) for run in body["results"]} == {("audit", "verified"), ("audit",)}


def test_the_run_list_filters_by_course_and_pages(learner_client):
    _catalog_of(30)

    body = learner_client.get(f"{BASE}/course_runs/", {"course": "BulkX+C1", "page_size": 2}).json()

    assert body["count"] == 10
    assert len(body["results"]) == 2
    assert body["next"]
