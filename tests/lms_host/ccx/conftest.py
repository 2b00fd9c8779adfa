"""
Fixtures of the CCX feature's tests: the demo LMS data, a master-course instructor, clients.
"""
import json

import pytest
from common.djangoapps.student.roles import CourseInstructorRole
from django.contrib.auth.models import User
from django.core.management import call_command
from opaque_keys.edx.keys import CourseKey
from rest_framework.test import APIClient

MASTER = "course-v1:edX+CCX101+2026"
NO_CCX_COURSE = "course-v1:edX+DemoX+Demo_Course"
V0 = "/api/ccx/v0/ccx/"
V1 = "/api/ccx/v1/ccx/"


def chapter(n, course=MASTER):
    return f"block-v1:{course.split(':', 1)[1]}+type@chapter+block@module_{n}"


def ccx_body(**overrides):
    body = {
        "master_course_id": MASTER,
        "display_name": "Acme cohort",
        "coach_email": "coach@example.com",
        "max_students_allowed": 25,
        "course_modules": [chapter(1), chapter(2)],
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not _ABSENT}


class _Absent:
    pass


_ABSENT = _Absent()
ABSENT = _ABSENT


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def teacher(demo):
    """
    An instructor of the master course (and of the other demo course), not global staff: v0's permitted caller.
    """
    user = User.objects.create_user("teacher", "teacher@example.com", "edx")
    CourseInstructorRole(CourseKey.from_string(MASTER)).add_users(user)
    CourseInstructorRole(CourseKey.from_string(NO_CCX_COURSE)).add_users(user)
    return user


@pytest.fixture
def teacher_client(teacher):
    client = APIClient()
    client.force_authenticate(teacher)
    return client


def client_credentials_token(client_id="ecommerce-backend-service-key"):
    """
    The JWT the ecommerce worker gets from the LMS's token endpoint (client-credentials grant), as it does.
    """
    from django.conf import settings  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    response = Client().post("/oauth2/access_token", {
        "grant_type": "client_credentials", "client_id": client_id,
        "client_secret": settings.SANDBOX_OAUTH_CLIENTS[client_id]["secret"], "token_type": "jwt",
    })
    assert response.status_code == 200, response.content
    return response.json()["access_token"]


@pytest.fixture
def service_client(demo):
    """
    The ecommerce worker calling with its client-credentials JWT, as a service does.
    """
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {client_credentials_token()}")
    return client


def send(client, method, url, body=None):
    return getattr(client, method)(url, data=json.dumps(body) if body is not None else None,
                                   content_type="application/json")
