"""
The rules, enforced on upstream's own writes (admin, Publisher API, loaders, shell).

* ``pre_delete`` on SeatType, Mode, Track, CourseRunType and CourseType refuses to delete
  one in use: upstream's foreign keys CASCADE, so deleting a run type would delete
  every run of it. It fires for queryset deletes too.
* ``m2m_changed`` on ``CourseRunType.tracks``, ``CourseType.course_run_types`` and
  ``CourseType.entitlement_types`` judges the state a change leaves. ``course_run_types``
  is a sortedm2m field whose ``set()`` always clears, then adds (in one transaction):
  a clear is never judged on its own, the ``post_add`` that follows judges the final
  set. Plain Django ``set()`` removes before it adds, so a removal is judged on what
  remains; an admin form that has judged the whole proposed state marks the instance
  and its ``save_m2m()`` is not judged again step by step.
* ``pre_save`` on Course and CourseRun judges a change of ``type`` (paid seat types kept;
  the course type's allowed run types when ``COMMERCE_DISCOVERY_STRICT_RUN_TYPES``).

A refusal raises ``checks.RuleViolation`` and writes nothing (the statement is never
issued; upstream's Publisher views wrap their writes in a transaction).
"""
from django.db.models.signals import m2m_changed, post_init, post_save, pre_delete, pre_save

from discovery_plugin import platform
from discovery_plugin.course_types import checks, errors, rules

# Set on an instance by an admin form that judged its whole proposed state.
JUDGED = "_commerce_course_types_judged"
# The ``type_id`` an instance was loaded with, to see a change without a query.
LOADED_TYPE = "_commerce_course_types_loaded_type_id"

_models = platform.models()


def refuse_to_delete_a_type_in_use(sender, instance, **kwargs):  # pylint: disable=unused-argument
    checks.raise_for(checks.deletion_violations(instance))


def judge_tracks(sender, instance, action, reverse, pk_set, **kwargs):  # pylint: disable=unused-argument
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # track.courseruntype_set.add(run_type, ...): judge each run type touched.
        run_types = (
            _models.CourseRunType.objects.filter(pk__in=pk_set) if pk_set else _models.CourseRunType.objects.none()
        )
    else:
        if getattr(instance, JUDGED, False):
            return
        run_types = [instance]
    for run_type in run_types:
        checks.raise_for(checks.run_type_violations(run_type, run_type.tracks.select_related("mode", "seat_type")))


def judge_course_run_types(sender, instance, action, reverse, pk_set, **kwargs):  # pylint: disable=unused-argument
    # sortedm2m's set() is clear() then add(): post_clear is a step, post_add the final state.
    if action not in ("post_add", "post_remove"):
        return
    if reverse:
        course_types = _models.CourseType.objects.filter(pk__in=pk_set or ())
    else:
        if getattr(instance, JUDGED, False):
            return
        course_types = [instance]
    for course_type in course_types:
        checks.raise_for(
            checks.course_type_violations(
                course_type, list(course_type.course_run_types.all()), list(course_type.entitlement_types.all())
            )
        )


def judge_entitlement_types(sender, instance, action, reverse, pk_set, **kwargs):  # pylint: disable=unused-argument
    # Only "at most one" is judged here: whether a track sells it can hold only once the run
    # types are set, which code may do after the entitlement types; forms and the audit judge it.
    if action != "post_add" or reverse or getattr(instance, JUDGED, False):
        return
    facts = checks.course_type_facts(instance, run_types=[])
    checks.raise_for(v for v in rules.entitlement_violations(facts) if v.code == errors.TOO_MANY_ENTITLEMENT_TYPES)


def remember_loaded_type(sender, instance, **kwargs):  # pylint: disable=unused-argument
    if "type_id" in instance.__dict__:
        setattr(instance, LOADED_TYPE, instance.__dict__["type_id"])


def _type_changed(sender, instance):
    if instance.type_id is None:
        return False
    if instance.pk is None or instance._state.adding:  # pylint: disable=protected-access
        return True
    if hasattr(instance, LOADED_TYPE):
        return getattr(instance, LOADED_TYPE) != instance.type_id
    return sender.everything.filter(pk=instance.pk).values_list("type_id", flat=True).first() != instance.type_id


def judge_course_run_type_change(sender, instance, raw=False, **kwargs):  # pylint: disable=unused-argument
    if raw or getattr(instance, JUDGED, False) or not _type_changed(sender, instance):
        return
    checks.raise_for(checks.course_run_type_change_violations(instance, instance.type))


def judge_course_type_change(sender, instance, raw=False, **kwargs):  # pylint: disable=unused-argument
    if raw or getattr(instance, JUDGED, False) or not _type_changed(sender, instance):
        return
    checks.raise_for(checks.course_type_change_violations(instance, instance.type))


def remember_saved_type(sender, instance, **kwargs):  # pylint: disable=unused-argument
    # The saved type is the one the next save compares with.
    remember_loaded_type(sender, instance)


for _model in (_models.SeatType, _models.Mode, _models.Track, _models.CourseRunType, _models.CourseType):
    pre_delete.connect(
        refuse_to_delete_a_type_in_use, sender=_model, dispatch_uid=f"commerce_types_delete_{_model.__name__}"
    )
m2m_changed.connect(judge_tracks, sender=_models.CourseRunType.tracks.through, dispatch_uid="commerce_types_tracks")
m2m_changed.connect(
    judge_course_run_types, sender=_models.CourseType.course_run_types.through, dispatch_uid="commerce_types_run_types"
)
m2m_changed.connect(
    judge_entitlement_types,
    sender=_models.CourseType.entitlement_types.through,
    dispatch_uid="commerce_types_entitlement_types",
)
for _model in (_models.Course, _models.CourseRun):
    post_init.connect(remember_loaded_type, sender=_model, dispatch_uid=f"commerce_types_init_{_model.__name__}")
    post_save.connect(remember_saved_type, sender=_model, dispatch_uid=f"commerce_types_saved_{_model.__name__}")
pre_save.connect(judge_course_run_type_change, sender=_models.CourseRun, dispatch_uid="commerce_types_run_save")
pre_save.connect(judge_course_type_change, sender=_models.Course, dispatch_uid="commerce_types_course_save")
