"""
Our rules as a DiscountEligibilityCheckRequested step, through openedx-filters' real pipeline
configuration; other plugins' steps exempt learners from our discount.
"""
import pytest
from django.test import override_settings
from edx_django_utils.cache import RequestCache
from openedx_filters import PipelineStep
from waffle.testutils import override_flag

from lms_plugin import platform
from lms_plugin.discounts import api, errors

from .factories import COURSE, make_learner

DiscountEligibilityCheckRequested = platform.openedx_filter("DiscountEligibilityCheckRequested")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("flag_on"),
    # Releases whose openedx-filters predates 3.7.0 have no such filter to run our step in;
    # test_optional_hooks.py runs the plugin there without it.
    pytest.mark.skipif(DiscountEligibilityCheckRequested is None, reason="openedx-filters < 3.7.0: no discount filter"),
]

FILTER = "org.openedx.learning.discount.eligibility.check.requested.v1"
OUR_STEP = "lms_plugin.discounts.pipeline.CommerceDiscountRules"
CALLS = []  # noqa: RUF012


class ExemptStaffPlugin(PipelineStep):
    """Another plugin's step: staff users never get the discount."""

    def run_filter(self, user, course_key):  # pylint: disable=arguments-differ
        CALLS.append(("exempt", user.username, str(course_key)))
        if user.is_staff:
            raise DiscountEligibilityCheckRequested.DiscountIneligible("staff are exempt")
        return {"user": user, "course_key": course_key}


def pipeline(*steps):
    return {FILTER: {"pipeline": list(steps), "fail_silently": False}}


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()


def test_the_plugin_configures_its_step_in_the_platform_filter():
    from django.conf import settings  # noqa: PLC0415

    assert OUR_STEP in settings.OPEN_EDX_FILTERS_CONFIG[FILTER]["pipeline"]


def test_the_platform_filter_refuses_what_our_rules_refuse(course, learner):
    with (
        override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP)),
        pytest.raises(DiscountEligibilityCheckRequested.DiscountIneligible) as raised,
    ):
        DiscountEligibilityCheckRequested.run_filter(user=learner, course_key=COURSE)
    assert raised.value.message == errors.NOT_ENROLLED


def test_the_platform_filter_passes_an_eligible_learner(enrolled_learner):
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP)):
        user, course_key = DiscountEligibilityCheckRequested.run_filter(user=enrolled_learner, course_key=COURSE)
    assert (user, course_key) == (enrolled_learner, COURSE)


def test_the_step_accepts_a_course_object_as_some_platform_releases_pass(enrolled_learner, course):
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP)):
        DiscountEligibilityCheckRequested.run_filter(user=enrolled_learner, course_key=course)


def test_another_plugins_step_exempts_a_learner_from_our_discount(enrolled_learner):
    enrolled_learner.is_staff = True
    enrolled_learner.save()
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP, f"{__name__}.ExemptStaffPlugin")):
        eligibility = api.discount_eligibility(enrolled_learner, COURSE)
    assert (eligibility.applicable, eligibility.reason) == (False, errors.EXEMPTED_BY_FILTER)


def test_another_plugins_step_lets_others_through(enrolled_learner):
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP, f"{__name__}.ExemptStaffPlugin")):
        assert api.can_receive_discount(enrolled_learner, COURSE)
    assert [("exempt", "learner", str(COURSE))] == CALLS


def test_our_api_does_not_run_the_filter_when_our_rules_already_refuse(course):
    learner = make_learner("notenrolled")
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP, f"{__name__}.ExemptStaffPlugin")):
        assert not api.can_receive_discount(learner, COURSE)
    assert not CALLS


def test_our_step_does_not_reevaluate_inside_our_own_api(enrolled_learner):
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    api.can_receive_discount(enrolled_learner, COURSE)  # warm the caches
    with override_settings(OPEN_EDX_FILTERS_CONFIG={}), CaptureQueriesContext(connection) as without_step:
        api.can_receive_discount(enrolled_learner, COURSE)
    with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP)), CaptureQueriesContext(connection) as with_step:
        assert api.can_receive_discount(enrolled_learner, COURSE)
    assert len(with_step.captured_queries) == len(without_step.captured_queries)


class PlatformFirstPurchaseCheck(PipelineStep):
    """Stands for the platform's own discount (first purchase) deciding on its own: it records its call."""

    def run_filter(self, user, course_key):  # pylint: disable=arguments-differ
        CALLS.append(("platform", user.username, str(course_key)))
        return {"user": user, "course_key": course_key}


def test_with_the_plugin_flag_off_our_step_has_no_opinion(course, learner):
    # ``learner`` is not enrolled: with the flag on our rules refuse them (see above).
    with override_flag("commerce_discounts.enable_discounting", active=False):
        RequestCache.clear_all_namespaces()
        with override_settings(OPEN_EDX_FILTERS_CONFIG=pipeline(OUR_STEP, f"{__name__}.PlatformFirstPurchaseCheck")):
            user, course_key = DiscountEligibilityCheckRequested.run_filter(user=learner, course_key=COURSE)
    assert (user, course_key) == (learner, COURSE)
    assert [("platform", learner.username, str(COURSE))] == CALLS
