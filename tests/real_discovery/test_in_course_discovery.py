"""
The discovery plugin inside a real course-discovery: it loads, migrates, its API answers and its rules refuse.

Opt-in, not part of ``make test``: run from a course-discovery checkout (README,
"Checking in course-discovery"). Data comes from upstream's own factories; types
are the rows upstream's migrations and the plugin's seeds create.
"""
import pytest
from course_discovery.apps.api.tests.jwt_utils import generate_jwt_header_for_user
from course_discovery.apps.core.tests.factories import PartnerFactory
from course_discovery.apps.course_metadata.models import CourseRun, CourseRunType, CourseType
from course_discovery.apps.course_metadata.tests.factories import (
    CourseFactory,
    CourseRunFactory,
    SeatFactory,
    SeatTypeFactory,
)
from django.apps import apps
from django.core import checks
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from discovery_plugin.apps import check_installation
from discovery_plugin.course_types import errors
from discovery_plugin.course_types.checks import RuleViolation

pytestmark = pytest.mark.django_db
BASE = "/api/course_types/v1"


def _client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=generate_jwt_header_for_user(user))
    return client


def test_the_plugin_loads_from_its_entry_point_with_no_check_message():
    assert apps.is_installed("discovery_plugin")
    assert apps.is_installed("discovery_plugin.course_types")
    assert check_installation() == []
    messages = [m for m in checks.run_checks(include_deployment_checks=False) if m.id.startswith("commerce")]
    assert messages == []
    # No W036 (or other) warning from our models: the plugin has none any more.
    assert not [m for m in checks.run_checks() if m.id == "models.W036"]


def test_the_plugin_migrated_after_upstreams_types():
    applied = set(MigrationRecorder.Migration.objects.filter(app="commerce_course_types").values_list("name", flat=True))
    assert "0004_remove_plugin_type_tables" in applied
    slugs = set(CourseRunType.objects.values_list("slug", flat=True))
    assert {"empty", "audit", "verified-audit", "verified"} <= slugs  # upstream's
    assert {"masters-audit", "masters", "spoc-audit", "no-id-professional"} <= slugs  # the plugin's seeds
    assert CourseType.objects.get(slug="masters-verified-audit").entitlement_types.get().slug == "verified"


def test_the_api_answers_over_upstreams_data_with_a_jwt(partner, user):
    course = CourseFactory(partner=partner, type=CourseType.objects.get(slug="masters-verified-audit"))
    run = CourseRunFactory(course=course, type=CourseRunType.objects.get(slug="masters-audit"))

    response = _client(user).get(f"{BASE}/course_runs/{run.key}/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["course_run_type"] == "masters-audit"
    assert set(body["lms_modes"]) == {"masters", "audit"}
    assert body["seat_types"] == ["audit"]
    assert _client(user).get(f"{BASE}/courses/{course.key}/").json()["entitlement_types"] == ["verified"]


def test_the_run_list_queries_do_not_grow_with_the_page(partner, user):
    course = CourseFactory(partner=partner, type=CourseType.objects.get(slug="verified-audit"))
    for _ in range(12):
        CourseRunFactory(course=course, type=CourseRunType.objects.get(slug="verified-audit"))
    client = _client(user)
    client.get(f"{BASE}/modes/")
    counts = []
    for page_size in (3, 12):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{BASE}/course_runs/", {"page_size": page_size, "course": course.key})
        assert len(response.json()["results"]) == page_size
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_two_partners_with_one_course_key_is_no_500(partner, user):
    CourseFactory(partner=partner, key="SameX+101", type=CourseType.objects.get(slug="verified-audit"))
    CourseFactory(partner=PartnerFactory(), key="SameX+101", type=CourseType.objects.get(slug="audit"))

    response = _client(user).get(f"{BASE}/courses/SameX+101/")

    assert response.status_code == 200
    assert response.json()["course_type"] == "verified-audit"


def test_a_rule_refuses_an_upstream_write_deleting_a_run_type_in_use(partner):
    run = CourseRunFactory(course__partner=partner, type=CourseRunType.objects.get(slug="verified-audit"))

    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        CourseRunType.objects.get(slug="verified-audit").delete()

    assert excinfo.value.violations[0].code == errors.TYPE_IN_USE
    assert CourseRun.everything.filter(pk=run.pk).exists()  # upstream's CASCADE would have deleted it


def test_a_rule_refuses_dropping_a_paid_seat_type(partner):
    run = CourseRunFactory(course__partner=partner, type=CourseRunType.objects.get(slug="verified-audit"))
    SeatFactory(course_run=run, type=SeatTypeFactory.verified(), price=49)
    run = CourseRun.everything.get(pk=run.pk)
    run.type = CourseRunType.objects.get(slug="audit")

    with pytest.raises(RuleViolation) as excinfo, transaction.atomic():
        run.save()

    assert excinfo.value.violations[0].code == errors.PAID_SEAT_TYPE_DROPPED


def test_a_rule_refuses_a_track_beside_professional():
    professional = CourseRunType.objects.get(slug="professional")
    audit_track = CourseRunType.objects.get(slug="audit").tracks.get()

    with pytest.raises(RuleViolation), transaction.atomic():
        professional.tracks.add(audit_track)
    assert professional.tracks.count() == 1


def test_the_api_is_in_upstreams_drf_yasg_docs(partner, user):
    user.is_staff = True
    user.save()
    client = APIClient()
    client.force_authenticate(user)

    response = client.get("/api-docs/", {"format": "openapi"})

    assert response.status_code == 200
    text = response.content.decode()
    assert "course_types" in text and "/course_runs/{course_run_key}/" in text


def test_a_publisher_api_write_dropping_a_paid_seat_is_a_400_with_the_error_code(partner):
    """
    Upstream's own ``PATCH /api/v1/course_runs/{key}/`` (Publisher): a run type change that would drop a paid
    seat is refused inside its transaction and answered 400 with the rule's error code.
    """
    from course_discovery.apps.core.tests.factories import StaffUserFactory  # noqa: PLC0415

    course = CourseFactory(partner=partner, type=CourseType.objects.get(slug="verified-audit"))
    run = CourseRunFactory(course=course, type=CourseRunType.objects.get(slug="verified-audit"), status="unpublished")
    SeatFactory(course_run=run, type=SeatTypeFactory.verified(), price=49)
    client = APIClient()
    client.force_authenticate(StaffUserFactory())

    response = client.patch(
        f"/api/v1/course_runs/{run.key}/",
        {"run_type": str(CourseRunType.objects.get(slug="audit").uuid)},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert response.json()["error_code"] == errors.PAID_SEAT_TYPE_DROPPED
    assert set(CourseRun.everything.filter(key=run.key).values_list("type__slug", flat=True)) == {"verified-audit"}
