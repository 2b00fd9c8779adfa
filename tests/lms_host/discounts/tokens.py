"""
Reading a discount JWT the way the basket's verifier does: the LMS's keys, the discount audience.
"""
import jwt
from django.conf import settings

ALGORITHM_BY_MODE = {"symmetric": "HS256", "asymmetric": "RS512"}


def decode_discount_token(token):
    jwt_auth = settings.JWT_AUTH
    if jwt.get_unverified_header(token)["alg"] == "HS256":
        key = jwt_auth["JWT_SECRET_KEY"]
    else:
        key = jwt.PyJWKSet.from_json(jwt_auth["JWT_PUBLIC_SIGNING_JWK_SET"]).keys[0].key
    return jwt.decode(
        token, key, algorithms=["HS256", "RS256", "RS512"],
        audience=settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE, issuer=jwt_auth["JWT_ISSUER"],
    )
