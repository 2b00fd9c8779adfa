import pytest
from django.core.cache import cache
from waffle.testutils import override_flag

from .factories import enroll, make_course, make_learner


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def flag_on():
    with override_flag("commerce_discounts.enable_discounting", active=True):
        yield


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
