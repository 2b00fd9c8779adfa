"""
Feature toggles of the discount engine.
"""
from edx_toggles.toggles import SettingToggle, WaffleFlag

# .. toggle_name: commerce_discounts.enable_discounting
# .. toggle_implementation: WaffleFlag
# .. toggle_default: False
# .. toggle_description: Master switch of the course+user discount. Off: nobody is eligible, the
#   endpoint answers ``discount_applicable: false`` and the JWT says so. Per-user/percent rollout with
#   waffle's own flag settings.
# .. toggle_use_cases: open_edx, opt_in
# .. toggle_creation_date: 2025-01-01
# .. toggle_target_removal_date: None
# .. toggle_tickets: issue 4
DISCOUNTS_ENABLED = WaffleFlag("commerce_discounts.enable_discounting", __name__)

# .. toggle_name: COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY
# .. toggle_implementation: SettingToggle
# .. toggle_default: True
# .. toggle_description: The first-purchase rule: a learner who has ever enrolled in a paid mode of any
#   course gets no discount. Switch off to discount returning buyers too.
# .. toggle_use_cases: open_edx
# .. toggle_creation_date: 2025-01-01
# .. toggle_tickets: issue 4
FIRST_PURCHASE_ONLY = SettingToggle("COMMERCE_DISCOUNTS_FIRST_PURCHASE_ONLY", default=True, module_name=__name__)

# .. toggle_name: COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS
# .. toggle_implementation: SettingToggle
# .. toggle_default: True
# .. toggle_description: A learner holding an active course entitlement redeemed into the course run
#   gets no discount for it (they have paid already).
# .. toggle_use_cases: open_edx
# .. toggle_creation_date: 2025-01-01
# .. toggle_tickets: issue 4
EXCLUDE_ENTITLEMENT_HOLDERS = SettingToggle(
    "COMMERCE_DISCOUNTS_EXCLUDE_ENTITLEMENT_HOLDERS", default=True, module_name=__name__
)
