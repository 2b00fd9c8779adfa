"""
Every operation the discovery plugin adds to discovery's OpenAPI schema, fuzzed as staff and as a signed-in learner
(no catalog rights), each with a browser session.

The demo catalog is seeded so generated requests can meet real types, courses and runs; the
tests, the checks and bounds are in ``support.schema_fuzz``.
"""
from django.contrib.auth import get_user_model

from support.schema_fuzz import fuzz_tests, host_operations, signed_in, yasg_schema


def learner():
    user = get_user_model().objects.create_user("learner", "learner@example.com", "edx")
    return signed_in("learner", user)


test_no_server_error_as_staff, test_no_server_error_as_learner = fuzz_tests(
    host_operations("discovery_plugin", yasg_schema()),
    staff=lambda: signed_in("staff", get_user_model().objects.get(username="edx")),
    learner=learner,
)
