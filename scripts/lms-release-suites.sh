#!/usr/bin/env bash
# The LMS suite under supported Open edX releases' pins, without tox (what `tox -e lms-<release>`
# does): a virtualenv per release (.venv-lms-<release>, kept between runs), the plugin installed
# from this checkout under requirements/constraints-<release>.txt, `pip check`, the LMS suite.
# Usage: scripts/lms-release-suites.sh sumac master   (CI runs the oldest and the newest).
set -uo pipefail
cd "$(dirname "$0")/.."
declare -A PYTHON=([sumac]=python3.11 [teak]=python3.11 [ulmo]=python3.12 [master]=python3.12)
failed=()

# The interpreter itself, or pyenv's install of that version when pyenv's shim does not select it.
find_python() {
  if "$1" -c "" 2>/dev/null; then echo "$1"; return; fi
  local root
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  ls -d "$root"/versions/"${1#python}"*/bin/"$1" 2>/dev/null | sort -V | tail -1
}

for release in "$@"; do
  python=$(find_python "${PYTHON[$release]:-none}")
  constraints=requirements/constraints-${release}.txt
  if [ -z "$python" ] || [ ! -f "$constraints" ]; then
    echo "Unknown release or no ${PYTHON[$release]:-python} here: ${release}" >&2; failed+=("$release"); continue
  fi
  venv=.venv-lms-${release}
  stamp=$(cat "$constraints" requirements/lms-host.in requirements/base.in setup.py | sha256sum | cut -d' ' -f1)
  echo "=== LMS suite under ${release} (${python}, ${constraints})"
  if [ "$(cat "$venv/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$venv"
    "$python" -m venv "$venv" \
      && "$venv/bin/python" -m pip install -q --disable-pip-version-check setuptools wheel \
      && "$venv/bin/python" -m pip install -q --disable-pip-version-check -c "$constraints" -r requirements/lms-host.in \
      && "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . \
      && echo "$stamp" > "$venv/.stamp" \
      || { failed+=("${release} install"); continue; }
  fi
  "$venv/bin/python" -m pip check || { failed+=("${release} pip check"); continue; }
  (cd tests/lms_host && SANDBOX_VAR_DIR=$(pwd)/../../sandbox/var/test-${release} \
     "../../$venv/bin/python" -m pytest -q -m "not mariadb and not redis and not browser") || failed+=("${release}")
done
if [ ${#failed[@]} -ne 0 ]; then
  printf 'FAILED (LMS releases): %s\n' "${failed[@]}" >&2
  exit 1
fi
