import pytest
from django.core.cache import cache
from edx_django_utils.cache import RequestCache
from waffle.testutils import override_flag

from .factories import enroll, make_course, make_learner


@pytest.fixture(autouse=True)
def _clear_cache():
    # edx-toggles keeps flag values in the request cache, which no middleware clears between tests.
    RequestCache.clear_all_namespaces()
    cache.clear()
    yield
    RequestCache.clear_all_namespaces()
    cache.clear()


@pytest.fixture
def flag_on():
    with override_flag("commerce_discounts.enable_discounting", active=True):
        RequestCache.clear_all_namespaces()
        yield
    RequestCache.clear_all_namespaces()


@pytest.fixture
def course(db):
    return make_course()


@pytest.fixture
def learner(db):
    return make_learner()


@pytest.fixture
def enrolled_learner(learner, course):
    enroll(learner)
    return learner


@pytest.fixture(params=["symmetric", "asymmetric"])
def signing_mode(request, settings):
    """
    Both ways the platform signs user JWTs: HS256 with JWT_SECRET_KEY (its default) and, with
    JWT_AUTH_FORCE_CREATE_ASYMMETRIC, its private JWK.
    """
    settings.JWT_AUTH_FORCE_CREATE_ASYMMETRIC = request.param == "asymmetric"
    return request.param
