"""
Seed into upstream's tables the types upstream lacks (no-id-professional, masters, SPOC); see ``seeds.py``.

Runs after upstream's last type migration so it sees every row upstream seeds.
Existing rows, an operator's included, are never changed. Reversing removes nothing:
by then courses may use the seeded types, and upstream's foreign keys cascade.
"""
from django.db import migrations

from discovery_plugin import platform
from discovery_plugin.course_types.seeds import seed_missing_types


def seed(apps, schema_editor):  # pylint: disable=unused-argument
    seed_missing_types(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("commerce_course_types", "0002_seed_default_types"),
        platform.LAST_TYPE_MIGRATION,
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
