"""
Replica of openedx-platform ``common/djangoapps/student/views/dashboard.py`` (``student_dashboard``, subset).

Like upstream, the context is built from the learner's active enrollments and then passed
through the ``DashboardRenderStarted`` filter, whose exceptions redirect, render another
template or return a custom response. Not replicated: programs, entitlements, certificates,
messages, verification and email settings; the template is a small Django template instead of
upstream's Mako ``dashboard.html``.
"""
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.csrf import ensure_csrf_cookie
from openedx_filters.learning.filters import DashboardRenderStarted

from common.djangoapps.student.models import CourseEnrollment


def get_course_enrollments(user, org_allow_list=None, org_block_list=None, course_limit=None):
    """
    The user's active enrollments whose course overview exists, newest first (upstream's helper).
    """
    enrollments = CourseEnrollment.enrollments_for_user(user).select_related("course").order_by("-created")
    if course_limit:
        enrollments = enrollments[:course_limit]
    for enrollment in enrollments:
        if enrollment.course_overview is None:
            continue
        org = enrollment.course_id.org
        if org_allow_list and org not in org_allow_list:
            continue
        if org_block_list and org in org_block_list:
            continue
        yield enrollment


@login_required
@ensure_csrf_cookie
def student_dashboard(request):
    """
    The learner's legacy dashboard: one entry per active enrollment, with its course link.
    """
    user = request.user
    course_enrollments = list(get_course_enrollments(user))
    show_courseware_links_for = {enrollment.course_id: True for enrollment in course_enrollments}
    context = {
        "user": user,
        "course_enrollments": course_enrollments,
        "show_courseware_links_for": show_courseware_links_for,
    }
    try:
        # .. filter_implemented_name: DashboardRenderStarted
        # .. filter_type: org.openedx.learning.dashboard.render.started.v1
        context, template_name = DashboardRenderStarted.run_filter(context=context, template_name="dashboard.html")
    except DashboardRenderStarted.RenderInvalidDashboard as exc:
        response = render(request, exc.dashboard_template, exc.template_context)
    except DashboardRenderStarted.RedirectToPage as exc:
        response = redirect(exc.redirect_to or "/")
    except DashboardRenderStarted.RenderCustomResponse as exc:
        response = exc.response
    else:
        response = render(request, template_name, context)
    return response
