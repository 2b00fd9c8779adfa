#!/usr/bin/env bash
# Sets up everything the sandbox and the tests need on a fresh machine, and nothing twice:
# the system libraries mysqlclient builds against, a virtualenv of our own (.venv) with the
# pinned requirements, and the plugins installed editable (so their entry points exist).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
  else
    echo "Please install: $* (needs root and apt-get)" >&2
    return 1
  fi
}

# mysqlclient (the driver Open edX uses) compiles against the MariaDB client headers.
if ! pkg-config --exists mariadb 2>/dev/null && ! pkg-config --exists mysqlclient 2>/dev/null; then
  echo "Installing the MariaDB client headers for mysqlclient..."
  apt_install pkg-config libmariadb-dev
fi
if [ "${WITH_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt_install chromium
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=$(cat requirements/*.txt setup.py | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv/.requirements-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "Installing pinned requirements into .venv..."
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip setuptools wheel
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements/pip-tools.txt -r requirements/quality.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$stamp" > .venv/.requirements-stamp
fi
