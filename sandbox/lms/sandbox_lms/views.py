"""
Sandbox-only (not a replica): the sandbox LMS's landing page.
"""
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join

LINKS = (
    ("/login", "Sign in (learners: audit, verified, honor / edx)"),
    ("/admin/", "Django admin (staff: edx / edx)"),
    ("/api/schema/", "OpenAPI schema"),
    ("/api/enrollment/v1/enrollment", "Enrollment API v1"),
)


def root(request):  # pylint: disable=unused-argument
    """
    A plain page linking to what the sandbox LMS serves.
    """
    items = format_html_join("", '<li><a href="{}">{}</a></li>', LINKS)
    return HttpResponse(
        format_html(
            "<!doctype html><title>Sandbox LMS</title><h1>Sandbox LMS</h1>"
            "<p>A stand-in for the Open edX LMS, hosting the commerce plugin.</p><ul>{}</ul>",
            items,
        )
    )
