"""
What every admin class of the plugin declares: which fields the code owns (``machine_owned_fields``,
``ALL`` for a wholly machine-owned row); the rule is ``commerce_plugins_common.admin_rules``,
shared with the ecommerce plugin.
"""
from commerce_plugins_common.admin_rules import ALL, MachineOwnedFieldsAdmin

__all__ = ["ALL", "MachineOwnedFieldsAdmin"]
