#!/usr/bin/env bash
# PII annotations on every model of our plugins, checked inside each host the way Open edX runs
# code_annotations: lint the annotations and require 100% coverage of each plugin app.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${VENV_BIN:-$ROOT/.venv/bin}
status=0
check_host() {
  local host=$1 settings=$2 prefix=$3
  local labels
  labels=$(cd "sandbox/$host" && DJANGO_SETTINGS_MODULE=$settings PYTHONPATH="$ROOT/sandbox/$host:$ROOT/sandbox" \
    "$BIN/python" -c "
import django; django.setup()
from django.apps import apps
print(' '.join(c.label for c in apps.get_app_configs() if c.name.startswith('$prefix') and list(c.get_models())))")
  for label in $labels; do
    echo "== $host: $label"
    DJANGO_SETTINGS_MODULE=$settings PYTHONPATH="$ROOT/sandbox/$host:$ROOT/sandbox" \
      "$BIN/code_annotations" django_find_annotations --config_file .pii_annotations.yml \
      --lint --report --coverage --app_name "$label" --report_path "sandbox/var/pii_report/$host" || status=1
  done
}
check_host lms lms.envs.test lms_plugin
check_host ecommerce ecommerce.settings.test ecommerce_plugin
check_host discovery course_discovery.settings.test discovery_plugin
exit $status
