"""
What every admin class of a plugin declares: which fields the code owns.

``machine_owned_fields`` names the fields only the plugin's code writes (states, counts, ids
given by another service, what a sync copied); they are read-only in the admin, whatever else
the class allows. ``ALL`` makes the whole row machine-owned: it is then read-only, cannot be
added by hand, and changes only through the admin actions the class offers, which call the
feature's ``api`` and so keep its rules. A test of each service's suite walks
``admin.site._registry`` and fails on a plugin admin that does not declare it. Imports Django's
admin only.
"""
from django.contrib import admin

ALL = "__all__"


class MachineOwnedFieldsAdmin(admin.ModelAdmin):
    machine_owned_fields = ()

    def machine_owned(self):
        if self.machine_owned_fields == ALL:
            return [field.name for field in self.model._meta.fields]
        return list(self.machine_owned_fields)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly + [name for name in self.machine_owned() if name not in readonly]

    def has_add_permission(self, request, *args):
        return self.machine_owned_fields != ALL and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return self.machine_owned_fields != ALL and super().has_delete_permission(request, obj)
