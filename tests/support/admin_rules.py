"""
The admin rule every plugin admin registration keeps: it declares which fields the code owns
(``machine_owned_fields``), and those are read-only; a wholly machine-owned row cannot be added
or deleted by hand. A host suite imports these tests with its plugin's package name.
"""
from django.contrib import admin
from django.test import RequestFactory


def plugin_registrations(package):
    """
    Every ``(model, model_admin)`` of ``admin.site`` whose model is one of the plugin's apps'.

    (Host models whose admin the plugin replaces, such as Oscar's offer forms, keep the host's
    own fields and are guarded where they are replaced.)
    """
    found = []
    for model, model_admin in admin.site._registry.items():  # noqa: SLF001
        if model._meta.app_config.name.startswith(package):
            found.append((model, model_admin))
    return sorted(found, key=lambda pair: pair[0]._meta.label)


def superuser_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def declared_rule(model_admin, base):
    """The class in the admin's MRO (below ``base``) that declares ``machine_owned_fields``, or None."""
    for klass in type(model_admin).__mro__:
        if klass is base:
            return None
        if "machine_owned_fields" in vars(klass):
            return klass
    return None


def check_registration(model, model_admin, base, all_marker, request):
    assert isinstance(model_admin, base), f"{model._meta.label}: its admin is not a {base.__name__}"
    assert declared_rule(model_admin, base) is not None, (
        f"{model._meta.label}: its admin does not say which fields the code owns (machine_owned_fields)"
    )
    owned = set(model_admin.machine_owned())
    readonly = set(model_admin.get_readonly_fields(request, model()))
    assert owned <= readonly, f"{model._meta.label}: editable machine-owned fields {sorted(owned - readonly)}"
    if model_admin.machine_owned_fields == all_marker:
        assert not model_admin.has_add_permission(request), f"{model._meta.label}: rows can be added by hand"
        assert not model_admin.has_delete_permission(request, model()), f"{model._meta.label}: rows can be deleted"
