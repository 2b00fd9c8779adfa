"""
Every operation the discovery plugin adds to discovery's OpenAPI schema, fuzzed as staff and as a signed-in learner
(no catalog rights), each with a browser session.

The demo catalog is seeded so generated requests can meet real types, courses and runs; the
checks and bounds are in ``support.schema_fuzz``.
"""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from support.schema_fuzz import fuzz_operation, host_operations, signed_in, yasg_schema

OPERATIONS = host_operations("discovery_plugin", yasg_schema())


@pytest.fixture
def demo(db):
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_staff(demo, operation):
    fuzz_operation(operation, signed_in("staff", get_user_model().objects.get(username="edx")))


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_learner(demo, operation):
    learner = get_user_model().objects.create_user("learner", "learner@example.com", "edx")
    fuzz_operation(operation, signed_in("learner", learner))
