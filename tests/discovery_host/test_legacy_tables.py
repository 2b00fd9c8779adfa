"""
The move off the plugin's former type tables: copy by slug onto upstream's foreign keys, report conflicts, then drop.
"""
from io import StringIO

import pytest
from course_discovery.apps.core.models import Partner
from course_discovery.apps.course_metadata.models import Course, CourseRun, CourseRunType, CourseType
from django.contrib.sites.models import Site
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from discovery_plugin.course_types import legacy

APP = "commerce_course_types"
BEFORE = [(APP, "0003_seed_missing_upstream_types")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _old_rows():
    """
    Courses and runs as the former plugin typed them, in its own tables (read through the historical models).
    """
    old_apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    OldCourseType = old_apps.get_model(APP, "CourseType")
    OldRunType = old_apps.get_model(APP, "CourseRunType")
    partner = Partner.objects.create(name="Legacy", short_code="legacy", site=Site.objects.get(pk=1))
    empty = CourseType.objects.get(slug="empty")
    untyped = Course.objects.create(partner=partner, key="LegacyX+Untyped", type=None)
    emptied = Course.objects.create(partner=partner, key="LegacyX+Empty", type=empty)
    conflicting = Course.objects.create(partner=partner, key="LegacyX+Conflict", type=CourseType.objects.get(slug="honor"))
    run = CourseRun.objects.create(course=untyped, key="course-v1:LegacyX+Untyped+1", type=None)
    # Reversing the drop recreates the tables empty: the former seeds are written again by hand.
    old_course_type = OldCourseType.objects.create(slug="masters-verified-audit", name="Masters, Verified, and Audit")
    old_run_type = OldRunType.objects.create(slug="masters-audit", name="Masters and Audit")
    for course in (untyped, emptied, conflicting):
        old_apps.get_model(APP, "CourseTypeAssignment").objects.create(course_id=course.pk, course_type=old_course_type)
    old_apps.get_model(APP, "CourseRunTypeAssignment").objects.create(course_run_id=run.pk, course_run_type=old_run_type)
    return untyped, emptied, conflicting, run


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_tables_are_copied_by_slug_then_dropped():
    _migrate(BEFORE)
    try:
        untyped, emptied, conflicting, run = _old_rows()

        # The drop refuses while an assignment could still be copied, and changes nothing.
        with pytest.raises(RuntimeError, match="copy_course_type_assignments"):
            _migrate(_latest())
        assert legacy.COURSE_ASSIGNMENTS in connection.introspection.table_names()

        out = StringIO()
        call_command("copy_course_type_assignments", stdout=out)

        report = out.getvalue()
        assert "conflict\tcourse LegacyX+Conflict\tplugin: masters-verified-audit\tupstream: honor" in report
        assert "copy_course_type_assignments: 1 conflict, 3 copied." in report
        assert Course.objects.get(pk=untyped.pk).type.slug == "masters-verified-audit"
        assert Course.objects.get(pk=emptied.pk).type.slug == "masters-verified-audit"
        assert Course.objects.get(pk=conflicting.pk).type.slug == "honor"  # upstream's value wins
        assert CourseRun.objects.get(pk=run.pk).type == CourseRunType.objects.get(slug="masters-audit")

        _migrate(_latest())
        tables = connection.introspection.table_names()
        assert not [table for table in tables if table.startswith("commerce_course_types_")]
    finally:
        _migrate(_latest())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dry_run_writes_nothing():
    _migrate(BEFORE)
    try:
        untyped, *_ = _old_rows()
        out = StringIO()

        call_command("copy_course_type_assignments", "--dry-run", stdout=out)

        assert "copy_course_type_assignments: dry run, 1 conflict, 3 copy." in out.getvalue()
        assert Course.objects.get(pk=untyped.pk).type is None
    finally:
        call_command("copy_course_type_assignments", stdout=StringIO())
        _migrate(_latest())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_slug_upstream_has_no_type_for_fails_the_run_after_the_others_are_copied():
    _migrate(BEFORE)
    try:
        untyped, *_ = _old_rows()
        old_apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        retired = old_apps.get_model(APP, "CourseType").objects.create(slug="retired-type", name="Retired")
        orphan = Course.objects.create(partner=untyped.partner, key="LegacyX+Retired", type=None)
        old_apps.get_model(APP, "CourseTypeAssignment").objects.create(course_id=orphan.pk, course_type=retired)
        out = StringIO()

        with pytest.raises(CommandError, match=r"no type with the slug retired-type \(1 assignments\)"):
            call_command("copy_course_type_assignments", stdout=out)

        assert "missing_type\tcourse LegacyX+Retired\tplugin: retired-type\tupstream: -" in out.getvalue()
        assert "copy_course_type_assignments: 1 conflict, 3 copied, 1 missing_type." in out.getvalue()
        assert Course.objects.get(pk=untyped.pk).type.slug == "masters-verified-audit"
        assert Course.objects.get(pk=orphan.pk).type is None
    finally:
        legacy.copy(connection)
        _migrate(_latest())


@pytest.mark.django_db
def test_the_copy_command_is_a_no_op_once_the_tables_are_gone():
    out = StringIO()

    call_command("copy_course_type_assignments", stdout=out)

    assert out.getvalue().strip() == "copy_course_type_assignments: no former assignments."


@pytest.mark.django_db
def test_the_installation_checks_pass_and_name_a_missing_feature_app():
    from discovery_plugin.apps import check_installation

    assert check_installation() == []
    # With the database checks, as `manage.py check --database default` runs them (W036 is one).
    assert not [m for m in checks.run_checks(databases=["default"]) if m.level >= checks.WARNING]

    from django.apps import apps

    with apps_without("discovery_plugin.course_types", apps):
        found = check_installation()
    assert [message.id for message in found] == ["commerce_discovery.E002"]
    assert "EXTRA_APPS" in found[0].hint


class apps_without:
    """
    Make ``apps.is_installed(name)`` answer False for one app, without unloading it.
    """

    def __init__(self, name, registry):
        self.name, self.registry = name, registry

    def __enter__(self):
        self.original = self.registry.is_installed
        self.registry.is_installed = lambda app: app != self.name and self.original(app)

    def __exit__(self, *exc):
        self.registry.is_installed = self.original
