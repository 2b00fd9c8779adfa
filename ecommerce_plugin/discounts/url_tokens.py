"""
Keeping the discount token out of URLs, and so out of access and request logs.

The basket page's contract takes ``?discount_jwt=``. A URL lands in the web server's access log,
the proxies' logs and the browser history, and a discount token in it would stay readable there
after the learner left. So the token lives in the learner's session, per course: the basket
page's script posts it (``POST /commerce/discounts/token/``, never logged), and a URL that still
carries it is answered with a redirect to the same URL without it, after the token was moved to
the session. The basket and the payment then read it from the session.
"""
import logging
from urllib.parse import urlencode

import jwt
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.http import require_POST

from ecommerce_plugin.discounts.tokens import MAX_TOKEN_LENGTH

log = logging.getLogger(__name__)

TOKEN_PARAM = "discount_jwt"
SESSION_KEY = "commerce_discount_tokens"
MAX_COURSES_IN_SESSION = 10


def _claimed_course(token):
    """
    The course the token says it is for (unverified: only to file it; the basket verifies it).
    """
    if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH:
        return None
    try:
        course_key = jwt.decode(token, options={"verify_signature": False}).get("course_key")
    except jwt.PyJWTError:
        return None
    return course_key if isinstance(course_key, str) and len(course_key) <= 255 else None


def keep_in_session(session, token):
    """
    File ``token`` in the session under its course; False when it names no course (nothing kept).
    """
    course_key = _claimed_course(token)
    if course_key is None:
        return False
    tokens = dict(session.get(SESSION_KEY) or {})
    tokens.pop(course_key, None)
    tokens[course_key] = token
    session[SESSION_KEY] = dict(list(tokens.items())[-MAX_COURSES_IN_SESSION:])
    return True


def has_session_tokens(session):
    return session is not None and bool(session.get(SESSION_KEY))


def token_in_session(session, course_key):
    if session is None:
        return None
    return (session.get(SESSION_KEY) or {}).get(str(course_key))


def forget_in_session(session, course_key):
    tokens = dict(session.get(SESSION_KEY) or {})
    if tokens.pop(str(course_key), None) is not None:
        session[SESSION_KEY] = tokens


class DiscountTokenOutOfUrlMiddleware:
    """
    A GET whose URL carries ``discount_jwt`` (the documented basket link): the token goes to the
    session, and the browser is sent to the same URL without it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and TOKEN_PARAM in request.GET and hasattr(request, "session"):
            token = request.GET.get(TOKEN_PARAM)
            if request.user.is_authenticated and not keep_in_session(request.session, token):
                log.info("A discount token that names no course was dropped from the URL.")
            query = request.GET.copy()
            del query[TOKEN_PARAM]
            clean = f"{request.path}?{urlencode(query, doseq=True)}" if query else request.path
            return HttpResponseRedirect(clean)
        return self.get_response(request)


@require_POST
@login_required
def keep_token(request):
    """
    ``POST /commerce/discounts/token/`` (form field ``discount_jwt``): the basket page's script
    hands over the LMS's token; 204, and the page reloads without a token in its URL.
    """
    if not keep_in_session(request.session, request.POST.get(TOKEN_PARAM)):
        return HttpResponseBadRequest("discount_token_malformed", content_type="text/plain")
    return HttpResponse(status=204)
