"""
Every eligibility rule, both ways: each test starts from an eligible learner and breaks one rule.
"""
from datetime import timedelta

import pytest
from common.djangoapps.course_modes.models import CourseMode
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import timezone
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview

from lms_plugin.discounts import api, errors
from lms_plugin.discounts.models import DiscountPercentageConfig, DiscountRestrictionConfig

from .factories import COURSE, OTHER_COURSE, enroll, entitle, make_course, make_learner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flag_on")]


def reason(user, course_key=COURSE):
    return api.discount_eligibility(user, course_key).reason


def test_an_audit_learner_in_the_window_is_eligible(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE) is True
    assert api.can_receive_discount(enrolled_learner, str(COURSE)) is True
    assert api.discount_percentage(COURSE) == 15


@pytest.mark.usefixtures("course")
def test_the_flag_off_makes_nobody_eligible(enrolled_learner):
    from waffle.testutils import override_flag  # noqa: PLC0415

    with override_flag("commerce_discounts.enable_discounting", active=False):
        assert reason(enrolled_learner) == errors.FEATURE_DISABLED


def test_anonymous_users_are_not_eligible(course):
    assert api.can_receive_discount(AnonymousUser(), COURSE) is False


def test_an_unknown_course_is_not_eligible(enrolled_learner):
    assert reason(enrolled_learner, "course-v1:edX+Nope+2026") == errors.COURSE_NOT_FOUND


def test_an_ended_course_is_not_eligible(learner):
    make_course(end_in_days=-1)
    enroll(learner)
    assert reason(learner) == errors.COURSE_ENDED


def test_a_course_without_end_date_is_eligible(learner):
    make_course(end_in_days=None)
    enroll(learner)
    assert api.can_receive_discount(learner, COURSE)


def test_a_course_without_verified_mode_is_not_eligible(learner):
    make_course(verified=False)
    enroll(learner)
    assert reason(learner) == errors.NO_VERIFIED_MODE


def test_an_expired_verified_mode_is_not_eligible(learner):
    make_course(verified_deadline_in_days=-1)
    enroll(learner)
    assert reason(learner) == errors.NO_VERIFIED_MODE


def test_a_verified_mode_without_deadline_is_eligible(learner):
    make_course(verified_deadline_in_days=None)
    enroll(learner)
    assert api.can_receive_discount(learner, COURSE)


def test_a_learner_already_in_a_paid_mode_is_not_eligible(learner, course):
    enroll(learner, mode="verified")
    assert reason(learner) == errors.ALREADY_PAID


def test_a_learner_in_honor_is_still_eligible(learner, course):
    enroll(learner, mode="honor")
    assert api.can_receive_discount(learner, COURSE)


def test_a_previous_paid_enrollment_elsewhere_blocks_the_first_purchase_discount(enrolled_learner):
    make_course(OTHER_COURSE)
    enroll(enrolled_learner, OTHER_COURSE, mode="verified")
    assert reason(enrolled_learner) == errors.NOT_FIRST_PURCHASE


def test_the_first_purchase_rule_can_be_switched_off(enrolled_learner):
    make_course(OTHER_COURSE)
    enroll(enrolled_learner, OTHER_COURSE, mode="verified")
    with override_settings(COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY=False):
        assert api.can_receive_discount(enrolled_learner, COURSE)


def test_a_free_enrollment_elsewhere_does_not_block_the_discount(enrolled_learner):
    make_course(OTHER_COURSE)
    enroll(enrolled_learner, OTHER_COURSE, mode="audit")
    assert api.can_receive_discount(enrolled_learner, COURSE)


def test_an_entitlement_redeemed_into_the_run_blocks_the_discount(learner, course):
    entitle(learner, enroll(learner))
    assert reason(learner) == errors.HOLDS_ENTITLEMENT


def test_an_expired_entitlement_does_not_block_the_discount(learner, course):
    entitle(learner, enroll(learner), expired=True)
    assert api.can_receive_discount(learner, COURSE)


def test_the_entitlement_rule_can_be_switched_off(learner, course):
    entitle(learner, enroll(learner))
    with override_settings(COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS=False):
        assert api.can_receive_discount(learner, COURSE)


def test_a_learner_not_enrolled_is_not_eligible_while_a_window_is_set(learner, course):
    assert reason(learner) == errors.NOT_ENROLLED


