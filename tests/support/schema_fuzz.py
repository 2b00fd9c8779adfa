"""
Schemathesis over a host's own OpenAPI schema, in-process, as staff and as a learner.

Each host suite has a ``test_schema_fuzz.py`` that builds the schema its host serves (the
sandbox LMS's and shop's ``/api/schema/``, course-discovery's drf-yasg ``/api-docs/``) and takes
its two tests from ``fuzz_tests`` with its own staff and learner; they call
every operation a plugin view serves through the host's real WSGI application (its
middleware, authentication and exception handling) inside the test's database transaction.
Each operation runs schemathesis's three phases, as ``schemathesis run`` does: the schema's
examples, the coverage phase (boundary values, wrong types, numbers past any column's range,
bodies that are not objects, missing required fields) and random fuzzing of valid and invalid
inputs. What is checked for every request:

- no server error (no 5xx, whatever the input);
- a response whose status the schema documents matches the documented body schema;
- the response's content type is one the schema documents (for requests routed to a view).

Random examples are bounded (``SCHEMA_FUZZ_EXAMPLES`` per operation and caller, 12 unless set)
and derandomized, so a failure found in CI is found again on a developer machine. Loaded as a
pytest plugin (``-p support.schema_fuzz``) so it can print how many cases each host ran.
"""
import itertools
import json
import os
import re
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance
from schemathesis.generation.hypothesis.builder import HypothesisTestConfig, HypothesisTestMode, create_test


def routed_content_type_conformance(ctx, response, case):
    """
    ``content_type_conformance`` for requests the host routed to a view.

    A path parameter that breaks its URL pattern (a job id that is not a UUID) never reaches the
    plugin: the host's URL resolver answers with its own 404 page, as it does for any unknown URL.
    """
    from django.urls import Resolver404, resolve  # pylint: disable=import-outside-toplevel

    try:
        resolve(urlsplit(case.operation.schema.get_full_path(case.formatted_path)).path)
    except Resolver404:
        return None
    return content_type_conformance(ctx, response, case)


CHECKS = [not_a_server_error, response_schema_conformance, routed_content_type_conformance]
MAX_EXAMPLES = int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "12"))

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# (caller, "METHOD /path") -> cases run; printed at the end of the session.
CASES = Counter()


@contextmanager
def wsgi_inside_test_transaction():
    """
    Let the real WSGI handler serve requests inside a test's transaction.

    Django closes "old" connections when a request starts and finishes; inside a test
    transaction that would close the connection holding the test's data. Django's own test
    client disconnects the same receiver for the same reason.
    """
    from django.core import signals  # pylint: disable=import-outside-toplevel
    from django.db import close_old_connections  # pylint: disable=import-outside-toplevel

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def spectacular_schema():
    """The OpenAPI 3 document drf-spectacular serves (the sandbox LMS's and shop's ``/api/schema/``)."""
    from drf_spectacular.generators import SchemaGenerator  # pylint: disable=import-outside-toplevel
    from drf_spectacular.renderers import OpenApiJsonRenderer  # pylint: disable=import-outside-toplevel

    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


def yasg_schema():
    """The Swagger 2 document drf-yasg serves (course-discovery's ``/api-docs/?format=openapi``)."""
    from drf_yasg import openapi  # pylint: disable=import-outside-toplevel
    from drf_yasg.codecs import OpenAPICodecJson  # pylint: disable=import-outside-toplevel
    from drf_yasg.generators import OpenAPISchemaGenerator  # pylint: disable=import-outside-toplevel

    generator = OpenAPISchemaGenerator(openapi.Info(title="Discovery API", default_version="v1"))
    return json.loads(OpenAPICodecJson(validators=[]).encode(generator.get_schema(request=None, public=True)))


def load_host_schema(document):
    """
    ``document`` (the host's schema, built by its own generator) bound to the host's WSGI app.

    The document is generated, not fetched: fetching runs the host's middleware, which may read
    the database (the current Site), and operations are listed at collection time, before any
    test database exists. Every fuzzed request does go through the WSGI app and its middleware.
    """
    from django.core.wsgi import get_wsgi_application  # pylint: disable=import-outside-toplevel

    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    return schema


@dataclass(frozen=True)
class Caller:
    """
    Who sends the fuzzed requests: a name for the summary, and the credentials to send.
    """

    name: str
    headers: dict = field(default_factory=dict)
    cookies: dict = field(default_factory=dict)


def signed_in(name, user, headers=None):
    """
    ``user`` signed in the way a browser is: the host's session cookie plus a CSRF cookie and
    the matching ``X-CSRFToken`` header, so unsafe methods pass CSRF and reach the view.
    ``headers`` adds to them (e.g. a JWT, for views that accept only service tokens).
    """
    from django.conf import settings as django_settings  # pylint: disable=import-outside-toplevel
    from django.middleware.csrf import _get_new_csrf_string  # pylint: disable=import-outside-toplevel
    from django.test import Client  # pylint: disable=import-outside-toplevel

    client = Client()
    client.force_login(user)
    session_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    csrf = _get_new_csrf_string()
    return Caller(
        name,
        headers={"X-CSRFToken": csrf, **(headers or {})},
        cookies={django_settings.SESSION_COOKIE_NAME: session_cookie, django_settings.CSRF_COOKIE_NAME: csrf},
    )


