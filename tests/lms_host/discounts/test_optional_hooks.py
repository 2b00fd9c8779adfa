"""
Where the platform's openedx-filters has no ``DiscountEligibilityCheckRequested`` (before 3.7.0,
every Open edX release up to 2026-04), the plugin loads and its own discount works without it.
"""
from importlib.metadata import version

import pytest
from packaging.version import Version

from lms_plugin import platform
from lms_plugin.discounts import api, pipeline

from .factories import COURSE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flag_on")]


def test_the_filter_is_found_exactly_where_openedx_filters_has_it():
    has_it = Version(version("openedx-filters")) >= Version("3.7.0")
    assert (platform.openedx_filter("DiscountEligibilityCheckRequested") is not None) == has_it
    assert platform.openedx_filter("CourseEnrollmentStarted") is not None  # in every supported release


def test_without_the_filter_the_plugins_discount_still_decides(enrolled_learner, monkeypatch):
    real = platform.openedx_filter
    monkeypatch.setattr(platform, "openedx_filter", lambda name: None if name == "DiscountEligibilityCheckRequested"
                        else real(name))
    eligibility = api.discount_eligibility(enrolled_learner, COURSE)
    assert (eligibility.applicable, eligibility.percentage) == (True, 15)


def test_the_step_module_loads_without_the_filter():
    assert pipeline.CommerceDiscountRules.__module__ == "lms_plugin.discounts.pipeline"
