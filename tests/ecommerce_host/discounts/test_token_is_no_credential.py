"""
A discount token proves a discount and nothing else: the shop's own APIs (JwtAuthentication)
refuse it as a credential, in both signing modes, while the learner's user JWT works there.
"""
import pytest
from rest_framework.test import APIClient

from . import lms_tokens as t

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("signing_mode")]

SHOP_APIS = ["/api/commerce/v1/ccx/purchases/", "/api/commerce/v1/invoices/", "/api/commerce/v1/coupons/"]


def bearer(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"JWT {token}")
    return client


@pytest.mark.parametrize("url", SHOP_APIS)
def test_the_discount_token_is_refused_as_a_credential(learner, url):
    assert bearer(t.lms_token(username=learner.username)).get(url).status_code == 401
    # The learner's user JWT authenticates there (200, or 403 where the learner may not look): the refusal is
    # the audience's doing.
    assert bearer(t.user_jwt(username=learner.username)).get(url).status_code != 401
