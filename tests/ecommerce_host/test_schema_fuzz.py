"""
Every operation the ecommerce plugin adds to the shop's OpenAPI schema, fuzzed as staff and as a learner, each signed in
with a browser session (the basket page's and the finance pages' way in).

The demo shop is seeded so generated requests can meet real products, baskets and users; the
tests, the checks and bounds are in ``support.schema_fuzz``.
"""
from django.contrib.auth import get_user_model

from support.schema_fuzz import fuzz_tests, host_operations, signed_in, spectacular_schema

test_no_server_error_as_staff, test_no_server_error_as_learner = fuzz_tests(
    host_operations("ecommerce_plugin", spectacular_schema()),
    staff=lambda: signed_in("staff", get_user_model().objects.get(username="edx")),
    learner=lambda: signed_in("learner", get_user_model().objects.get(username="verified")),
)
