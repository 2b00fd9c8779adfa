"""
Change history (django-simple-history), the same on every version the hosts pin: Otto 3.0.0, the
LMS and a stock shop newer. Each plugin reaches it through its own ``history`` module.

Historical models: newer versions index ``history_date``, order ``get_latest_by`` on two fields
and name the plural; 3.0.0 does none of it. Each difference is pinned here to the newer form, so
one migration fits every host and ``makemigrations --check`` stays quiet on each. Host settings
that reshape history models (``SIMPLE_HISTORY_HISTORY_ID_USE_UUID``, ``SIMPLE_HISTORY_DATE_INDEX``,
``SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD``) are not followed: the plugins' tables keep
the defaults whatever the host chose.

Writes that bypass ``save()``/``delete()`` (a conditional or bulk ``UPDATE``, a ``bulk_create``)
call ``record`` with the rows as the write left them, in the same transaction: one INSERT of
history rows, whatever their number.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from simple_history.models import HistoricalRecords

ADDED, CHANGED, DELETED = "+", "~", "-"
# The plugins' history tables hold a reason of at most this many characters.
REASON_MAX_LENGTH = 100


class PluginHistoricalRecords(HistoricalRecords):
    def get_extra_fields(self, model, fields):
        extra = super().get_extra_fields(model, fields)
        extra["history_id"] = models.AutoField(primary_key=True)
        extra["history_date"] = models.DateTimeField(db_index=True)
        extra["history_change_reason"] = models.CharField(max_length=REASON_MAX_LENGTH, null=True)
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
    Give a host model (Oscar's) a history kept in the plugin app ``app`` (its module path), of
    ``fields``: the columns every host's version of the model has, so the plugin's migration is the
    same on Oscar 3.2 (Otto's fork too) and 4.x whatever else a host's model adds.
    """
    import simple_history  # noqa: PLC0415

    excluded = [field.name for field in model._meta.fields if field.name not in fields]
    simple_history.register(
        model, app=app, manager_name=manager_name, records_class=HostModelHistoricalRecords, excluded_fields=excluded
    )


def record(rows, history_type, reason, user=None):
    """
    Write one history row per instance of ``rows`` (one model), as each stands now, in one INSERT.

    For a write ``save()`` and ``delete()`` did not make: the caller passes the rows as its
    ``UPDATE`` or ``bulk_create`` left them (``history_type`` ``CHANGED`` or ``ADDED``), or as they
    were before it deleted them (``DELETED``). ``user``: who did it; None takes the request's user
    as simple-history's middleware recorded it (none in a task). ``reason`` is cut to the column.
    A model without a history (a host's model only another host tracks) gets none.
    """
    rows = list(rows)
    if not rows or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return []
    model = type(rows[0])
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager_name is None:  # a host's model this host keeps no history of
        return []
    history_model = getattr(model, manager_name).model
    excluded = set(history_model._history_excluded_fields)
    fields = [field for field in model._meta.concrete_fields if field.name not in excluded]
    if user is None:
        user = history_model.get_default_history_user(rows[0])
    now = timezone.now()
    reason = str(reason)[:REASON_MAX_LENGTH]
    return history_model.objects.bulk_create(
        [
            history_model(
                history_date=now,
                history_type=history_type,
                history_user=user,
                history_change_reason=reason,
                **{field.attname: getattr(row, field.attname) for field in fields},
            )
            for row in rows
        ],
        batch_size=2000,
    )
