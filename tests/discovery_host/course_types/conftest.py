"""
Fixtures of the course types tests; the seeded default types exist in every test database (migration 0002).
"""
import pytest
from course_discovery.apps.core.models import User
from rest_framework.test import APIClient


@pytest.fixture
def staff():
    return User.objects.create_user("staff", "staff@example.com", "edx", is_staff=True, is_superuser=True)


@pytest.fixture
def learner():
    return User.objects.create_user("learner", "learner@example.com", "edx")


@pytest.fixture
def staff_client(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


@pytest.fixture
def learner_client(learner):
    client = APIClient()
    client.force_authenticate(learner)
    return client
