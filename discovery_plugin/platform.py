"""
The one module of the discovery plugin that imports course-discovery.

Every host model and function the plugin uses is reached here, by its upstream
import path (``course_discovery.apps.course_metadata...``). The rest of the plugin
calls these thin functions, so replacing the sandbox replicas with the real service
changes nothing else.
"""
import importlib.util

from django.db.models import Prefetch

# Model labels for the plugin's foreign keys (``app_label.ModelName``); a string
# reference imports nothing at module load.
COURSE_MODEL = "course_metadata.Course"
COURSE_RUN_MODEL = "course_metadata.CourseRun"
SEAT_TYPE_MODEL = "course_metadata.SeatType"

# The openedx-filters filter type fired by EcommerceApiDataLoader.sync_run_seats before it
# writes and deletes a run's seats (see docs/decisions/0007-course-types.rst).
SEAT_SYNC_FILTER_TYPE = "org.openedx.discovery.course_run.seat_sync.requested.v1"

# Upstream migrations at which Course, CourseRun, SeatType and CourseEntitlement all exist,
# newest first: course-discovery's own, then the sandbox replica's.
_COURSE_METADATA_MIGRATIONS = ("0204_auto_20191015_1955", "0001_initial")


def course_metadata_migration_dependency():
    """
    The host migration the plugin's first migration depends on.

    course-discovery reaches the tables we point at long after its ``0001_initial``;
    the replica has them all in ``0001_initial``. Pick the first that exists.
    """
    for name in _COURSE_METADATA_MIGRATIONS:
        try:
            found = importlib.util.find_spec(f"course_discovery.apps.course_metadata.migrations.{name}")
        except ModuleNotFoundError:
            found = None
        if found:
            return ("course_metadata", name)
    return ("course_metadata", "__first__")


def _models():
    from course_discovery.apps.course_metadata import models  # pylint: disable=import-outside-toplevel

    return models


def course_model():
    return _models().Course


def course_run_model():
    return _models().CourseRun


def seat_type_model():
    return _models().SeatType


def seat_model():
    return _models().Seat


def get_course(course_key):
    """
    The published (non-draft) course with ``course_key``; raises ``Course.DoesNotExist``.
    """
    return course_model().objects.get(key=course_key)


def get_course_run(course_run_key):
    """
    The published (non-draft) course run with ``course_run_key``; raises ``CourseRun.DoesNotExist``.
    """
    return course_run_model().objects.select_related("course").get(key=course_run_key)


def course_runs(course_key=None):
    """
    Published course runs, optionally of one course, in a stable order, with their course joined.
    """
    runs = course_run_model().objects.select_related("course").order_by("id")
    if course_key:
        runs = runs.filter(course__key=course_key)
    return runs


def courses_with_seats_and_entitlements():
    """
    Published courses with their published runs, the runs' seats and the courses' entitlements prefetched.
    """
    models = _models()
    return (
        models.Course.objects.order_by("id")
        .prefetch_related(
            Prefetch("course_runs", queryset=models.CourseRun.objects.order_by("key")),
            Prefetch("course_runs__seats", queryset=models.Seat.objects.all()),
            Prefetch("entitlements", queryset=models.CourseEntitlement.objects.select_related("mode")),
        )
    )


def seat_type_slugs_of_run(course_run):
    """
    The seat type slugs of the run's prefetched (or fetched) published seats.
    """
    return {seat.type_id for seat in course_run.seats.all()}


def entitlement_seat_type_slugs_of_course(course):
    """
    The seat type slugs of the course's prefetched (or fetched) published entitlements.
    """
    return {entitlement.mode.slug for entitlement in course.entitlements.all()}


def paid_seat_type_slugs(course_run_id):
    """
    Seat types for which the run already has a paid seat (a product with a price above zero).
    """
    return set(
        seat_model().objects.filter(course_run_id=course_run_id, price__gt=0).values_list("type_id", flat=True)
    )


def paid_seat_type_slugs_by_run(course_run_ids):
    """
    ``{course_run_id: {seat type slug, ...}}`` of the paid seats of many runs, in one query.
    """
    paid = {}
    rows = seat_model().objects.filter(course_run_id__in=course_run_ids, price__gt=0).values_list(
        "course_run_id", "type_id"
    )
    for run_id, slug in rows:
        paid.setdefault(run_id, set()).add(slug)
    return paid


def seat_type_for_product(product):
    """
    The discovery seat type slug of an ecommerce seat product, as the host's seat loader computes it.
    """
    from course_discovery.apps.course_metadata.data_loaders import api  # pylint: disable=import-outside-toplevel

    return api.seat_type_for_product(product)
