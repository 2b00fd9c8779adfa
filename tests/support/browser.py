"""
What the browser tests share: Debian's chromium driven by Playwright, a page signed in to this
suite's host by its session cookie, the sandbox LMS seeded for a test module, and screenshots
kept for the docs (``UPDATE_DOCS_SCREENSHOTS=1`` copies each into docs/images/).

Playwright is imported when a browser starts, so a suite without it still collects.
"""
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from support.processes import HOSTS, REPO_ROOT, host_python, host_server, process_env
from support.services import CHROMIUM

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
DOCS_IMAGES = REPO_ROOT / "docs" / "images"


@contextmanager
def chromium():
    """
    A headless chromium. Playwright's sync API keeps an event loop in this thread, so a test that
    also calls the ORM sets ``DJANGO_ALLOW_ASYNC_UNSAFE`` (the suites' ``browser`` fixture does).
    """
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (only the browser tests need it)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def session_cookie(user, url):
    """``user``'s session cookie of this suite's host, for ``url``, as Playwright's ``add_cookies`` takes it."""
    from django.conf import settings  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    web = Client()
    web.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": web.cookies[settings.SESSION_COOKIE_NAME].value, "url": url}


def signed_in_page(browser, user, url, **context):
    """A new page of a new context (``context``: Playwright's options) with ``user`` signed in at ``url``."""
    browser_context = browser.new_context(**context)
    browser_context.add_cookies([session_cookie(user, url)])
    return browser_context.new_page()


def keep_screenshot(target, tmp_path, name, **options):
    """A screenshot of ``target`` (a page or a locator) in ``tmp_path``, copied to the docs on request."""
    path = Path(tmp_path) / name
    target.screenshot(path=str(path), **options)
    if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOCS_IMAGES / name)


@contextmanager
def seeded_lms(tmp_path, seed, extra_env=None):
    """
    The sandbox LMS (gunicorn, its own SQLite database in ``tmp_path``) migrated, then seeded by
    the Python ``seed`` run in its shell; yields its URL. ``extra_env``: more of its environment.
    """
    env = {"DATABASE_URL": "", "SANDBOX_DATABASE_NAME": str(tmp_path / "lms.sqlite3"), **(extra_env or {})}
    run_env = process_env("lms", env)
    for command in (["migrate", "--noinput", "-v0"], ["shell", "-c", seed]):
        subprocess.run([host_python("lms"), "manage.py", *command], cwd=HOSTS["lms"][0], env=run_env, check=True,
                       timeout=300)
    with host_server("lms", extra_env=env, log_path=tmp_path / "lms.log") as url:
        yield url
