"""
The ecommerce plugin's change history: the shared historical models, the history of Oscar's
models kept by the plugin, and the history writer (``commerce_plugins_common.history``), at the
plugin's own import path.
"""
from commerce_plugins_common.history import (
    ADDED,
    CHANGED,
    DELETED,
    HostModelHistoricalRecords,
    PluginHistoricalRecords,
    record,
    register_host_model,
)

__all__ = [
    "ADDED",
    "CHANGED",
    "DELETED",
    "HostModelHistoricalRecords",
    "PluginHistoricalRecords",
    "record",
    "register_host_model",
]
