"""
The LMS commerce API v1 replica (what Otto's publisher, and the shop's price changes, PUT course
modes to) behaves as upstream's: model permissions, modes merged by slug, others deleted.
"""
import json

import pytest
from common.djangoapps.course_modes.models import CourseMode
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from opaque_keys.edx.keys import CourseKey

DEMO = CourseKey.from_string("course-v1:edX+DemoX+Demo_Course")
URL = f"/api/commerce/v1/courses/{DEMO}/"


def service_token(client):
    response = client.post("/oauth2/access_token", {
        "grant_type": "client_credentials", "client_id": "ecommerce-backend-service-key",
        "client_secret": "ecommerce-backend-service-secret", "token_type": "jwt",
    })
    return response.json()["access_token"]


@pytest.fixture(autouse=True)
def demo_data(db):
    call_command("seed_demo")


@pytest.fixture
def publisher(client):
    """The ecommerce service user's JWT, with the model permissions Otto's publisher needs."""
    token = service_token(client)
    user = User.objects.get(username="ecommerce_worker")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_coursemode", "add_coursemode"]))
    return token


def put(client, token, modes, url=URL, course_id=DEMO):
    return client.put(url, data=json.dumps({"id": str(course_id), "modes": modes}), content_type="application/json",
                      HTTP_AUTHORIZATION=f"JWT {token}")


def test_the_course_and_its_modes_read_back(client, publisher):
    body = client.get(URL, HTTP_AUTHORIZATION=f"JWT {publisher}").json()
    assert body["id"] == str(DEMO)
    assert {mode["name"] for mode in body["modes"]} == set(
        CourseMode.objects.filter(course_id=DEMO).values_list("mode_slug", flat=True)
    )


def test_a_put_sets_each_mode_s_price_and_sku_and_deletes_the_modes_not_sent(client, publisher):
    modes = [{"name": "verified", "currency": "usd", "price": 120, "sku": "VERI-NEW", "expires": None,
              "bulk_sku": None}]
    response = put(client, publisher, modes)
    assert response.status_code == 200, response.content
    assert list(CourseMode.objects.filter(course_id=DEMO).values_list("mode_slug", "min_price", "sku")) == [
        ("verified", 120, "VERI-NEW")
    ]


def test_a_staff_user_without_the_model_permission_is_refused(client):
    token = service_token(client)
    before = list(CourseMode.objects.filter(course_id=DEMO).values_list("mode_slug", "min_price"))
    response = put(client, token, [{"name": "verified", "currency": "usd", "price": 1, "sku": "X"}])
    assert response.status_code == 403
    assert list(CourseMode.objects.filter(course_id=DEMO).values_list("mode_slug", "min_price")) == before


def test_a_course_the_lms_does_not_have_is_refused(client, publisher):
    unknown = CourseKey.from_string("course-v1:edX+Nope+2026")
    response = put(client, publisher, [{"name": "verified", "currency": "usd", "price": 1, "sku": "X"}],
                   url=f"/api/commerce/v1/courses/{unknown}/", course_id=unknown)
    assert response.status_code == 400
    assert not CourseMode.objects.filter(course_id=unknown).exists()
