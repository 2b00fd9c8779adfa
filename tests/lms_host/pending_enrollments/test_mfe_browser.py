"""
The learner-dashboard plugin (frontend/learner-dashboard-pending) in a real browser against the
sandbox LMS: frontend-platform started as the MFE starts it, the widgets mounted through
frontend-plugin-framework's PluginSlot from the operator's env.config.jsx, the JWT cookie from
/login_refresh. A new course shows pending with its button disabled, an upgrade as a banner on
its card; both turn active in place when the enrollments are made, without a reload, and an
order that failed for good says so.

``UPDATE_DOCS_SCREENSHOTS=1`` copies the screenshots into docs/images/.
"""
import mimetypes
import shutil
import subprocess

import pytest
from common.djangoapps.course_modes.models import CourseMode
from common.djangoapps.student.models import CourseEnrollment
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey
from openedx.core.djangoapps.content.course_overviews.models import CourseOverview
from openedx.features.course_experience import course_home_url

from lms_plugin.pending_enrollments import api
from support.browser import chromium, keep_screenshot
from support.processes import REPO_ROOT, host_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PACKAGE = REPO_ROOT / "frontend" / "learner-dashboard-pending"
DIST = PACKAGE / "harness-dist"
NEW = CourseKey.from_string("course-v1:edX+Bought+2026")
UPGRADED = CourseKey.from_string("course-v1:edX+Upgraded+2026")
FAILING = CourseKey.from_string("course-v1:edX+Failing+2026")


@pytest.fixture(scope="module")
def harness():
    """The harness page, built from the package's sources (npm ci from the lockfile first if needed)."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: the learner-dashboard plugin cannot be built", pytrace=False)
    if not (PACKAGE / "node_modules").is_dir():
        subprocess.run([npm, "ci"], cwd=PACKAGE, check=True, timeout=900)
    subprocess.run([npm, "run", "build:harness"], cwd=PACKAGE, check=True, timeout=600)
    return DIST


@pytest.fixture
def learner():
    user = get_user_model().objects.create_user("mfe_learner", "mfe@example.com", "edx")
    for key, name in ((NEW, "Bought Course"), (UPGRADED, "Upgraded Course"), (FAILING, "Failing Course")):
        CourseOverview.objects.create(id=key, display_name=name)
        for slug, mode_name, price in (("audit", "Audit", 0), ("verified", "Verified Certificate", 49)):
            CourseMode.objects.create(course_id=key, mode_slug=slug, mode_display_name=mode_name, min_price=price)
    CourseEnrollment.enroll(user, UPGRADED, mode="audit")
    # What the receipt hand-off records once ecommerce has taken the payment.
    api.record_pending(user, [(NEW, "verified"), (UPGRADED, "verified")], order_number="EDX-100")
    api.record_pending(user, [(FAILING, "verified")], order_number="EDX-101")
    return user


def serve_harness(dist):
    def handle(route):
        path = route.request.url.split("/learner-dashboard/", 1)[1].split("?", 1)[0] or "index.html"
        file = (dist / path).resolve()
        if dist.resolve() not in file.parents or not file.is_file():
            route.fulfill(status=404, body="not found")
            return
        route.fulfill(status=200, body=file.read_bytes(),
                      content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")
    return handle


def test_the_mfe_plugin_shows_pending_then_active_without_a_reload(harness, learner, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # playwright's loop runs in this thread
    with host_server("lms", log_path=tmp_path / "lms.log") as server_url, chromium() as browser:
        lms_root = server_url.replace("127.0.0.1", "localhost")
        page = browser.new_page(viewport={"width": 900, "height": 900})
        page.route(f"{lms_root}/learner-dashboard/**", serve_harness(harness))
        page.goto(f"{lms_root}/login")
        page.fill("input[name=username]", "mfe_learner")
        page.fill("input[name=password]", "edx")
        page.click("[type=submit]")
        page.wait_for_load_state()

        page.goto(f"{lms_root}/learner-dashboard/")
        new_card = page.locator(f'.commerce-pending-card[data-course-id="{NEW}"]')
        new_card.wait_for(timeout=30_000)
        assert new_card.get_attribute("data-enrollment-status") == "pending"
        assert "Bought Course" in new_card.inner_text()
        assert "being processed" in new_card.inner_text()
        assert new_card.get_by_role("button", name="View course").is_disabled()
        assert new_card.get_by_role("link").count() == 0
        upgraded_card = page.locator(f'.mfe-course-card[data-course-id="{UPGRADED}"]')
        banner = upgraded_card.locator(".commerce-pending-banner")
        banner.wait_for(timeout=30_000)
        assert "Your upgrade to Verified Certificate is being processed." in banner.inner_text()
        assert page.locator(".commerce-pending-card").count() == 2  # the upgrade gets no card of its own
        keep_screenshot(new_card, tmp_path, "learner-dashboard-pending-card.png")
        keep_screenshot(upgraded_card, tmp_path, "learner-dashboard-upgrade-banner.png")
        page.evaluate("window.__not_reloaded = true")

        # Fulfillment enrolls the learner; the enrollment events clear the pending rows. The
        # other order fails for good, and ecommerce says so.
        api.report_fulfillment(learner.username, "EDX-101", "failed", [(FAILING, "verified")])
        CourseEnrollment.enroll(learner, NEW, mode="verified")
        CourseEnrollment.get_enrollment(learner, UPGRADED).update_enrollment(mode="verified")

        page.locator(f'.commerce-pending-card[data-course-id="{NEW}"][data-enrollment-status="active"]').wait_for(
            timeout=60_000)
        banner.and_(page.locator('[data-enrollment-status="active"]')).wait_for(timeout=60_000)
        assert page.evaluate("window.__not_reloaded") is True
        link = new_card.get_by_role("link", name="View course")
        assert link.get_attribute("href") == course_home_url(NEW)  # the platform's (learning MFE) URL
        assert "being processed" not in new_card.inner_text()
        assert "Your upgrade to Verified Certificate is complete." in banner.inner_text()
        assert "Bought Course is ready." in page.get_by_role("status").inner_text()
        failed_card = page.locator(f'.commerce-pending-card[data-course-id="{FAILING}"]')
        failed_card.and_(page.locator('[data-enrollment-status="failed"]')).wait_for(timeout=60_000)
        assert "We could not enroll you in this course. Our support team has been told" in failed_card.inner_text()
        assert failed_card.get_by_role("button").count() == 0 and failed_card.get_by_role("link").count() == 0
        assert "We could not enroll you in Failing Course." in page.get_by_role("status").inner_text()
        keep_screenshot(new_card, tmp_path, "learner-dashboard-card-active.png")
        keep_screenshot(failed_card, tmp_path, "learner-dashboard-card-failed.png")
