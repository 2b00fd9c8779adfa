"""
Sync CCX upserts by external id: queries per upsert and p50/p95 latency over 1,000 CCXs.

    .venv/bin/python bench/ccx_upsert.py                 # embedded default (SQLite)
    DATABASE_URL=mysql://root@127.0.0.1:3306/bench .venv/bin/python bench/ccx_upsert.py   # MariaDB

Runs in the sandbox LMS against a throw-away test database (created, migrated, seeded,
dropped). Creates N CCXs through ``create_or_update_by_external_id``, then updates each
once by the same external id, and prints the EXPLAIN of the lookup by external id.
``CCX_BENCH_N`` changes N (default 1000).
"""
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "sandbox" / "lms"), str(ROOT / "sandbox"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.envs.test")
os.environ.setdefault("SANDBOX_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lms_plugin.ccx import api  # noqa: E402
from lms_plugin.ccx.models import CcxExternalId  # noqa: E402

N = int(os.environ.get("CCX_BENCH_N", "1000"))
BODY = {
    "master_course_id": "course-v1:edX+CCX101+2026",
    "coach_email": "coach@example.com",
    "max_students_allowed": 25,
    "course_modules": ["block-v1:edX+CCX101+2026+type@chapter+block@module_1"],
}


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run(label, display_name):
    timings, queries = [], []
    for i in range(N):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            api.create_or_update_by_external_id(f"bench-{i:05d}", {**BODY, "display_name": f"{display_name} {i}"})
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
    print(
        f"{label:<7} n={N}  queries/upsert: median {statistics.median(queries):.0f} (max {max(queries)})  "
        f"p50 {percentile(timings, 50):.1f} ms  p95 {percentile(timings, 95):.1f} ms"
    )


def explain_lookup():
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with transaction.atomic(), connection.cursor() as cursor:
        # The exact statement the upsert runs first (SELECT ... FOR UPDATE by external id).
        queryset = CcxExternalId.objects.select_for_update().filter(external_id="bench-00500")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(prefix + sql, params)
        columns = [col[0] for col in cursor.description]
        rows = cursor.fetchall()
    print(f"EXPLAIN ({connection.vendor}) of the lookup by external id:")
    print("  " + " | ".join(columns))
    for row in rows:
        print("  " + " | ".join(str(value) for value in row))


def main():
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        run("create", "Cohort")
        run("update", "Renamed cohort")
        explain_lookup()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
