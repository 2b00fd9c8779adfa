"""
Every operation the LMS plugin adds to the LMS's OpenAPI schema, fuzzed as global staff and as a learner, each
signed in with a browser session (the dashboard's way in) and a JWT (the services' way in).

The demo data is seeded so generated requests can meet real courses and users; the tests, the
checks and bounds are in ``support.schema_fuzz``.
"""
from django.contrib.auth.models import User
from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user

from support.schema_fuzz import fuzz_tests, host_operations, signed_in, spectacular_schema


def caller(name, username):
    user = User.objects.get(username=username)
    return signed_in(name, user, headers={"Authorization": f"JWT {create_jwt_for_user(user)}"})


test_no_server_error_as_staff, test_no_server_error_as_learner = fuzz_tests(
    host_operations("lms_plugin", spectacular_schema()),
    staff=lambda: caller("staff", "edx"),
    learner=lambda: caller("learner", "verified"),
)
