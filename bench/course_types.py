"""
Derivation time of course types per 10,000 runs, on a temporary SQLite database with the discovery test settings.

    .venv/bin/python bench/course_types.py [--runs 10000]

Creates the runs (over courses of 10 runs, typed on upstream's ``Course.type`` /
``CourseRun.type`` round-robin across the run types their course type allows), then
times: the bulk derivation the list API uses (``requirements_of_runs``), one-run
derivations (``course_run_requirements``) and the audit of the whole catalog. Prints
seconds per 10,000 runs and queries used.
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
    partner, run_keys = _catalog(args.runs)

    from discovery_plugin.course_types import api  # pylint: disable=import-outside-toplevel
    from discovery_plugin.course_types.audit import audit  # pylint: disable=import-outside-toplevel

    per = 10_000 / args.runs
    print(f"course types derivation, {args.runs} runs, SQLite ({os.environ['SANDBOX_DATABASE_NAME']})")

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        derived = api.requirements_of_runs(api.course_runs(partner))
        elapsed = time.perf_counter() - started
    assert len(derived) == args.runs
    print(f"  bulk (list API path):     {elapsed * per:8.3f} s per 10,000 runs, {queries.count} queries in all")

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        for key in run_keys:
            api.course_run_requirements(partner, key)
        elapsed = time.perf_counter() - started
    print(
        f"  one run at a time:        {elapsed * per:8.3f} s per 10,000 runs, "
        f"{queries.count / args.runs:.1f} queries per run"
    )

    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        findings = audit()
        elapsed = time.perf_counter() - started
    print(
        f"  audit of the catalog:     {elapsed * per:8.3f} s per 10,000 runs, {queries.count} queries in all, "
        f"{len(findings)} findings"
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
    from course_discovery.apps.course_metadata.models import (  # pylint: disable=import-outside-toplevel
        Course,
        CourseRun,
        CourseType,
    )
    from django.contrib.sites.models import Site  # pylint: disable=import-outside-toplevel

    partner = Partner.objects.create(name="Bench", short_code="bench", site=Site.objects.get(pk=1))
    course_types = [
        course_type
        for course_type in CourseType.objects.prefetch_related("course_run_types").exclude(slug="empty")
        if course_type.course_run_types.all()
    ]
    courses = Course.objects.bulk_create(
        Course(partner=partner, key=f"BenchX+C{i}", title=f"Bench {i}", type=course_types[i % len(course_types)])
        for i in range((run_count + 9) // 10)
    )
    runs = []
    for i in range(run_count):
        course = courses[i // 10]
        allowed = list(course.type.course_run_types.all())
        runs.append(CourseRun(course=course, key=f"course-v1:BenchX+C{i // 10}+R{i}", type=allowed[i % len(allowed)]))
    CourseRun.objects.bulk_create(runs, batch_size=1000)
    return partner, [run.key for run in runs]


if __name__ == "__main__":
    main()