def host_operations(package, document):
    """
    Every operation of the host's schema that a view of ``package`` serves, to parametrize a test.

    The sandbox's replicas of upstream APIs (CCX v0, enrollment, learner home) are in the schema
    too; they reproduce upstream's behaviour, faults included, and are not the plugin's to fix.
    Read at collection time: building the schema needs the app registry, not the database.
    """
    operations = []
    for result in load_host_schema(document).get_all_operations():
        operation = result.ok()
        if _served_by(operation, package):
            operations.append(pytest.param(operation, id=operation.label))
    return operations


# Values that between them match the URL converters the hosts use (int, uuid, slug, str, course keys).
ROUTABLE_SAMPLES = ("1", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "course-v1:edX+DemoX+Demo_Course", "edx")


def _served_by(operation, package):
    """
    Whether a view of ``package`` serves ``operation``: the view its path template resolves to
    once each parameter is filled with a sample its URL pattern accepts.
    """
    from django.urls import Resolver404, resolve  # pylint: disable=import-outside-toplevel

    names = re.findall(r"{([^}]+)}", operation.full_path)
    for values in itertools.product(ROUTABLE_SAMPLES, repeat=len(names)):
        path = operation.full_path
        for name, value in zip(names, values, strict=True):
            path = path.replace("{" + name + "}", value)
        try:
            view = resolve(path).func
        except Resolver404:
            continue
        view_class = getattr(view, "cls", None) or getattr(view, "view_class", None) or view
        return view_class.__module__.startswith(package + ".")
    raise AssertionError(f"no sample routes {operation.label}: add one to ROUTABLE_SAMPLES")


def fuzz_operation(operation, caller):
    """
    Run the bounded, derandomized examples of one operation as ``caller``; count them.

    Hypothesis shrinks a failing case to its smallest form and re-raises the check's failure,
    which names the request that broke the rule. A signed-in caller answered 401 on every case
    never reached the view, so that fails too: the pass would prove nothing.
    """
    statuses = Counter()

    def run(case):
        CASES[(caller.name, operation.label)] += 1
        response = case.call(headers=caller.headers, cookies=caller.cookies)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    test = create_test(
        operation=operation,
        test_func=run,
        config=HypothesisTestConfig(project=operation.schema.config, modes=list(HypothesisTestMode), settings=FUZZ_SETTINGS),
    )
    with wsgi_inside_test_transaction():
        test()
        probe_numbers_past_column_range(operation, caller, statuses)
    assert set(statuses) != {401}, f"{caller.name} was never authenticated on {operation.label}: {dict(statuses)}"


PAST_ANY_COLUMN = (2**63, -(2**63) - 1, 10**30)


def fuzz_tests(operations, staff, learner):
    """
    A host suite's two tests, ``test_no_server_error_as_staff`` and ``..._as_learner``: every one
    of ``operations`` (``host_operations``) fuzzed, once the host's ``seed_demo`` has seeded the
    demo data generated requests can meet, by the caller ``staff()`` or ``learner()`` returns
    (``signed_in``, called inside the test's database).
    """
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel

    def seed_demo():
        with open(os.devnull, "w", encoding="utf-8") as quiet:
            call_command("seed_demo", stdout=quiet)

    @pytest.mark.parametrize("operation", operations)
    def test_no_server_error_as_staff(db, operation):  # noqa: ARG001  (the database fixture)
        seed_demo()
        fuzz_operation(operation, staff())

    @pytest.mark.parametrize("operation", operations)
    def test_no_server_error_as_learner(db, operation):  # noqa: ARG001  (the database fixture)
        seed_demo()
        fuzz_operation(operation, learner())

    return test_no_server_error_as_staff, test_no_server_error_as_learner


def probe_numbers_past_column_range(operation, caller, statuses):
    """
    Every integer a valid request carries, replaced in turn by numbers no database column holds.

    Random generation rarely draws a number past 2**63, which is where a database driver stops
    converting and raises; an API must answer those with a 400 like any other bad number.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # .example() outside a test is what we want here
        case = operation.as_strategy().example()
    probe_options(case, caller, statuses)
    for location in ("path_parameters", "query", "body"):
        values = getattr(case, location, None)
        if not isinstance(values, dict):
            continue
        for key, value in values.items():
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            for number in PAST_ANY_COLUMN:
                values[key] = number
                CASES[(caller.name, operation.label)] += 1
                response = case.call(headers=caller.headers, cookies=caller.cookies)
                statuses[response.status_code] += 1
                case.validate_response(response, checks=[not_a_server_error])
            values[key] = value


def probe_options(case, caller, statuses):
    """
    ``OPTIONS`` on the operation's path: not in any schema, answered by every DRF view, and a
    place where a view's own ``get_permissions``/``get_serializer`` can trip without a request body.
    """
    from django.core.wsgi import get_wsgi_application  # pylint: disable=import-outside-toplevel
    from werkzeug.test import Client  # pylint: disable=import-outside-toplevel

    client = Client(get_wsgi_application())
    for name, value in caller.cookies.items():
        client.set_cookie(name, value)
    path = case.operation.schema.get_full_path(case.formatted_path)
    CASES[(caller.name, f"OPTIONS {case.path}")] += 1
    response = client.open(path, method="OPTIONS", headers=caller.headers)
    statuses[response.status_code] += 1
    assert response.status_code < 500, f"OPTIONS {path} answered {response.status_code}"


def pytest_terminal_summary(terminalreporter):
    if not CASES:
        return
    per_caller = Counter()
    operations = set()
    for (caller, operation), count in CASES.items():
        per_caller[caller] += count
        operations.add(operation)
    summary = ", ".join(f"{caller} {count}" for caller, count in sorted(per_caller.items()))
    terminalreporter.write_line(
        f"schema fuzz: {sum(per_caller.values())} cases over {len(operations)} operations ({summary})"
    )
