"""
Guards that hold the rules even when code bypasses forms and the API.

``pre_delete`` refuses to delete a type in use (it fires for queryset deletes too);
``m2m_changed`` refuses ``run_type.tracks.add(...)`` that would put a professional
track beside another, and ``course_type.course_run_types.remove(...)`` of a run
type its courses' runs still use. Only rules that no intermediate step of a
``set()`` can break are guarded here; the full rules run in forms, serializers and
``api.py`` before anything is saved.
"""
from django.db.models.signals import m2m_changed, pre_delete
from django.dispatch import receiver

from discovery_plugin.course_types import errors, rules
from discovery_plugin.course_types.models import (
    CourseRunType,
    CourseRunTypeAssignment,
    CourseType,
    Mode,
    Track,
)


@receiver(pre_delete, sender=Mode)
@receiver(pre_delete, sender=Track)
@receiver(pre_delete, sender=CourseRunType)
@receiver(pre_delete, sender=CourseType)
def refuse_to_delete_a_type_in_use(sender, instance, **kwargs):  # pylint: disable=unused-argument
    rules.raise_for(rules.deletion_violations(instance))


@receiver(m2m_changed, sender=CourseRunType.tracks.through)
def keep_professional_tracks_alone(sender, instance, action, reverse, pk_set, **kwargs):  # pylint: disable=unused-argument
    if action != "pre_add" or not pk_set:
        return
    if reverse:
        # track.course_run_types.add(run_type, ...)
        track = instance
        for run_type in CourseRunType.objects.filter(pk__in=pk_set):
            rules.raise_for(rules.track_addition_violations(run_type, [track]))
    else:
        added = Track.objects.filter(pk__in=pk_set).exclude(course_run_types=instance).select_related("mode")
        rules.raise_for(rules.track_addition_violations(instance, added))


@receiver(m2m_changed, sender=CourseType.course_run_types.through)
def keep_used_run_types_allowed(sender, instance, action, reverse, pk_set, **kwargs):  # pylint: disable=unused-argument
    if action not in ("pre_remove", "pre_clear"):
        return
    if reverse:
        pairs = [(course_type, instance) for course_type in _course_types(instance, pk_set)]
    else:
        run_types = instance.course_run_types.all() if pk_set is None else CourseRunType.objects.filter(pk__in=pk_set)
        pairs = [(instance, run_type) for run_type in run_types]
    for course_type, run_type in pairs:
        runs = CourseRunTypeAssignment.objects.filter(
            course_run_type=run_type, course_run__course__commerce_course_type__course_type=course_type
        ).select_related("course_run")
        keys = [assignment.course_run.key for assignment in runs[:10]]
        if keys:
            rules.raise_for(
                [
                    rules.Violation(
                        errors.TYPE_IN_USE,
                        f"Runs {', '.join(keys)} of {course_type.name} courses are {run_type.name}; "
                        f"it must stay allowed.",
                        "course_run_types",
                    )
                ]
            )


def _course_types(run_type, pk_set):
    if pk_set is None:
        return list(run_type.course_types.all())
    return list(CourseType.objects.filter(pk__in=pk_set))
