"""
The learner's enrollments and entitlement are cached for the discount, and any change to them is
seen at once: a save or delete of an enrollment or entitlement of theirs bumps their generation.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms_plugin.discounts import api, errors

from .factories import COURSE, OTHER_COURSE, enroll, entitle, make_course, make_learner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flag_on")]


def learner_queries(call):
    """The queries ``call`` makes on enrollments or entitlements (the waffle flag's own query aside)."""
    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries if "enrollment" in q["sql"] or "entitlement" in q["sql"]]


def test_an_upgrade_after_a_cached_answer_ends_the_discount_at_once(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE)
    assert learner_queries(lambda: api.can_receive_discount(enrolled_learner, COURSE)) == []  # cached
    enrollment = enrolled_learner.courseenrollment_set.get(course_id=COURSE)
    enrollment.mode = "verified"
    enrollment.save()
    assert api.discount_eligibility(enrolled_learner, COURSE).reason == errors.ALREADY_PAID


def test_a_paid_enrollment_elsewhere_is_seen_at_once(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE)
    make_course(OTHER_COURSE)
    enroll(enrolled_learner, OTHER_COURSE, mode="verified")
    assert api.discount_eligibility(enrolled_learner, COURSE).reason == errors.NOT_FIRST_PURCHASE


def test_an_entitlement_redeemed_later_is_seen_at_once(learner, course):
    enrollment = enroll(learner)
    assert api.can_receive_discount(learner, COURSE)
    entitle(learner, enrollment)
    assert api.discount_eligibility(learner, COURSE).reason == errors.HOLDS_ENTITLEMENT


def test_an_unenrollment_deleted_row_is_seen_at_once(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE)
    enrolled_learner.courseenrollment_set.all().delete()
    assert api.discount_eligibility(enrolled_learner, COURSE).reason == errors.NOT_ENROLLED


def test_another_learners_change_does_not_touch_this_learners_cache(enrolled_learner):
    assert api.can_receive_discount(enrolled_learner, COURSE)
    enroll(make_learner("someone"), COURSE)
    assert learner_queries(lambda: api.can_receive_discount(enrolled_learner, COURSE)) == []
