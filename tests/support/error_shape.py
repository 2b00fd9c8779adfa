"""
The one error shape of the plugins' APIs on the three services, checked by each service's suite:
``{"error_code": "<snake_case code>", "message": "<non-empty text>"}``, and for malformed input
``field_errors`` (an object keyed by field). Course-discovery's rule refusals add the list of
``violations`` (each ``{"error_code", "message"}``).
"""
import re

EXTRA_KEYS = {"field_errors", "violations"}


def assert_error_shape(response, status, error_code=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert isinstance(body, dict) and {"error_code", "message"} <= set(body) <= {"error_code", "message"} | EXTRA_KEYS, body
    assert isinstance(body["error_code"], str) and re.fullmatch(r"[a-z][a-z0-9_]*", body["error_code"]), body
    assert isinstance(body["message"], str) and body["message"].strip(), body
    assert isinstance(body.get("field_errors", {}), dict), body
    if error_code is not None:
        assert body["error_code"] == error_code, body
    return body
