"""
The move off the plugin's former type tables onto upstream's ``Course.type`` / ``CourseRun.type``.

Earlier versions kept their own Mode/Track/CourseRunType/CourseType copies and
assigned types in ``commerce_course_types_coursetypeassignment`` and
``..._courseruntypeassignment``. Those tables are read here with plain SQL (their
models are gone) and each assignment is matched to upstream's type of the same slug:

* ``copy``: upstream's type is unset or Empty and a type with the slug exists: copy it;
* ``same``: upstream already has that type;
* ``conflict``: upstream has another, non-Empty type: upstream's is kept and reported;
* ``missing_type``: upstream has no type with the slug: nothing to copy it to; reported.

Migration ``0004`` refuses to drop the tables while a ``copy`` remains.
"""
from dataclasses import dataclass

from discovery_plugin import platform

COURSE_ASSIGNMENTS = "commerce_course_types_coursetypeassignment"
COURSE_TYPES = "commerce_course_types_coursetype"
RUN_ASSIGNMENTS = "commerce_course_types_courseruntypeassignment"
RUN_TYPES = "commerce_course_types_courseruntype"


@dataclass(frozen=True)
class Outcome:
    kind: str  # "course" or "course run"
    row_id: int
    key: str
    old_slug: str
    upstream_slug: str | None
    status: str  # copy, same, conflict, missing_type


def _rows(connection, assignments, types, column, type_column):
    if assignments not in connection.introspection.table_names():
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.{quote(column)}, t.{quote('slug')} FROM {quote(assignments)} a "  # noqa: S608
            f"JOIN {quote(types)} t ON t.{quote('id')} = a.{quote(type_column)} ORDER BY a.{quote('id')}"
        )
        return cursor.fetchall()


def plan(connection):
    """
    Every former assignment and what copying it would do, courses first.
    """
    models = platform.models()
    outcomes = []
    for kind, model, type_model, rows in (
        ("course", models.Course, models.CourseType,
         _rows(connection, COURSE_ASSIGNMENTS, COURSE_TYPES, "course_id", "course_type_id")),
        ("course run", models.CourseRun, models.CourseRunType,
         _rows(connection, RUN_ASSIGNMENTS, RUN_TYPES, "course_run_id", "course_run_type_id")),
    ):
        if not rows:
            continue
        rows_by_id = dict(rows)
        current = {
            row["id"]: row
            for row in model.everything.filter(pk__in=rows_by_id).values("id", "key", "type__slug")
        }
        known = set(type_model.objects.filter(slug__in=set(rows_by_id.values())).values_list("slug", flat=True))
        for row_id, old_slug in rows:
            row = current.get(row_id)
            if row is None:
                continue
            upstream_slug = row["type__slug"]
            if upstream_slug == old_slug:
                status = "same"
            elif old_slug not in known:
                status = "missing_type"
            elif upstream_slug in (None, "empty"):
                status = "copy"
            else:
                status = "conflict"
            outcomes.append(Outcome(kind, row_id, row["key"], old_slug, upstream_slug, status))
    return outcomes


def copy(connection):
    """
    Copy every ``copy`` outcome onto upstream's foreign key; return all outcomes (the copied ones now ``same``).

    A plain ``update()``: the rows get exactly the type they had in the plugin, and the
    audit then judges them like any other.
    """
    models = platform.models()
    outcomes = plan(connection)
    done = []
    for outcome in outcomes:
        if outcome.status != "copy":
            done.append(outcome)
            continue
        model, type_model = (
            (models.Course, models.CourseType) if outcome.kind == "course" else (models.CourseRun, models.CourseRunType)
        )
        model.everything.filter(pk=outcome.row_id).update(type=type_model.objects.get(slug=outcome.old_slug))
        done.append(Outcome(outcome.kind, outcome.row_id, outcome.key, outcome.old_slug, outcome.old_slug, "copied"))
    return done

