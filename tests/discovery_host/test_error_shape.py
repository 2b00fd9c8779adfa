"""
The discovery plugin's API answers every refusal, DRF's own included, in the plugins' one error shape.
"""
import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from support.clients import client_for
from support.error_shape import assert_error_shape

pytestmark = pytest.mark.django_db
BASE = "/api/course_types/v1"


@pytest.fixture
def learner():
    return get_user_model().objects.create_user("shape-learner", "shape@example.com", "edx")


def test_anonymous_is_not_authenticated():
    assert_error_shape(APIClient().get(f"{BASE}/course_run_types/"), 401, "not_authenticated")


def test_a_method_the_view_lacks(learner):
    assert_error_shape(client_for(learner).delete(f"{BASE}/modes/"), 405, "method_not_allowed")


def test_an_unknown_type(learner):
    assert_error_shape(client_for(learner).get(f"{BASE}/course_types/no-such-type/"), 404, "not_found")


def test_bad_input_names_its_code(learner):
    response = client_for(learner).get(f"{BASE}/course_runs/?page_size=nonsense")
    assert response.status_code in (400, 404)
    assert_error_shape(response, response.status_code)
