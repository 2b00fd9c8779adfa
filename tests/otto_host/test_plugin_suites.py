"""
The plugin's own suites that need no sandbox service, collected here so they run inside Otto
(its Django, Oscar, edx-drf-extensions and PyJWT): discount tokens, CCX pricing, the LMS client.
"""
from ecommerce_host.ccx_purchases.test_pricing_and_rules import *  # noqa: F401,F403
from ecommerce_host.discounts.conftest import signing_mode  # noqa: F401  (the token tests' fixture)
from ecommerce_host.discounts.test_tokens import *  # noqa: F401,F403
from ecommerce_host.host_adapter.test_lms_client import *  # noqa: F401,F403
