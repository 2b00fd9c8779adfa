"""
The LMS CCX API as this feature uses it: ``/api/ccx/v1/ccx/`` (v0 fields plus ``external_id``).

Every call goes through the service's OAuth2 client (a JWT of the ecommerce service user) and
carries an explicit (connect, read) timeout: ``OAuthAPIClient`` times out its token request only,
and an unbounded call is the weakness of CCXCon this replaces. Failures are split in two: the LMS
could not answer (``LmsUnavailable``: connection error, timeout, 5xx, 429) is worth a retry; the LMS
refused (``LmsRejected``: any other 4xx) is not.
"""
from dataclasses import dataclass

import requests
from django.conf import settings

from ecommerce_plugin import platform

CCX_LIST_PATH = "/api/ccx/v1/ccx/"
CCX_BY_EXTERNAL_ID_PATH = "/api/ccx/v1/ccx/external/{external_id}"


class LmsUnavailable(Exception):
    def __init__(self, error_code, message=""):
        super().__init__(message or error_code)
        self.error_code = error_code


class LmsRejected(Exception):
    def __init__(self, status, error_code, body=None):
        super().__init__(f"LMS answered {status}: {error_code}")
        self.status = status
        self.error_code = error_code
        self.body = body


@dataclass(frozen=True)
class LmsCcx:
    ccx_course_id: str
    master_course_id: str
    max_students_allowed: int
    course_modules: tuple
    external_id: str = ""

    @classmethod
    def from_json(cls, body):
        return cls(
            ccx_course_id=str(body.get("ccx_course_id") or ""),
            master_course_id=str(body.get("master_course_id") or ""),
            max_students_allowed=int(body.get("max_students_allowed") or 0),
            course_modules=tuple(body.get("course_modules") or ()),
            external_id=str(body.get("external_id") or ""),
        )

    def has_at_least(self, seats, modules):
        """
        Whether this CCX already holds ``seats`` and every module of ``modules`` (the LMS is not behind).
        """
        return self.max_students_allowed >= seats and set(modules) <= set(self.course_modules)


def _error_code(response):
    """
    The first error code of a v0-format error body (``{"error_code"}`` or ``{"field_errors": {f: {...}}}``).
    """
    try:
        body = response.json()
    except ValueError:
        return f"http_{response.status_code}", None
    if isinstance(body, dict):
        if body.get("error_code"):
            return str(body["error_code"]), body
        for field, error in (body.get("field_errors") or {}).items():
            code = error.get("error_code") if isinstance(error, dict) else None
            return f"{field}:{code or 'invalid'}", body
    return f"http_{response.status_code}", body


class CcxApi:
    """
    A client of the LMS CCX API; one per task run or groomer thread (a requests session is not shared).
    """

    def __init__(self, session=None):
        self.session = session or platform.lms_api_client()
        self.timeout = settings.COMMERCE_LMS_REQUEST_TIMEOUT

    def _call(self, method, path, **kwargs):
        try:
            response = self.session.request(method, platform.lms_url(path), timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise LmsUnavailable("lms_timeout", str(exc)) from exc
        except requests.RequestException as exc:
            # The token request raises HTTPError with the token endpoint's answer; 5xx there is an outage too.
            status = getattr(getattr(exc, "response", None), "status_code", None)
            if status is not None and 400 <= status < 500 and status != 429:
                raise LmsRejected(status, "lms_auth_refused") from exc
            raise LmsUnavailable("lms_unreachable", str(exc)) from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise LmsUnavailable(f"lms_http_{response.status_code}")
        return response

    def find_by_external_id(self, external_id):
        """
        The LMS CCX with ``external_id``, or None.
        """
        response = self._call("GET", CCX_LIST_PATH, params={"external_id": str(external_id)})
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            code, body = _error_code(response)
            raise LmsRejected(response.status_code, code, body)
        body = response.json()
        results = body.get("results", []) if isinstance(body, dict) else body
        matching = [r for r in results if str(r.get("external_id", external_id)) == str(external_id)]
        return LmsCcx.from_json(matching[0]) if matching else None

    def put_by_external_id(self, external_id, payload):
        """
        Create or update the CCX ``external_id`` with the full ``payload``; the LMS answers 201 or 200.
        """
        path = CCX_BY_EXTERNAL_ID_PATH.format(external_id=external_id)
        response = self._call("PUT", path, json=payload)
        if response.status_code not in (200, 201):
            code, body = _error_code(response)
            raise LmsRejected(response.status_code, code, body)
        return LmsCcx.from_json(response.json())
