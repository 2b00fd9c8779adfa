"""
Remove the plugin's former type and assignment tables: upstream's types are the only record.

Refuses, changing nothing, while an assignment in them could still be copied onto
upstream's ``Course.type`` / ``CourseRun.type`` (``manage.py
copy_course_type_assignments`` does that and reports conflicts). Not reversible:
the tables' content lives on in upstream's foreign keys.
"""
from django.db import migrations

from discovery_plugin.course_types import legacy


def refuse_while_uncopied(apps, schema_editor):  # pylint: disable=unused-argument
    pending = [outcome for outcome in legacy.plan(schema_editor.connection) if outcome.status == "copy"]
    if pending:
        examples = ", ".join(f"{o.kind} {o.key} -> {o.old_slug}" for o in pending[:5])
        raise RuntimeError(
            f"{len(pending)} course type assignments of the plugin's former tables are not on upstream's "
            f"Course.type/CourseRun.type yet ({examples}). Run `manage.py copy_course_type_assignments`, "
            "then migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("commerce_course_types", "0003_seed_missing_upstream_types"),
    ]

    operations = [
        migrations.RunPython(refuse_while_uncopied, migrations.RunPython.noop),
        migrations.DeleteModel(name="CourseRunTypeAssignment"),
        migrations.DeleteModel(name="CourseTypeAssignment"),
        migrations.DeleteModel(name="CourseType"),
        migrations.DeleteModel(name="CourseRunType"),
        migrations.DeleteModel(name="Track"),
        migrations.DeleteModel(name="Mode"),
    ]
