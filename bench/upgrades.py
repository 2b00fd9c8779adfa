"""
CCX upgrades: queries per upgrade checkout (by number of modules) and the groomer's throughput
over 10,000 purchases against the sandbox LMS.

    .venv/bin/python bench/upgrades.py
    DATABASE_URL=mysql://root@127.0.0.1:3306/bench .venv/bin/python bench/upgrades.py   # ecommerce on MariaDB

Runs in the sandbox ecommerce service against a throw-away test database. Part 1 pays upgrade
baskets of 1 to 6 modules through ``checkout.api.place_order`` and counts the queries of each.
Part 2 starts the sandbox LMS under gunicorn on its own SQLite file (migrated and seeded by
subprocesses), writes N paid purchases that have no CCX yet (a lost-task backlog), and times
``groom_ccx_purchases``: for each purchase a GET by external id, then a PUT that creates the CCX.
``UPGRADES_BENCH_N`` (default 10000), ``UPGRADES_BENCH_WORKERS`` (groomer threads, default 4),
``UPGRADES_BENCH_LMS_WORKERS`` (gunicorn workers, default 2).
"""
import os
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "sandbox" / "ecommerce"), str(ROOT / "sandbox"), str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecommerce.settings.test")
os.environ.setdefault("SANDBOX_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from edx_django_utils.cache import TieredCache  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from ecommerce_plugin.ccx_purchases import api, tasks  # noqa: E402
from ecommerce_plugin.ccx_purchases.data import SyncState  # noqa: E402
from ecommerce_plugin.ccx_purchases.models import (  # noqa: E402
    CcxBasketLine,
    CcxCourse,
    CcxPurchase,
    CcxPurchaseChange,
)
from ecommerce_plugin.checkout import api as checkout_api  # noqa: E402
from support.processes import HOSTS, host_server, process_env  # noqa: E402

Partner = get_model("partner", "Partner")
MASTER = "course-v1:edX+CCX101+2026"
N = int(os.environ.get("UPGRADES_BENCH_N", "10000"))
WORKERS = int(os.environ.get("UPGRADES_BENCH_WORKERS", "4"))
LMS_WORKERS = int(os.environ.get("UPGRADES_BENCH_LMS_WORKERS", "2"))
CARD = {"card_number": "4111111111111111"}


def module(n):
    return f"block-v1:edX+CCX101+2026+type@chapter+block@module_{n}"


def setup_catalogue():
    partner, _ = Partner.objects.get_or_create(code="edx", defaults={"name": "edX"})
    api.create_or_update_ccx_course(
        partner=partner, master_course_key=MASTER, title="Commerce for Custom Courses 101",
        modules=[(module(n), f"Module {n}", Decimal("5.00")) for n in range(1, 7)],
    )
    return get_user_model().objects.create_user("coach", "coach@example.com", "edx")


def queries_per_upgrade_checkout(coach):
    print("Queries per upgrade checkout (place_order of a basket with one upgrade line; includes the eager")
    print("fulfillment task that runs on commit):")
    for count in range(1, 7):
        added = api.add_purchase_to_basket(coach, MASTER, [module(1)], 5, display_name=f"bench {count}")
        checkout_api.place_order(coach, added.basket_id, CARD)
        bought = api.purchases_for(coach, MASTER)[-1]
        modules = [module(n) for n in range(1, count + 1)]
        added = api.add_upgrade_to_basket(coach, bought.external_id, modules, 6)
        with CaptureQueriesContext(connection) as captured:
            checkout_api.place_order(coach, added.basket_id, CARD)
        print(f"  {count} module(s): {len(captured.captured_queries)} queries")


def lms_database(directory):
    path = Path(directory) / "lms.sqlite3"
    env = process_env("lms", {"SANDBOX_DATABASE_NAME": str(path), "DATABASE_URL": ""})
    for command in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=HOSTS["lms"][0], env=env, check=True,
                       capture_output=True)
    return path


def backlog(coach, count):
    """``count`` paid purchases with no CCX, as a broker outage would leave them."""
    course = CcxCourse.objects.get(master_course_key=MASTER)
    CcxBasketLine.objects.all().delete()
    CcxPurchaseChange.objects.all().delete()
    CcxPurchase.objects.all().delete()  # part 1's purchases: the backlog is exactly N
    CcxPurchase.objects.bulk_create(
        [
            CcxPurchase(
                user=coach, course=course, external_id=uuid.uuid4(), display_name=f"Backlog {i}",
                modules=[module(n) for n in range(1, 1 + (i % 6) + 1)], seats=10 + i % 90,
                amount_paid=Decimal("50.00"), version=1, sync_state=SyncState.PENDING,
            )
            for i in range(count)
        ],
        batch_size=1000,
    )


def groomer_throughput(coach):
    with tempfile.TemporaryDirectory() as directory:
        print(f"Groomer over {N} purchases with no CCX, sandbox LMS (gunicorn x{LMS_WORKERS}, SQLite), "
              f"{WORKERS} groomer threads:")
        database = lms_database(directory)
        extra = {"SANDBOX_DATABASE_NAME": str(database), "DATABASE_URL": "", "SANDBOX_LOG_LEVEL": "WARNING"}
        with host_server("lms", extra_env=extra, workers=LMS_WORKERS, log_path=Path(directory) / "lms.log") as url:
            TieredCache.dangerous_clear_all_tiers()
            settings.COMMERCE_LMS_URL_ROOT = url
            settings.BACKEND_SERVICE_EDX_OAUTH2_PROVIDER_URL = f"{url}/oauth2"
            backlog(coach, N)
            out = StringIO()
            started = time.monotonic()
            call_command("groom_ccx_purchases", "--workers", str(WORKERS), stdout=out)
            elapsed = time.monotonic() - started
            print("  " + out.getvalue().strip())
            in_sync = CcxPurchase.objects.filter(sync_state=SyncState.IN_SYNC).exclude(ccx_course_id="").count()
            print(f"  {N / elapsed:.1f} purchases/s ({elapsed:.1f}s); in sync afterwards: {in_sync}/{N}")
            out = StringIO()
            started = time.monotonic()
            call_command("groom_ccx_purchases", "--workers", str(WORKERS), "--no-progress", stdout=out)
            print(f"  second run: {out.getvalue().strip()}")


def main():
    tasks.sync_ccx_purchase.delay = lambda *args, **kwargs: None  # part 1 measures the checkout alone
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        coach = setup_catalogue()
        queries_per_upgrade_checkout(coach)
        groomer_throughput(coach)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
