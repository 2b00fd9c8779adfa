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
