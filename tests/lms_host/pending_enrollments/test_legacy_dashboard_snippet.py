"""
The Mako snippets an operator's theme includes in the platform's legacy dashboard, rendered with
Mako (as the platform renders dashboard.html) from the context our DashboardRenderStarted step
builds: the markup is what the dashboard's polling script looks for.
"""
from pathlib import Path

import pytest
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth import get_user_model
from mako.lookup import TemplateLookup
from mako.template import Template
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.features.course_experience import course_home_url

import lms_plugin.pending_enrollments
from lms_plugin.pending_enrollments import api
from lms_plugin.pending_enrollments.pipeline import AddPendingEnrollmentsToDashboard

pytestmark = pytest.mark.django_db

TEMPLATES = Path(lms_plugin.pending_enrollments.__file__).parent / "templates"
NEW = CourseKey.from_string("course-v1:edX+Bought+2026")
UPGRADED = CourseKey.from_string("course-v1:edX+Upgraded+2026")

# The shape of the theme's dashboard.html and _dashboard_course_listing.html around the includes.
DASHBOARD = """<ul class="listing-courses">
% for enrollment in course_enrollments:
<li class="course-item" data-course-id="${enrollment.course_id}">${enrollment.course_overview.display_name}
<%include file="pending_enrollments/legacy_dashboard/pending_upgrade_note.html" args="course_id=enrollment.course_id" />
</li>
% endfor
<%include file="pending_enrollments/legacy_dashboard/pending_courses.html" />
</ul>"""


@pytest.fixture
def learner():
    user = get_user_model().objects.create_user("legacy", "legacy@example.com", "edx")
    for key, name in ((NEW, "Bought <Course>"), (UPGRADED, "Upgraded Course")):
        CourseOverview.objects.create(id=key, display_name=name)
    return user


def render(user):
    enrollments = list(CourseEnrollment.objects.filter(user=user, is_active=True))
    result = AddPendingEnrollmentsToDashboard("", []).run_filter(
        context={"user": user, "course_enrollments": enrollments}, template_name="dashboard.html")
    lookup = TemplateLookup(directories=[str(TEMPLATES)])
    return Template(DASHBOARD, lookup=lookup).render(**result["context"])


def test_a_pending_course_renders_with_its_link_disabled_and_the_script(learner):
    api.record_pending(learner, [(NEW, "verified")])
    html = render(learner)
    assert f'data-pending-course-id="{NEW}"' in html and 'data-enrollment-status="pending"' in html
    assert "Bought &lt;Course&gt;" in html  # escaped
    assert f'data-href="{course_home_url(NEW)}"' in html and ' href=' not in html.split("data-pending-link", 1)[1].split(">")[0]
    assert "being processed" in html
    assert 'data-pending-status-url="/api/pending_enrollments/v1/status/"' in html
    assert 'src="/static/pending_enrollments/pending_enrollments.js"' in html


def test_a_failed_fulfillment_renders_failed_with_the_note_the_script_shows(learner):
    api.report_fulfillment(learner.username, "EDX-1", "failed", [(NEW, "verified")])
    html = render(learner)
    assert f'data-pending-course-id="{NEW}" data-enrollment-status="failed"' in html
    assert "We could not enroll you in this course." in html
    assert 'data-pending-failed-note="We could not enroll you' in html


def test_an_upgrade_shows_a_note_on_its_listed_course(learner):
    CourseEnrollment.enroll(learner, UPGRADED, mode="audit")
    api.record_pending(learner, [(UPGRADED, "verified")])
    html = render(learner)
    listed = html.split(f'data-course-id="{UPGRADED}"', 1)[1].split("</li>", 1)[0]
    assert f'class="commerce-pending-upgrade pending" data-pending-course-id="{UPGRADED}"' in listed
    assert "Your upgrade is being processed." in listed
    assert "data-pending-status-url" in html


def test_nothing_pending_renders_nothing(learner):
    CourseEnrollment.enroll(learner, UPGRADED, mode="audit")
    html = render(learner)
    assert "pending" not in html
    assert "<script" not in html


def test_the_snippet_gives_the_script_its_texts_and_a_live_region(learner):
    api.record_pending(learner, [(NEW, "verified")])
    html = render(learner)
    poller = html.split('class="commerce-pending-poller"', 1)[1].split("></li>", 1)[0]
    assert 'data-pending-slow-note="This is taking longer than usual.' in poller
    assert 'data-pending-stopped-note="Still processing. Reload this page later to see your course."' in poller
    assert 'data-pending-ready-announcement="{course_name} is ready."' in poller
    assert 'data-pending-upgrade-announcement="Your upgrade in {course_name} is complete."' in poller
    assert 'data-pending-failed-announcement="We could not enroll you in {course_name}."' in poller
    live = html.split("data-pending-live", 1)[1].split(">", 1)[0]
    assert 'role="status"' in live and 'aria-live="polite"' in live
    assert "hidden" not in html.split("data-pending-live", 1)[0].rsplit("<li", 1)[1]  # hidden text is never read

