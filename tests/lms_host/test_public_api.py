"""
The plugin's public Python API answers in-process callers.
"""
from io import StringIO

import pytest
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth.models import User
from django.core.management import call_command
from opaque_keys.edx.keys import CourseKey

from lms_plugin import api

DEMO_COURSE = CourseKey.from_string("course-v1:edX+DemoX+Demo_Course")


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def test_discount_functions_answer_for_a_learner(demo):
    learner = User.objects.get(username="verified")
    assert isinstance(api.can_receive_discount(learner, DEMO_COURSE), bool)
    assert api.discount_percentage(DEMO_COURSE) == 15


def test_pending_statuses_follow_the_enrollment(demo):
    learner = User.objects.get(username="verified")
    api.record_pending(learner, [(DEMO_COURSE, "verified")], order_number="100001")
    assert [s.status for s in api.statuses_for_user(learner, [DEMO_COURSE])] == ["pending"]
    CourseEnrollment.enroll(learner, DEMO_COURSE, mode="verified")
    assert [s.status for s in api.statuses_for_user(learner, [DEMO_COURSE])] == ["active"]
