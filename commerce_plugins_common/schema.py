"""
How drf-spectacular describes a plugin's views: the error body of every 4xx a view can answer.

For the LMS and ecommerce plugins, whose extras install drf-spectacular (course-discovery has
none: its plugin documents itself with drf-yasg and never imports this module).
"""
from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import AllowAny

from commerce_plugins_common.api_errors import ErrorSerializer

ERROR_DESCRIPTIONS = {
    "400": "Invalid request: ``invalid_request`` (with ``field_errors``) or the operation's own code.",
    "401": "Not signed in (no valid JWT or session): ``not_authenticated``.",
    "403": "Signed in, but not allowed: ``permission_denied`` (a role, a trusted service, CSRF).",
    "404": "No such object, or the URL names none: ``not_found`` or the operation's own code.",
    "409": "The state does not allow it now (already done, taken, being paid for): the operation's code.",
    "429": "Too many requests: ``rate_limited``.",
}


class ErrorDocumentingAutoSchema(AutoSchema):
    """
    drf-spectacular's schema of a plugin view, with every 4xx the view can answer documented with
    the error body (``_error_statuses``); a 4xx a view documents by description only gets the body too.
    """

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_statuses():
            responses.setdefault(code, {"description": ERROR_DESCRIPTIONS[code]})
        for code, response in responses.items():
            if code.startswith("4") and "content" not in response:
                documented = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                documented["description"] = response.get("description") or ERROR_DESCRIPTIONS.get(code, "")
                responses[code] = documented
        return dict(sorted(responses.items()))

    def _error_statuses(self):
        """
        What the plugin's error handling can answer: 400 for any malformed input; 401/403 when a
        signed-in caller is needed; 404 when the path or the body names an object; 409 when a
        write can conflict with the state; 429 when the view is throttled.
        """
        codes = ["400"]
        if not all(isinstance(permission, AllowAny) for permission in self.view.get_permissions()):
            codes += ["401", "403"]
        writes = self.method in ("POST", "PUT", "PATCH", "DELETE")
        if "{" in self.path or writes:
            codes.append("404")
        if writes:
            codes.append("409")
        if self.view.get_throttles():
            codes.append("429")
        return codes
