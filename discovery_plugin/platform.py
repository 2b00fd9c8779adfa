"""
The one module of the discovery plugin that imports course-discovery.

Every upstream model, admin class and URL module the plugin uses is reached here by
its upstream import path (openedx/course-discovery, checked at
e519c2834f2dcd89cda9b82656ac99369eb9ca1b). Upstream's ``Mode``, ``Track``,
``CourseRunType``, ``CourseType``, ``SeatType`` and the ``Course.type`` /
``CourseRun.type`` foreign keys are the only record of course types; the plugin
keeps none of its own. Lookups by course key are scoped by partner, as upstream's
uniqueness is ``(partner, key, draft)``.
"""
import importlib.util

from django.db.models import Prefetch

# The last upstream migration that creates or seeds type rows (upstream's "Verified Only"
# types); the plugin's seeds run after it so that they only add what upstream lacks.
LAST_TYPE_MIGRATION = ("course_metadata", "0324_add_verified_only_course_type")

# Upstream migrations at which Course, CourseRun, SeatType and CourseEntitlement all exist,
# newest first: course-discovery's own, then the sandbox replica's. Only the plugin's first
# (historical) migration uses this.
_COURSE_METADATA_MIGRATIONS = ("0204_auto_20191015_1955", "0001_initial")


def course_metadata_migration_dependency():
    """
    The host migration the plugin's first, historical migration depends on.
    """
    for name in _COURSE_METADATA_MIGRATIONS:
        try:
            found = importlib.util.find_spec(f"course_discovery.apps.course_metadata.migrations.{name}")
        except ModuleNotFoundError:
            found = None
        if found:
            return ("course_metadata", name)
    return ("course_metadata", "__first__")


def models():
    """
    Upstream's ``course_metadata.models`` module (Mode, Track, CourseRunType, CourseType, SeatType, Course, ...).
    """
    from course_discovery.apps.course_metadata import models as course_metadata  # pylint: disable=import-outside-toplevel

    return course_metadata


def partner_model():
    from course_discovery.apps.core.models import Partner  # pylint: disable=import-outside-toplevel

    return Partner


def host_urlpatterns():
    """
    course-discovery's own URL patterns (``course_discovery.urls``), for the plugin's wrapping URL module.
    """
    from course_discovery import urls  # pylint: disable=import-outside-toplevel

    return list(urls.urlpatterns)


def admin_module():
    """
    Upstream's ``course_metadata.admin``; importing it registers upstream's admin classes.
    """
    from course_discovery.apps.course_metadata import admin  # pylint: disable=import-outside-toplevel

    return admin


def is_course_discovery():
    """
    Whether the running host is course-discovery (its ``course_metadata`` app has the type models).
    """
    try:
        course_metadata = models()
    except ImportError:
        return False
    return all(hasattr(course_metadata, name) for name in ("Mode", "Track", "CourseRunType", "CourseType"))


# --- reads ------------------------------------------------------------------------------------


def partner_for_site(site):
    """
    The partner of ``site`` (upstream binds one partner to one site), or None.
    """
    return partner_model().objects.filter(site=site).first()


def tracks():
    return models().Track.objects.select_related("mode", "seat_type").order_by("id")


def run_types():
    """
    Upstream's course run types with their tracks, modes and seat types, in 2 queries.
    """
    return models().CourseRunType.objects.order_by("id").prefetch_related(Prefetch("tracks", queryset=tracks()))


def course_types():
    """
    Upstream's course types with entitlement types and run types (and their tracks), in 4 queries.
    """
    return models().CourseType.objects.order_by("id").prefetch_related(
        "entitlement_types", Prefetch("course_run_types", queryset=run_types())
    )


def courses_of_partner(partner):
    """
    The partner's published courses (upstream's ``objects`` manager hides drafts).
    """
    return models().Course.objects.filter(partner=partner)


def course_runs_of_partner(partner):
    """
    The published runs of the partner's courses, with their course joined, in key order.
    """
    return models().CourseRun.objects.filter(course__partner=partner).select_related("course").order_by("key", "id")


def seats_of_runs(course_run_ids):
    """
    ``{course_run_id: [(seat type slug, price), ...]}`` of the seats of many runs (drafts included), in one query.
    """
    seats = {}
    rows = (
        models()
        .Seat.everything.filter(course_run_id__in=course_run_ids)
        .values_list("course_run_id", "type__slug", "price")
    )
    for run_id, slug, price in rows:
        seats.setdefault(run_id, []).append((slug, price))
    return seats
