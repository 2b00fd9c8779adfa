"""
Fulfillment throughput and latency: 500 paid orders through 2 ecommerce worker processes
against the sandbox LMS; prints throughput and p50/p95 from payment to active enrollment.

Run it on MariaDB + Redis (SQLite serialises every writer, which is not what is measured):

    DATABASE_URL=mysql://root@127.0.0.1:3306/bench6 CELERY_BROKER_URL=redis://127.0.0.1:6379/7 \\
        .venv/bin/python bench/fulfillment.py [--orders 500] [--rate 10] [--workers 2]

It creates/migrates ``<db>_ecommerce`` and ``<db>_lms``, seeds the demo course and one learner per
order in both, serves the LMS with gunicorn (4 processes), starts one ``celery worker
--concurrency 2`` (2 worker processes) for ecommerce, and pays for the orders at ``--rate`` per
second through the checkout API (``place_order``: charge, Oscar order, ``order_placed`` ->
on-commit enqueue). Latency of an order = the LMS enrollment's creation time minus the moment
``place_order`` returned (same machine clock).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
SANDBOX = REPO / "sandbox"
COURSE = "course-v1:edX+DemoX+Demo_Course"


def host_env(host, **extra):
    root = SANDBOX / host
    settings = {"lms": "lms.envs.sandbox", "ecommerce": "ecommerce.settings.sandbox"}[host]
    env = dict(os.environ, DJANGO_SETTINGS_MODULE=settings, PYTHONUNBUFFERED="1", SANDBOX_LOG_LEVEL="WARNING",
               PYTHONPATH=os.pathsep.join([str(root), str(SANDBOX)]))
    env.update(extra)
    return env


def manage(host, *args, stdin=None):
    subprocess.run([sys.executable, "manage.py", *args], cwd=SANDBOX / host, env=host_env(host), input=stdin,
                   text=True, check=True, stdout=subprocess.DEVNULL)


def create_databases(url):
    import MySQLdb  # noqa: PLC0415

    parsed = urlparse(url)
    name = parsed.path.lstrip("/") or "commerce"
    conn = MySQLdb.connect(host=parsed.hostname, port=parsed.port or 3306, user=parsed.username or "root",
                           passwd=parsed.password or "")
    for host in ("lms", "ecommerce"):
        conn.cursor().execute(f"CREATE DATABASE IF NOT EXISTS `{name}_{host}` CHARACTER SET utf8mb4")
    conn.close()


def free_port():
    import socket  # noqa: PLC0415

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url, timeout=60):
    import requests  # noqa: PLC0415

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError(url)


def lms_enrollment_times(usernames):
    from django.db import connections  # noqa: PLC0415

    # The LMS database is another schema on the same server: read it with a raw query.
    name = connections["default"].settings_dict["NAME"].replace("_ecommerce", "_lms")
    with connections["default"].cursor() as cursor:
        cursor.execute(
            f"SELECT u.username, e.created FROM `{name}`.student_courseenrollment e "  # noqa: S608
            f"JOIN `{name}`.auth_user u ON u.id = e.user_id WHERE e.is_active = 1 AND e.course_id = %s",
            [COURSE],
        )
        rows = cursor.fetchall()
    wanted = set(usernames)
    from datetime import UTC  # noqa: PLC0415

    # MySQL answers naive datetimes in UTC (USE_TZ).
    return {username: created if created.tzinfo else created.replace(tzinfo=UTC)
            for username, created in rows if username in wanted}


def main():  # noqa: PLR0915
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=500)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("mysql") or not os.environ.get("CELERY_BROKER_URL", "").startswith("redis"):
        sys.exit("Set DATABASE_URL=mysql://... and CELERY_BROKER_URL=redis://... (see the docstring).")
    create_databases(url)
    print("migrating and seeding the LMS and ecommerce databases...", flush=True)
    for host in ("lms", "ecommerce"):
        manage(host, "migrate", "--noinput", "-v", "0")
    manage("lms", "seed_demo")
    run = uuid.uuid4().hex[:6]
    usernames = [f"bench{run}n{i}" for i in range(args.orders)]
    manage("lms", "shell", stdin=(
        "from django.contrib.auth import get_user_model\nUser = get_user_model()\n"
        f"User.objects.bulk_create([User(username=n, email=n + '@example.com') for n in {usernames!r}])\n"
    ))

    port = free_port()
    lms_root = f"http://127.0.0.1:{port}"
    log_dir = SANDBOX / "var" / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    lms = subprocess.Popen(  # noqa: SIM115
        [sys.executable, "-m", "gunicorn", "lms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "4"],
        cwd=SANDBOX / "lms", env=host_env("lms"), stdout=open(log_dir / "bench-lms.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT, start_new_session=True,
    )
    worker = None
    try:
        wait_http(f"{lms_root}/admin/login/")
        ecommerce_env = {"SANDBOX_LMS_URL_ROOT": lms_root,
                         "ECOMMERCE_ENV_TOKENS": json.dumps({"COMMERCE_LMS_URL_ROOT": lms_root})}
        os.environ.update(host_env("ecommerce", **ecommerce_env))
        sys.path[:0] = [str(SANDBOX / "ecommerce"), str(SANDBOX)]
        import django  # noqa: PLC0415

        django.setup()
        from decimal import Decimal  # noqa: PLC0415

        from django.contrib.auth import get_user_model  # noqa: PLC0415
        from ecommerce.celery_app import app  # noqa: PLC0415
        from oscar.core.loading import get_model  # noqa: PLC0415

        from ecommerce_plugin.catalog.api import create_or_update_seat  # noqa: PLC0415
        from ecommerce_plugin.checkout import api as checkout  # noqa: PLC0415

        app.control.purge()
        partner, _ = get_model("partner", "Partner").objects.get_or_create(code="edx", defaults={"name": "edX"})
        seat = create_or_update_seat(partner=partner, course_key=COURSE, course_title="Demonstration Course",
                                     certificate_type="verified", price=Decimal("49.00"), sku="BENCH-VERIFIED",
                                     id_verification_required=True)
        User = get_user_model()
        User.objects.bulk_create([User(username=n, email=f"{n}@example.com") for n in usernames])
        users = {user.username: user for user in User.objects.filter(username__in=usernames)}
        baskets = {n: checkout.add_skus_to_basket(users[n], [seat.sku]).id for n in usernames}

        worker = subprocess.Popen(  # noqa: SIM115
            [sys.executable, "-m", "celery", "-A", "ecommerce", "worker", "--loglevel", "WARNING",
             "--concurrency", str(args.workers), "--pool", "prefork", "--without-gossip", "--without-mingle"],
            cwd=SANDBOX / "ecommerce", env=host_env("ecommerce", **ecommerce_env),
            stdout=open(log_dir / "bench-ecommerce-worker.log", "w"), stderr=subprocess.STDOUT,  # noqa: SIM115
            start_new_session=True,
        )
        time.sleep(4)  # worker boot
        print(f"paying for {args.orders} orders at {args.rate}/s, {args.workers} worker processes...", flush=True)
        from django.utils import timezone  # noqa: PLC0415

        paid_at, numbers = {}, {}
        start = time.monotonic()

        def pay(i, name):
            # Paced: order i is paid at start + i / rate; a few threads so a slow payment does not
            # hold back the next one (checkout charges and writes the order, ~0.1-0.2 s here).
            delay = start + i / args.rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            placed = checkout.place_order(users[name], baskets[name], {"card_number": "4242424242424242"})
            paid_at[name] = timezone.now()
            numbers[name] = placed.number

        def close_connection():
            from django.db import connection  # noqa: PLC0415

            connection.close()

        with ThreadPoolExecutor(max_workers=6) as pool:
            futures = [pool.submit(pay, i, name) for i, name in enumerate(usernames)]
            for future in futures:
                future.result()
            for _ in range(6):
                pool.submit(close_connection)
        offered = args.orders / (time.monotonic() - start)
        deadline = time.monotonic() + 300
        done = {}
        while time.monotonic() < deadline:
            done = lms_enrollment_times(usernames)
            if len(done) == len(usernames):
                break
            time.sleep(0.5)
        finished = time.monotonic()
        latencies = sorted((done[n] - paid_at[n]).total_seconds() for n in done)
        order_model = get_model("order", "Order")
        complete = order_model.objects.filter(number__in=numbers.values(), status="Complete").count()
        print(f"orders paid: {args.orders} at {offered:.1f}/s offered; enrolled: {len(done)}; "
              f"orders Complete: {complete}")
        print(f"throughput (payment of the first to enrollment of the last): "
              f"{len(done) / (finished - start):.1f} orders/s (upper bound: offered rate)")
        if latencies:
            q = statistics.quantiles(latencies, n=100)
            print(f"payment -> active enrollment: p50 {statistics.median(latencies):.3f}s  p95 {q[94]:.3f}s  "
                  f"max {latencies[-1]:.3f}s  (goal: p95 < 2 s at 10 orders/s)")
    finally:
        for process in (worker, lms):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, 15)
                process.wait(20)


if __name__ == "__main__":
    main()
