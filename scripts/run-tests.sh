#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it.
#
# Pass 1 runs every suite on the embedded defaults (SQLite, in-process or filesystem celery).
# Pass 2 runs the tests marked `mariadb` or `redis` against the real services; under CI=true
# a missing service fails the run instead of skipping the pass.
set -uo pipefail
cd "$(dirname "$0")/.."
# tox (or any prepared environment) sets VENV_BIN and skips our own virtualenv.
if [ -z "${VENV_BIN:-}" ]; then
  ./scripts/bootstrap.sh || exit 1
  VENV_BIN=$(pwd)/.venv/bin
fi

MARIADB_URL=${TEST_MARIADB_URL:-mysql://root@127.0.0.1:3306/commerce}
REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}
# TEST_SUITES narrows the run (the Otto-stack pass runs the two ecommerce suites only);
# TEST_SERVICES_PASS=0 leaves out the MariaDB/Redis pass.
read -r -a SUITES <<< "${TEST_SUITES:-lms_host ecommerce_host ecommerce_otto_host discovery_host}"
failed=()

run_suite() {
  local suite=$1; shift
  echo "=== ${suite} $*"
  (cd "tests/${suite}" && "$VENV_BIN/python" -m pytest "$@")
  local rc=$?
  # 5: nothing selected, e.g. a suite with no service tests yet.
  if [ $rc -ne 0 ] && [ $rc -ne 5 ]; then failed+=("${suite} $*"); fi
}

# The learner-dashboard MFE plugin (frontend/learner-dashboard-pending): its unit tests (vitest),
# after `npm ci` from the committed lockfile whenever node_modules was installed from another one.
run_frontend() {
  local package=frontend/learner-dashboard-pending
  echo "=== ${package}"
  if ! command -v npm >/dev/null; then
    echo "npm is not installed (Node.js 20+ is needed for ${package})." >&2
    failed+=("${package}")
    return
  fi
  local lock stamp="${package}/node_modules/.installed-from-lock"
  lock=$(sha256sum "${package}/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock" ]; then
    (cd "$package" && npm ci --no-audit --no-fund) || { failed+=("${package} npm ci"); return; }
    echo "$lock" > "$stamp"
  fi
  (cd "$package" && npm test) || failed+=("${package}")
}

reachable() {
  "$VENV_BIN/python" - "$1" <<'PY'
import socket, sys
from urllib.parse import urlparse
url = urlparse(sys.argv[1])
try:
    socket.create_connection((url.hostname, url.port), timeout=1).close()
except OSError:
    sys.exit(1)
PY
}

unset DATABASE_URL CELERY_BROKER_URL SANDBOX_DATABASE_NAME
export SANDBOX_VAR_DIR=${SANDBOX_VAR_DIR:-$(pwd)/sandbox/var/test}
if [ -z "${TEST_SUITES:-}" ]; then
  run_suite packaging
  # The Tutor plugin rendered by real Tutor (its own virtualenv, .venv-tutor, made on first use).
  run_suite tutor_plugin
  run_frontend
fi
for suite in "${SUITES[@]}"; do
  run_suite "$suite" -m "not mariadb and not redis" "$@"
done

if [ "${TEST_SERVICES_PASS:-1}" = 0 ]; then
  echo "NOTE: the services pass was not asked for (TEST_SERVICES_PASS=0)."
elif reachable "$MARIADB_URL" && reachable "$REDIS_URL"; then
  for suite in "${SUITES[@]}"; do
    DATABASE_URL=$MARIADB_URL CELERY_BROKER_URL=$REDIS_URL run_suite "$suite" -m "mariadb or redis" "$@"
  done
elif [ "${CI:-}" = true ]; then
  echo "CI=true but MariaDB ($MARIADB_URL) or Redis ($REDIS_URL) is not reachable." >&2
  failed+=("services pass")
else
  echo "NOTE: MariaDB or Redis not reachable here; the services pass (tests marked mariadb/redis) did not run."
fi

# The passes on other stacks run from the whole run only (the Otto-stack pass runs this script
# again for its own suites).
if [ -z "${TEST_SUITES:-}" ]; then
  # The LMS plugin under the oldest and the newest supported Open edX release (CI, or on request).
  if [ "${CI:-}" = true ] || [ -n "${LMS_RELEASES:-}" ]; then
    # shellcheck disable=SC2086
    ./scripts/lms-release-suites.sh ${LMS_RELEASES:-sumac master} || failed+=("LMS releases")
  fi
  # The ecommerce suites on Otto's libraries: Django 3.2, django-oscar 3.2, celery 5.4 (CI, or
  # OTTO_STACK=1; `make test-otto` runs it alone).
  if [ "${CI:-}" = true ] || [ "${OTTO_STACK:-}" = 1 ]; then
    ./scripts/otto-stack-tests.sh || failed+=("Otto stack")
  fi
fi

if [ ${#failed[@]} -ne 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "All test passes succeeded."
