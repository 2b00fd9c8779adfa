#!/usr/bin/env bash
# The ecommerce suite on Otto's libraries: Django 3.2.25, django-oscar 3.2 and Otto's other pins
# (requirements/constraints-otto.txt), in a virtualenv of its own (.venv-otto). The sandbox LMS
# and discovery the tests start keep their own Django (.venv, SANDBOX_<HOST>_PYTHON).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh

PYTHON=${PYTHON_OTTO:-$(command -v python3.12 || command -v python3.11 || command -v python3)}
if [ ! -x .venv-otto/bin/python ]; then
  "$PYTHON" -m venv .venv-otto
fi
stamp=$(cat requirements/*.in requirements/constraints-otto.txt setup.py | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv-otto/.requirements-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "Installing the test requirements on Otto's pins into .venv-otto..."
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check \
    -r requirements/test.in setuptools -c requirements/constraints-otto.txt
  .venv-otto/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$stamp" > .venv-otto/.requirements-stamp
fi

export VENV_BIN=$(pwd)/.venv-otto/bin
export SANDBOX_LMS_PYTHON=$(pwd)/.venv/bin/python SANDBOX_DISCOVERY_PYTHON=$(pwd)/.venv/bin/python
export SANDBOX_VAR_DIR=${SANDBOX_VAR_DIR:-$(pwd)/sandbox/var/test-otto}
export TEST_SUITES="ecommerce_host ecommerce_otto_host" TEST_SERVICES_PASS=${TEST_SERVICES_PASS:-0}
exec ./scripts/run-tests.sh "$@"
