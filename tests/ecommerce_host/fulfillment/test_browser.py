"""
A learner in a real browser: after checkout the legacy dashboard shows the course pending, then
active, without a reload, and announces it (real LMS, ecommerce and worker processes; services pass).
"""
import pytest
from django.contrib.auth import get_user_model

from support.browser import chromium, session_cookie
from support.processes import celery_worker, free_port, host_server

from .conftest import DEMO_COURSE

pytestmark = [pytest.mark.redis, pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_dashboard_shows_the_course_pending_then_active_without_reload(  # noqa: PLR0917  (fixtures)
    lms_database, lms_learner, make_seat, broker_sends, tmp_path, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # playwright's loop runs in this thread
    make_seat(course_key=DEMO_COURSE, sku="VERI-DEMO")
    user = get_user_model().objects.create_user(lms_learner, f"{lms_learner}@example.com", "edx")
    lms_port = free_port()
    lms_root = f"http://localhost:{lms_port}"
    lms_env = {"DATABASE_URL": "", "SANDBOX_DATABASE_NAME": lms_database["path"]}
    with host_server("lms", port=lms_port, extra_env=lms_env, log_path=tmp_path / "lms.log"), host_server(
        "ecommerce", extra_env={"SANDBOX_LMS_URL_ROOT": lms_root, "SANDBOX_CELERY_ALWAYS_EAGER": "0"},
        log_path=tmp_path / "ecommerce.log",
    ) as ecommerce_root, chromium() as browser:
        context = browser.new_context()
        context.add_cookies([
            session_cookie(user, ecommerce_root),
            {"name": "sessionid", "value": lms_database["sessions"][lms_learner], "url": lms_root},
        ])
        page = context.new_page()
        page.goto(f"{ecommerce_root}/basket/add/?sku=VERI-DEMO")
        page.click("#commerce-pay")
        page.wait_for_selector("#commerce-receipt")
        # No worker is running yet: the order is paid and queued, not fulfilled.
        page.click("#go-to-dashboard")
        page.wait_for_url(f"{lms_root}/dashboard")
        entry = page.locator(f'li[data-course-id="{DEMO_COURSE}"]')
        assert entry.get_attribute("data-enrollment-status") == "pending"
        assert "being processed" in entry.locator(".note").inner_text()
        assert entry.locator("a.course-link").get_attribute("href") is None
        page.evaluate("window.__not_reloaded = true")

        with celery_worker("ecommerce", extra_env={"SANDBOX_LMS_URL_ROOT": lms_root},
                           log_path=tmp_path / "worker.log"):
            page.wait_for_selector(f'li[data-course-id="{DEMO_COURSE}"][data-enrollment-status="active"]',
                                   timeout=60_000)
        assert page.evaluate("window.__not_reloaded") is True
        # The platform's course home: the learning MFE (the sandbox LMS's LEARNING_MICROFRONTEND_URL).
        assert entry.locator("a.course-link").get_attribute("href") == f"http://localhost:2000/course/{DEMO_COURSE}/home"
        assert entry.locator(".note").count() == 0
        # Screen readers hear it: the dashboard's polite live region names the course.
        live = page.locator("[data-pending-live]")
        assert live.get_attribute("aria-live") == "polite"
        assert "is ready." in live.inner_text()
