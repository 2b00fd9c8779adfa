"""
The host's coupon admin, guarded (see ``host_guards``): imported by the admin's autodiscovery after
Oscar's (and Otto's) admin modules, since the plugin's apps come after the host's.
"""
from django.contrib import admin
from oscar.core.loading import get_model

from ecommerce_plugin.course_pages.host_guards import CouponRowsReadOnlyAdmin, ReadOnlyHostAdmin, guard

for _app, _name in (("voucher", "Voucher"), ("voucher", "VoucherSet")):
    guard(admin.site, get_model(_app, _name), ReadOnlyHostAdmin)
for _name in ("ConditionalOffer", "Condition", "Benefit", "Range"):
    guard(admin.site, get_model("offer", _name), CouponRowsReadOnlyAdmin)