def test_an_inactive_enrollment_is_not_eligible_while_a_window_is_set(learner, course):
    enroll(learner, is_active=False)
    assert reason(learner) == errors.NOT_ENROLLED


def test_the_window_closes_after_the_configured_days(learner, course):
    enroll(learner, days_ago=8)
    assert reason(learner) == errors.WINDOW_CLOSED
    with override_settings(COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS=10):
        assert api.can_receive_discount(learner, COURSE)


def test_without_a_window_no_enrollment_is_needed(learner, course):
    with override_settings(COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS=None):
        assert api.can_receive_discount(learner, COURSE)


@pytest.mark.parametrize(
    ("rows", "eligible"),
    [
        ([], True),
        ([("site", "example.com", True)], False),
        ([("org", "edX", True)], False),
        ([("course", str(COURSE), True)], False),
        ([("org", "edX", True), ("course", str(COURSE), False)], True),
        ([("site", "example.com", True), ("org", "edX", False)], True),
        ([("site", "example.com", False), ("org", "edX", True)], False),
        ([("org", "OtherX", True)], True),
    ],
)
def test_restrictions_follow_course_over_org_over_site(enrolled_learner, rows, eligible):
    for scope, value, disabled in rows:
        DiscountRestrictionConfig.objects.create(scope=scope, scope_value=value, disabled=disabled)
    assert api.can_receive_discount(enrolled_learner, COURSE) is eligible
    if not eligible:
        assert reason(enrolled_learner) == errors.RESTRICTED


@pytest.mark.parametrize(
    ("rows", "percentage"),
    [
        ([], 15),
        ([("site", "example.com", 10)], 10),
        ([("site", "example.com", 10), ("org", "edX", 20)], 20),
        ([("site", "example.com", 10), ("org", "edX", 20), ("course", str(COURSE), 30)], 30),
        ([("org", "OtherX", 40)], 15),
    ],
)
def test_percentage_follows_course_over_org_over_site_over_default(course, rows, percentage):
    for scope, value, pct in rows:
        DiscountPercentageConfig.objects.create(scope=scope, scope_value=value, percentage=pct)
    assert api.discount_percentage(COURSE) == percentage


def test_the_default_percentage_is_a_setting(course):
    with override_settings(COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE=25):
        assert api.discount_percentage(COURSE) == 25


def test_an_admin_edit_takes_effect_at_once_despite_the_cache(course):
    assert api.discount_percentage(COURSE) == 15
    row = DiscountPercentageConfig.objects.create(scope="course", scope_value=str(COURSE), percentage=40)
    assert api.discount_percentage(COURSE) == 40
    row.delete()
    assert api.discount_percentage(COURSE) == 15


def test_config_rows_are_validated(course):
    from django.core.exceptions import ValidationError  # noqa: PLC0415

    for scope, value in (("course", "not a key"), ("site", "nowhere.example"), ("org", "  ")):
        with pytest.raises(ValidationError):
            DiscountRestrictionConfig(scope=scope, scope_value=value).full_clean()
    with pytest.raises(ValidationError):
        DiscountPercentageConfig(scope="org", scope_value="edX", percentage=101).full_clean()
    with pytest.raises(ValidationError):
        DiscountPercentageConfig(scope="org", scope_value="edX", percentage=0).full_clean()


def test_course_facts_are_cached_briefly(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE)
    CourseOverview.objects.filter(id=COURSE).update(end=timezone.now() - timedelta(days=1))
    assert api.can_receive_discount(enrolled_learner, COURSE), "cached for COMMERCE_DISCOUNTS_CACHE_SECONDS"
    from django.core.cache import cache  # noqa: PLC0415

    cache.clear()
    assert reason(enrolled_learner) == errors.COURSE_ENDED


def test_a_professional_mode_counts_as_the_upgrade(learner):
    make_course(verified=False)
    CourseMode.objects.create(course_id=COURSE, mode_slug="professional", mode_display_name="Pro", min_price=50)
    enroll(learner)
    assert api.can_receive_discount(learner, COURSE)


def test_another_learner_is_judged_on_their_own_enrollments(enrolled_learner):
    other = make_learner("other")
    assert api.can_receive_discount(enrolled_learner, COURSE)
    assert reason(other) == errors.NOT_ENROLLED
