"""
Derivation time of course types per 10,000 runs, on a temporary SQLite database with the discovery test settings.

    .venv/bin/python bench/course_types.py [--runs 10000]

Creates the runs (over courses of 10 runs, typed round-robin across the seeded run
types that their course type allows), then times: the bulk derivation the list API
uses (``course_run_requirements_list``), one-run derivations (``course_run_requirements``),
and the seat-sync plan per run. Prints seconds per 10,000 runs and queries used.
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "sandbox" / "discovery"), str(ROOT / "sandbox"), str(ROOT)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-course-types-")
    os.environ["SANDBOX_DATABASE_NAME"] = str(Path(workdir) / "discovery.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "course_discovery.settings.test"
    os.environ.setdefault("SANDBOX_LOG_LEVEL", "WARNING")

    import django  # pylint: disable=import-outside-toplevel

    django.setup()
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel
    from django.db import connection  # pylint: disable=import-outside-toplevel

    call_command("migrate", verbosity=0)
    run_keys, run_ids = _catalog(args.runs)

    from discovery_plugin.course_types import api  # pylint: disable=import-outside-toplevel

    per = 10_000 / args.runs
    print(f"course types derivation, {args.runs} runs, SQLite ({os.environ['SANDBOX_DATABASE_NAME']})")

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        derived = api.course_run_requirements_list()[:]
        elapsed = time.perf_counter() - started
    assert len(derived) == args.runs
    print(f"  bulk (list API path):     {elapsed * per:8.3f} s per 10,000 runs, {queries.count} queries in all")

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        for key in run_keys:
            api.course_run_requirements(key)
        elapsed = time.perf_counter() - started
    print(
        f"  one run at a time:        {elapsed * per:8.3f} s per 10,000 runs, "
        f"{queries.count / args.runs:.1f} queries per run"
    )

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        for run_id, key in zip(run_ids, run_keys, strict=True):
            api.seat_sync_plan(run_id, key)
        elapsed = time.perf_counter() - started
    print(
        f"  seat-sync plan per run:   {elapsed * per:8.3f} s per 10,000 runs, "
        f"{queries.count / args.runs:.1f} queries per run"
    )
    shutil.rmtree(workdir, ignore_errors=True)


class QueryCounter:
    """
    A ``connection.execute_wrapper`` that counts the queries it lets through.
    """

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _catalog(run_count):
    from course_discovery.apps.core.models import Partner  # pylint: disable=import-outside-toplevel
    from course_discovery.apps.course_metadata.models import Course, CourseRun  # pylint: disable=import-outside-toplevel
    from django.contrib.sites.models import Site  # pylint: disable=import-outside-toplevel

    from discovery_plugin.course_types.models import (  # pylint: disable=import-outside-toplevel
        CourseRunTypeAssignment,
        CourseType,
        CourseTypeAssignment,
    )

    partner = Partner.objects.create(name="Bench", short_code="bench", site=Site.objects.get(pk=1))
    course_types = list(CourseType.objects.prefetch_related("course_run_types").exclude(slug="empty"))
    courses = Course.objects.bulk_create(
        Course(partner=partner, key=f"BenchX+C{i}", title=f"Bench {i}") for i in range((run_count + 9) // 10)
    )
    CourseTypeAssignment.objects.bulk_create(
        CourseTypeAssignment(course=course, course_type=course_types[i % len(course_types)])
        for i, course in enumerate(courses)
    )
    runs = CourseRun.objects.bulk_create(
        CourseRun(course=courses[i // 10], key=f"course-v1:BenchX+C{i // 10}+R{i}") for i in range(run_count)
    )
    assignments = []
    for i, run in enumerate(runs):
        allowed = list(course_types[(i // 10) % len(course_types)].course_run_types.all())
        assignments.append(CourseRunTypeAssignment(course_run=run, course_run_type=allowed[i % len(allowed)]))
    CourseRunTypeAssignment.objects.bulk_create(assignments, batch_size=1000)
    return [run.key for run in runs], [run.pk for run in runs]


if __name__ == "__main__":
    main()
