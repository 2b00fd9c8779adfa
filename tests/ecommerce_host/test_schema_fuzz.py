"""
Every operation the ecommerce plugin adds to the shop's OpenAPI schema, fuzzed as staff and as a learner, each signed in
with a browser session (the basket page's and the finance pages' way in).

The demo shop is seeded so generated requests can meet real products, baskets and users; the
checks and bounds are in ``support.schema_fuzz``.
"""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from support.schema_fuzz import fuzz_operation, host_operations, signed_in, spectacular_schema

OPERATIONS = host_operations("ecommerce_plugin", spectacular_schema())


@pytest.fixture
def demo(db):
    with open("/dev/null", "w") as quiet:
        call_command("seed_demo", stdout=quiet)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_staff(demo, operation):
    fuzz_operation(operation, signed_in("staff", get_user_model().objects.get(username="edx")))


@pytest.mark.parametrize("operation", OPERATIONS)
def test_no_server_error_as_learner(demo, operation):
    fuzz_operation(operation, signed_in("learner", get_user_model().objects.get(username="verified")))
