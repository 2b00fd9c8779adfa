#!/usr/bin/env bash
# The ecommerce suite on Otto's libraries: Django 3.2.25, django-oscar 3.2 and Otto's other pins
# (requirements/constraints-otto.txt), in a virtualenv of its own (.venv-otto). The sandbox LMS
# and discovery the tests start keep their own Django (.venv, SANDBOX_<HOST>_PYTHON).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh

# Otto's image runs Python 3.12 (3.11 also supported). A pyenv shim answers `command -v` for a
# version it does not have selected and then fails, so each candidate is tried by running it.
pick_python() {
  local candidate
  for candidate in python3.12 "$(pyenv root 2>/dev/null)"/versions/3.12*/bin/python3.12 python3.11 python3; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "No Python 3.12 or 3.11 here (Otto's stack needs one; set PYTHON_OTTO)." >&2
  return 1
}
PYTHON=${PYTHON_OTTO:-$(pick_python)}
if [ ! -x .venv-otto/bin/python ]; then
  "$PYTHON" -m venv .venv-otto
fi
stamp=$(cat requirements/*.in requirements/constraints-otto.txt setup.py | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv-otto/.requirements-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "Installing the test requirements on Otto's pins into .venv-otto..."
  # wheel: the editable install builds without isolation, and the setuptools Otto pins (70.0) has no
  # bdist_wheel of its own.
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check --upgrade pip wheel
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check \
    -r requirements/test.in setuptools -c requirements/constraints-otto.txt
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$stamp" > .venv-otto/.requirements-stamp
fi

export VENV_BIN=$(pwd)/.venv-otto/bin
export SANDBOX_LMS_PYTHON=$(pwd)/.venv/bin/python SANDBOX_DISCOVERY_PYTHON=$(pwd)/.venv/bin/python
export SANDBOX_VAR_DIR=${SANDBOX_VAR_DIR:-$(pwd)/sandbox/var/test-otto}
# The MariaDB/Redis pass too under CI=true (about 2 of the pass's 8 minutes); TEST_SERVICES_PASS=1
# asks for it elsewhere.
if [ "${CI:-}" = true ]; then services_default=1; else services_default=0; fi
export TEST_SUITES="ecommerce_host ecommerce_otto_host" TEST_SERVICES_PASS=${TEST_SERVICES_PASS:-$services_default}
exec ./scripts/run-tests.sh "$@"
