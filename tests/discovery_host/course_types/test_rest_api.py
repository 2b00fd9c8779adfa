"""
``/api/course_types/v1/``: upstream's types and what runs and courses require by them, per partner, in pinned queries.
"""
import pytest
from django.contrib.sites.models import Site
from django.test import override_settings
from rest_framework.test import APIClient

from . import factories

pytestmark = pytest.mark.django_db
BASE = "/api/course_types/v1"


def test_anonymous_requests_are_refused():
    response = APIClient().get(f"{BASE}/course_run_types/")

    assert response.status_code == 401


def test_run_types_come_from_upstream_with_their_modes_and_seats(learner_client, django_assert_num_queries):
    learner_client.get(f"{BASE}/modes/")  # warms the SITE_ID cache of the sites framework
    # Upstream's CurrentSiteMiddleware looks the host up (1); run types (1), their tracks with modes
    # and seat types (1). The client is force-authenticated.
    with django_assert_num_queries(3):
        response = learner_client.get(f"{BASE}/course_run_types/")

    assert response.status_code == 200
    by_slug = {run_type["slug"]: run_type for run_type in response.json()}
    assert set(by_slug["masters-verified-audit"]["lms_modes"]) == {"masters", "verified", "audit"}
    assert set(by_slug["masters-verified-audit"]["seat_types"]) == {"verified", "audit"}
    # is_marketable is upstream's CourseRunType field as it stands.
    assert by_slug["empty"]["is_marketable"] is False
    assert by_slug["spoc-audit"]["is_marketable"] is False
    assert by_slug["spoc-audit"]["tracks"] == [{"mode": "audit", "seat_type": None}]


def test_course_types_list_entitlements_and_allowed_run_types(learner_client, django_assert_num_queries):
    learner_client.get(f"{BASE}/modes/")
    # The host lookup; course types, their entitlement types, their run types.
    with django_assert_num_queries(4):
        response = learner_client.get(f"{BASE}/course_types/")

    by_slug = {course_type["slug"]: course_type for course_type in response.json()}
    assert by_slug["verified-audit"]["entitlement_types"] == ["verified"]
    assert by_slug["verified-audit"]["course_run_types"] == ["audit", "verified-audit"]


def test_an_unknown_slug_is_a_404_with_an_error_code(learner_client):
    response = learner_client.get(f"{BASE}/course_types/nope/")

    assert response.status_code == 404
    assert response.json()["error_code"] == "not_found"


def test_a_run_requires_its_types_modes_and_seats(learner_client):
    run = factories.course_run(type_slug="masters-audit")

    response = learner_client.get(f"{BASE}/course_runs/{run.key}/")

    assert response.status_code == 200
    assert response.json() == {
        "course_run_key": run.key,
        "course_key": run.course.key,
        "course_run_type": "masters-audit",
        "lms_modes": ["audit", "masters"],  # in track order
        "seat_types": ["audit"],
        "run_type_is_marketable": True,
    }


def test_an_untyped_run_requires_nothing(learner_client):
    run = factories.course_run(type_slug=None)

    body = learner_client.get(f"{BASE}/course_runs/{run.key}/").json()

    assert (body["course_run_type"], body["lms_modes"], body["seat_types"]) == (None, [], [])


def test_a_course_requires_its_types_entitlement_and_its_runs(learner_client):
    course = factories.course(type_slug="masters-verified-audit")
    factories.course_run(course, type_slug="masters-audit")
    factories.course_run(course, type_slug="verified-audit")

    body = learner_client.get(f"{BASE}/courses/{course.key}/").json()

    assert body["course_type"] == "masters-verified-audit"
    assert body["entitlement_types"] == ["verified"]
    assert [run["course_run_type"] for run in body["course_runs"]] == ["masters-audit", "verified-audit"]


def test_the_run_list_answers_in_constant_queries_whatever_the_page_size(learner_client, django_assert_num_queries):
    for _ in range(30):
        factories.course_run(type_slug="verified-audit")
    learner_client.get(f"{BASE}/modes/")
    for page_size in (5, 30):
        # The host lookup, the site's partner, count, runs (course joined), their run types, those types' tracks.
        with django_assert_num_queries(6):
            response = learner_client.get(f"{BASE}/course_runs/", {"page_size": page_size})
        assert len(response.json()["results"]) == page_size
    assert response.json()["count"] == 30


def test_the_run_list_filters_by_course_and_refuses_a_bad_page(learner_client):
    course = factories.course()
    run = factories.course_run(course)
    factories.course_run()

    body = learner_client.get(f"{BASE}/course_runs/", {"course": course.key}).json()
    bad_page = learner_client.get(f"{BASE}/course_runs/", {"page": 99})

    assert [result["course_run_key"] for result in body["results"]] == [run.key]
    assert bad_page.status_code == 404
    assert bad_page.json()["error_code"] == "not_found"


@override_settings(ALLOWED_HOSTS=["testserver", "other.example.com"])
def test_two_partners_with_one_course_key_each_see_their_own(learner):
    # Upstream's uniqueness is (partner, key, draft): the same key on two partners is legal.
    other_site = Site.objects.create(domain="other.example.com", name="Other")
    mine = factories.course(key="SameX+101", type_slug="verified-audit")
    theirs = factories.course(key="SameX+101", type_slug="honor", of_partner=factories.partner("other", other_site))
    factories.course_run(mine, type_slug="verified-audit", key="course-v1:SameX+101+mine")
    factories.course_run(theirs, type_slug="honor", key="course-v1:SameX+101+theirs")
    client = APIClient()
    client.force_authenticate(learner)

    mine_body = client.get(f"{BASE}/courses/SameX+101/").json()
    theirs_body = client.get(f"{BASE}/courses/SameX+101/", HTTP_HOST="other.example.com").json()
    cross = client.get(f"{BASE}/course_runs/course-v1:SameX+101+theirs/")

    assert mine_body["course_type"] == "verified-audit"
    assert theirs_body["course_type"] == "honor"
    assert [run["course_run_key"] for run in theirs_body["course_runs"]] == ["course-v1:SameX+101+theirs"]
    assert cross.status_code == 404


@override_settings(ALLOWED_HOSTS=["testserver", "nopartner.example.com"])
def test_a_site_without_a_partner_is_a_404_not_a_500(learner_client):
    Site.objects.create(domain="nopartner.example.com", name="No partner")

    response = learner_client.get(f"{BASE}/courses/AnyX+1/", HTTP_HOST="nopartner.example.com")

    assert response.status_code == 404
    assert response.json()["error_code"] == "partner_not_found"


def test_the_api_is_in_upstreams_drf_yasg_docs(staff_client):
    response = staff_client.get("/api-docs/", {"format": "openapi"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["basePath"] == "/api/course_types/v1"
    assert {"/course_runs/", "/course_run_types/{slug}/", "/courses/{course_key}/"} <= set(schema["paths"])
