"""
The LMS plugin's change history: the shared historical models and history writer
(``commerce_plugins_common.history``), at the plugin's own import path.
"""
from commerce_plugins_common.history import ADDED, CHANGED, DELETED, PluginHistoricalRecords, record

__all__ = ["ADDED", "CHANGED", "DELETED", "PluginHistoricalRecords", "record"]
