"""
Every operation the LMS plugin adds to the LMS's OpenAPI schema, fuzzed as global staff and as a learner, each
signed in with a browser session (the dashboard's way in) and a JWT (the services' way in).

The demo data is seeded so generated requests can meet real courses and users; the
checks and bounds are in ``support.schema_fuzz``.
"""
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user

from support.schema_fuzz import fuzz_operation, host_operations, signed_in, spectacular_schema

OPERATIONS = host_operations("lms_plugin", spectacular_schema())


@pytest.fixture
def demo(db):
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)


def caller(name, username):
    user = User.objects.get(username=username)
    return signed_in(name, user, headers={"Authorization": f"JWT {create_jwt_for_user(user)}"})


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_staff(demo, operation):
    fuzz_operation(operation, caller("staff", "edx"))


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_learner(demo, operation):
    fuzz_operation(operation, caller("learner", "verified"))
