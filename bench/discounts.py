"""
Discount figures (issue 4):

- LMS: queries per ``GET /api/discounts/v2/course/{key}`` call with warm caches (pinned to 2 in
  tests/lms_host/discounts/test_endpoint.py), and its throughput as a ratio to a bare authenticated
  DRF view served by the same Django handler (in-process test client, session auth, SQLite), in
  both signing modes of the platform's ``create_jwt_for_user`` (HS256 default; asymmetric forced,
  where the platform parses its private JWK on every call).
- Ecommerce: the basket's token verification (``verify_discount_token``: JWT_ISSUERS keys plus our
  checks) as a cost ratio to a raw PyJWT decode of the same token, in both modes, on the stock
  shop's settings and on the Otto-faithful sandbox's (``ecommerce-otto``, where the platform's v1
  token bound to the seat is measured too). Issue 15's target: at most 1.3.

Run: ``.venv/bin/python bench/discounts.py`` (each half runs in its own process, in its own host);
on Otto's libraries (Django 3.2, django-oscar 3.2, PyJWT 2.8): ``.venv-otto/bin/python
bench/discounts.py ecommerce`` and ``... ecommerce-otto`` (``scripts/otto-stack-tests.sh`` builds
``.venv-otto``).
"""
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SANDBOX = REPO / "sandbox"
N = int(os.environ.get("BENCH_N", "300"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def _per_second(func, n=N):
    func()
    start = time.perf_counter()
    for _ in range(n):
        func()
    return n / (time.perf_counter() - start)


def _best_seconds(*funcs, rounds=ROUNDS, n=N // 10 or 1):
    """
    Each function's best time per call over ``rounds`` interleaved rounds of ``n`` calls.

    Rounds alternate between the functions so that both see the same machine, and the best round
    is the one least disturbed by other work (as ``timeit`` advises): a ratio of two bests is
    steady on a loaded machine where a ratio of two averages is not.
    """
    best = [float("inf")] * len(funcs)
    for func in funcs:
        func()
    for _ in range(rounds):
        for index, func in enumerate(funcs):
            start = time.perf_counter()
            for _ in range(n):
                func()
            best[index] = min(best[index], (time.perf_counter() - start) / n)
    return best


def _django(host_dir, settings_module):
    sys.path[:0] = [str(SANDBOX / host_dir), str(SANDBOX), str(REPO)]
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    os.environ["SANDBOX_VAR_DIR"] = os.environ.get("SANDBOX_VAR_DIR", "/tmp/commerce-bench-var")
    os.environ.pop("DATABASE_URL", None)
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)


def lms():
    _django("lms", "lms.envs.test")
    from datetime import timedelta  # noqa: PLC0415

    from common.djangoapps.course_modes.models import CourseMode  # noqa: PLC0415
    from common.djangoapps.student.models import CourseEnrollment  # noqa: PLC0415
    from django.contrib.auth.models import User  # noqa: PLC0415
    from django.core.signals import request_finished  # noqa: PLC0415
    from django.db import close_old_connections, connection  # noqa: PLC0415
    from django.test import Client, override_settings  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415
    from django.urls import include, path  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415
    from opaque_keys.edx.keys import CourseKey  # noqa: PLC0415
    from openedx.core.djangoapps.content.course_overviews.models import CourseOverview  # noqa: PLC0415
    from openedx.core.djangoapps.oauth_dispatch.jwt import create_jwt_for_user  # noqa: PLC0415
    from rest_framework.response import Response  # noqa: PLC0415
    from rest_framework.views import APIView  # noqa: PLC0415
    from waffle.models import Flag  # noqa: PLC0415

    # As a long-lived server connection: keep the connection (and its query log) across requests.
    request_finished.disconnect(close_old_connections)

    class Bare(APIView):
        def get(self, request):
            return Response({"ok": True})

    import lms.urls as host_urls  # noqa: PLC0415

    sys.modules[__name__].urlpatterns = [path("bare/", Bare.as_view()), path("", include(host_urls))]

    course = CourseKey.from_string("course-v1:edX+Bench+2026")
    now = timezone.now()
    CourseOverview.objects.create(id=course, org="edX", end=now + timedelta(days=30))
    CourseMode.objects.create(course_id=course, mode_slug="audit", mode_display_name="Audit")
    CourseMode.objects.create(course_id=course, mode_slug="verified", mode_display_name="Verified", min_price=49)
    Flag.objects.create(name="commerce_discounts.enable_discounting", everyone=True)
    user = User.objects.create_user("bench", "bench@example.com", "edx")
    CourseEnrollment.objects.create(user=user, course_id=course, mode="audit")
    client = Client()
    client.force_login(user)
    url = f"/api/discounts/v2/course/{course}"
    for mode in os.environ.get("BENCH_MODES", "symmetric asymmetric").split():
        with override_settings(ROOT_URLCONF=__name__, JWT_AUTH_FORCE_CREATE_ASYMMETRIC=mode == "asymmetric"):
            assert client.get(url).json()["discount_applicable"] is True
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            endpoint = _per_second(lambda: client.get(url))
            bare = _per_second(lambda: client.get("/bare/"))
            jwt_per_second = _per_second(lambda: create_jwt_for_user(user), n=50)
        print(f"LMS discount endpoint [{mode}]: {len(queries.captured_queries)} queries per call (warm caches)")
        print(f"LMS discount endpoint [{mode}]: {endpoint:.0f} req/s vs bare authenticated DRF view {bare:.0f} "
              f"req/s -> ratio {endpoint / bare:.2f}")
        print(f"  of which the platform's create_jwt_for_user alone: {1000 / jwt_per_second:.2f} ms per token")


def ecommerce(settings_module="ecommerce.settings.test"):
    _django("ecommerce", settings_module)
    import importlib.util  # noqa: PLC0415
    import json  # noqa: PLC0415

    import django  # noqa: PLC0415
    import jwt  # noqa: PLC0415
    import oscar  # noqa: PLC0415

    import sandbox_services  # noqa: PLC0415

    spec = importlib.util.spec_from_file_location(
        "bench_lms_tokens", REPO / "tests" / "ecommerce_host" / "discounts" / "lms_tokens.py"
    )
    lms_tokens = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lms_tokens)
    lms_token = lms_tokens.lms_token

    from django.conf import settings  # noqa: PLC0415

    from ecommerce_plugin.discounts.tokens import verify_discount_token  # noqa: PLC0415

    libraries = f"Django {django.__version__}, django-oscar {oscar.get_version()}, PyJWT {jwt.__version__}"
    print(f"Ecommerce [{settings_module}; {libraries}]")
    public = jwt.PyJWKSet.from_dict(json.loads(sandbox_services.jwt_public_signing_jwk_set())).keys[0].key
    keys = {"symmetric": (sandbox_services.JWT_COMMON_SECRET_KEY, "HS256"), "asymmetric": (public, "RS512")}
    course = "course-v1:edX+DemoX+Demo_Course"
    for mode, (key, algorithm) in keys.items():
        lms_tokens.MODE["signing"] = mode
        tokens = {"v2": (lms_token(), settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE)}
        if settings.COMMERCE_ECOMMERCE_HOST == "otto":
            settings.COMMERCE_DISCOUNTS_V1_TOKENS = "bind"
            audience = settings.JWT_AUTH["JWT_AUDIENCE"]
            tokens["v1 bound"] = (lms_token(aud=audience, course_key=..., jti=...), audience)
        for kind, (token, audience) in tokens.items():
            assert verify_discount_token(token, "learner", course).percent == 15
            ours, raw = _best_seconds(
                lambda t=token: verify_discount_token(t, "learner", course),
                lambda t=token, k=key, a=algorithm, aud=audience: jwt.decode(t, k, algorithms=[a], audience=aud),
            )
            print(f"Ecommerce token verification [{mode}, {kind}]: {1e6 * ours:.0f} us per token vs raw PyJWT "
                  f"{algorithm} decode {1e6 * raw:.0f} us -> cost ratio {ours / raw:.2f}")


HALVES = {
    "lms": lms,
    "ecommerce": ecommerce,
    "ecommerce-otto": lambda: ecommerce("ecommerce.settings.otto_test"),
}


if __name__ == "__main__":
    if len(sys.argv) > 1:
        HALVES[sys.argv[1]]()
    else:
        for half in HALVES:
            subprocess.run([sys.executable, __file__, half], check=True)
