"""
Change history (django-simple-history), with historical models that are the same on every
version the hosts pin: Otto 3.0.0, the LMS and course-discovery 3.x newer.

Newer versions index ``history_date``, order ``get_latest_by`` on two fields and name the plural;
3.0.0 does none of it. Each difference is pinned here to the newer form, so one migration fits
every host and ``makemigrations --check`` stays quiet on each. Host settings that reshape history
models (``SIMPLE_HISTORY_HISTORY_ID_USE_UUID``, ``SIMPLE_HISTORY_DATE_INDEX``,
``SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD``) are not followed here: the plugin's
tables keep the defaults whatever the host chose.
"""
from django.db import models
from django.utils.text import format_lazy
from simple_history.models import HistoricalRecords


class PluginHistoricalRecords(HistoricalRecords):
    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        extra["history_id"] = models.AutoField(primary_key=True)
        extra["history_date"] = models.DateTimeField(db_index=True)
        extra["history_change_reason"] = models.CharField(max_length=100, null=True)
        return extra

    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        meta.pop("indexes", None)
        meta["ordering"] = ("-history_date", "-history_id")
        meta["get_latest_by"] = ("history_date", "history_id")
        meta["verbose_name_plural"] = format_lazy("historical {}", model._meta.verbose_name_plural)
        return meta


class HostModelHistoricalRecords(PluginHistoricalRecords):
    """
    History of a host model: its copied columns lose their labels, help texts and choices, which
    Oscar words differently from version to version and which a history table does not need.
    """

    def copy_fields(self, model):
        copied = super().copy_fields(model)
        for field in copied.values():
            field.verbose_name = field._verbose_name = None
            field.help_text = ""
            field.choices = None
        return copied


def register_host_model(model, app, fields, manager_name="history"):
    """
    Give a host model (Oscar's) a history kept in the plugin app ``app`` (its module path), of ``fields``: the
    columns every host's version of the model has, so the plugin's migration is the same on
    Oscar 3.2 (Otto's fork too) and 4.x whatever else a host's model adds.
    """
    import simple_history  # noqa: PLC0415

    excluded = [field.name for field in model._meta.fields if field.name not in fields]
    simple_history.register(
        model, app=app, manager_name=manager_name, records_class=HostModelHistoricalRecords, excluded_fields=excluded
    )
