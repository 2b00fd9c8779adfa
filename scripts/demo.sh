#!/usr/bin/env bash
# The sandbox: migrates and seeds the three hosts, starts them and their celery workers on the
# devstack ports, and prints what to open. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh

ROOT=$(pwd)
PY=$ROOT/.venv/bin/python
VAR=${SANDBOX_VAR_DIR:-$ROOT/sandbox/var}
mkdir -p "$VAR/log"
export SANDBOX_VAR_DIR=$VAR
# Hosts: name port celery-app (empty: no worker)
HOSTS=("lms 18000 lms" "ecommerce 18130 ecommerce" "discovery 18381 -")

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping the sandbox..."
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

for entry in "${HOSTS[@]}"; do
  read -r name port app <<<"$entry"
  echo "[$name] migrating and seeding demo data..."
  (cd "sandbox/$name" && "$PY" manage.py migrate --noinput -v0 && "$PY" manage.py seed_demo)
done

for entry in "${HOSTS[@]}"; do
  read -r name port app <<<"$entry"
  (cd "sandbox/$name" && exec setsid "$PY" manage.py runserver "127.0.0.1:$port" --noreload) \
    >"$VAR/log/$name.log" 2>&1 &
  pids+=($!)
  if [ "$app" != "-" ]; then
    (cd "sandbox/$name" && PYTHONPATH="$ROOT/sandbox/$name:$ROOT/sandbox" \
      exec setsid "$PY" -m celery -A "$app" worker --loglevel INFO --concurrency 1) \
      >"$VAR/log/$name-worker.log" 2>&1 &
    pids+=($!)
  fi
done

for entry in "${HOSTS[@]}"; do
  read -r name port app <<<"$entry"
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://localhost:$port/admin/login/" && break
    sleep 0.5
  done
  curl -fs -o /dev/null "http://localhost:$port/admin/login/" || { echo "[$name] did not start; see $VAR/log/$name.log" >&2; exit 1; }
  if [ "$app" != "-" ]; then
    for _ in $(seq 1 120); do
      grep -q "ready." "$VAR/log/$name-worker.log" 2>/dev/null && break
      sleep 0.5
    done
    grep -q "ready." "$VAR/log/$name-worker.log" || { echo "[$name] worker did not start; see $VAR/log/$name-worker.log" >&2; exit 1; }
  fi
done

cat <<MSG

The sandbox is up (logs in $VAR/log). Demo users: edx/edx (staff), audit/edx, verified/edx, honor/edx, coach/edx.

  LMS          http://localhost:18000/          admin: http://localhost:18000/admin/
  Ecommerce    http://localhost:18130/sandbox/  shop:  http://localhost:18130/   admin: http://localhost:18130/admin/
  Discovery    http://localhost:18381/          admin: http://localhost:18381/admin/
  Workers      lms and ecommerce celery workers (broker: ${CELERY_BROKER_URL:-filesystem transport in $VAR})

Press Ctrl-C to stop.
MSG
wait
