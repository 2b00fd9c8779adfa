"""
The opt-in suite's settings: ``otto_settings`` plus what the plugin's own tests read (the LMS's
issuer first in ``JWT_ISSUERS`` and its key set, as the README configures a deployment).
"""
import pathlib as _pathlib

from otto_settings import *  # noqa: F401,F403  pylint: disable=wildcard-import,unused-wildcard-import

_KEYS = _pathlib.Path(__file__).resolve().parents[2] / "sandbox" / "keys"
LMS_JWT_ISSUER = "http://localhost:18000/oauth2"
JWT_AUTH.update(  # noqa: F405
    {
        "JWT_ISSUER": LMS_JWT_ISSUER,
        "JWT_AUDIENCE": "lms-key",
        "JWT_ISSUERS": [
            {"ISSUER": LMS_JWT_ISSUER, "AUDIENCE": "lms-key", "SECRET_KEY": "lms-shared-jwt-secret-key-for-the-otto-suite"},
            *JWT_AUTH["JWT_ISSUERS"],  # noqa: F405
        ],
        "JWT_PUBLIC_SIGNING_JWK_SET": (_KEYS / "jwt_public_dev.json").read_text(),
    }
)
