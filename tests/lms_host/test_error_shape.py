"""
The LMS plugin's APIs answer every refusal, DRF's own included, in the plugins' one error shape.
"""
import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from support.clients import client_for
from support.error_shape import assert_error_shape

pytestmark = pytest.mark.django_db
COURSE = "course-v1:edX+DemoX+Demo_Course"
DISCOUNT = f"/api/discounts/v2/course/{COURSE}"


@pytest.fixture
def learner():
    return get_user_model().objects.create_user("shape-learner", "shape@example.com", "edx")


def test_anonymous_is_not_authenticated():
    assert_error_shape(APIClient().get(DISCOUNT), 401, "not_authenticated")
    assert_error_shape(APIClient().get("/api/pending_enrollments/v1/status/"), 401, "not_authenticated")


def test_a_method_the_view_lacks(learner):
    assert_error_shape(client_for(learner).post(DISCOUNT), 405, "method_not_allowed")


def test_a_learner_on_a_service_endpoint_is_denied(learner):
    assert_error_shape(client_for(learner).post("/api/pending_enrollments/v1/fulfillment/", {}, format="json"),
                       403, "permission_denied")
    assert_error_shape(client_for(learner).get(f"/api/commerce/paid-enrollments/v1/courses/{COURSE}/"),
                       403, "permission_denied")


def test_bad_input_names_its_code(learner):
    assert_error_shape(client_for(learner).get("/api/pending_enrollments/v1/status/?course_id=nonsense"),
                       400, "invalid_course_id")


def test_malformed_json_is_an_invalid_request():
    staff = get_user_model().objects.create_user("shape-service", "service@example.com", "edx", is_staff=True)
    response = client_for(staff).generic("POST", "/api/pending_enrollments/v1/fulfillment/", "{not json",
                                         content_type="application/json")
    assert_error_shape(response, 400, "invalid_request")
