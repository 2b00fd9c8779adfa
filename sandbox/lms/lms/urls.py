"""
URLs of the sandbox LMS: the replicas' upstream paths, then every plugin's urls.
"""
from common.djangoapps.student import views as student_views
from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from edx_django_utils.plugins import get_plugin_url_patterns
from openedx.core.djangoapps.plugins.constants import ProjectType
from openedx.core.djangoapps.user_authn.views import login as login_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/enrollment/v1/", include("openedx.core.djangoapps.enrollments.urls")),
    # The commerce API Otto publishes course modes (prices, SKUs) to.
    path("api/commerce/", include("lms.djangoapps.commerce.api.urls", namespace="commerce_api")),
    path("oauth2/", include("openedx.core.djangoapps.oauth_dispatch.urls")),
    re_path(r"^dashboard/?$", student_views.student_dashboard, name="dashboard"),
    path("api/learner_home/", include("lms.djangoapps.learner_home.urls", namespace="learner_home")),
    # user_authn's urls_common: the MFEs' frontend-platform refreshes its JWT cookies here.
    path("login_refresh", login_views.login_refresh, name="login_refresh"),
    path("api/schema/", SpectacularAPIView.as_view(), name="openapi-schema"),
    path("", include("sandbox_lms.urls")),
]
# Custom courses on edX (CCX) URLs, as upstream's lms/urls.py (5de04bf2fe26d19d6ef6304e6d00fef77f4d55b7): only with the feature on.
if settings.CUSTOM_COURSES_EDX:
    urlpatterns.append(path("api/ccx/", include("lms.djangoapps.ccx.api.urls", namespace="ccx_api")))
urlpatterns.extend(get_plugin_url_patterns(ProjectType.LMS))
# The plugins' static files (e.g. the dashboard's pending-enrollments script); only with DEBUG, as runserver.
urlpatterns.extend(staticfiles_urlpatterns())
