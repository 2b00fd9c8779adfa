"""
Upstream's own admin classes for run types, course types, courses and runs, with forms that judge the rules.

Each is re-registered as a subclass of the class course-discovery registered, whose
form is a subclass of upstream's form: everything upstream shows stays, and a broken
rule is shown as an error on the field it concerns instead of failing on save. The
form judges the whole proposed state (fields and many-to-many values together), so
the step-by-step guards of ``handlers.py`` leave its save alone.
"""
from django.contrib import admin
from django.core.exceptions import ValidationError

from discovery_plugin import platform
from discovery_plugin.course_types import checks, handlers


class JudgesRulesForm:
    """
    A model form mixin: ``violations()`` is judged once the instance has the form's values.
    """

    def violations(self):
        raise NotImplementedError

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        found = self.violations()
        for violation in found:
            field = violation.field if violation.field in self.fields else None
            self.add_error(field, ValidationError(violation.message, code=violation.code))
        if not found:
            setattr(self.instance, handlers.JUDGED, True)

    def _save_m2m(self):
        try:
            super()._save_m2m()
        finally:
            self.instance.__dict__.pop(handlers.JUDGED, None)

    def _proposed(self, name):
        if name in self.cleaned_data:
            return list(self.cleaned_data[name])
        return list(getattr(self.instance, name).all()) if self.instance.pk else []


class CourseRunTypeRulesForm(JudgesRulesForm):
    def violations(self):
        return checks.run_type_violations(self.instance, self._proposed("tracks"))


class CourseTypeRulesForm(JudgesRulesForm):
    def violations(self):
        return checks.course_type_violations(
            self.instance, self._proposed("course_run_types"), self._proposed("entitlement_types")
        )


def _type_changed(instance):
    return getattr(instance, handlers.LOADED_TYPE, None) != instance.type_id


class CourseRunRulesForm(JudgesRulesForm):
    def violations(self):
        if not _type_changed(self.instance):
            return []
        return checks.course_run_type_change_violations(self.instance, self.instance.type)


class CourseRulesForm(JudgesRulesForm):
    def violations(self):
        if not _type_changed(self.instance):
            return []
        return checks.course_type_change_violations(self.instance, self.instance.type)


class RefusesDeletionInUse:
    """
    A model admin mixin: a row in use is listed as "protected", so the admin's delete page refuses, as for ``PROTECT``.
    """

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for obj in objs:
            protected += [violation.message for violation in checks.deletion_violations(obj)]
        return deleted, model_count, perms_needed, protected


def rejudge(model, rules_form=None, site=admin.site):
    """
    Replace the admin class registered for ``model`` by a subclass that refuses deleting a row in use and whose
    form (when ``rules_form`` is given) also judges the rules.
    """
    registered = site._registry.get(model)  # pylint: disable=protected-access
    if registered is None:
        return None
    upstream_class = type(registered)
    attrs = {"__module__": __name__}
    if rules_form is not None:
        attrs["form"] = type(
            f"{upstream_class.form.__name__}WithRules", (rules_form, upstream_class.form), {"__module__": __name__}
        )
    admin_class = type(upstream_class.__name__, (RefusesDeletionInUse, upstream_class), attrs)
    site.unregister(model)
    site.register(model, admin_class)
    return admin_class


platform.admin_module()
_models = platform.models()
rejudge(_models.CourseRunType, CourseRunTypeRulesForm)
rejudge(_models.CourseType, CourseTypeRulesForm)
rejudge(_models.CourseRun, CourseRunRulesForm)
rejudge(_models.Course, CourseRulesForm)
for _model in (_models.SeatType, _models.Mode, _models.Track):
    rejudge(_model)
