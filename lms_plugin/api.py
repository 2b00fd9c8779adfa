"""
The LMS plugin's public Python interface: what other LMS apps, filter steps and support
scripts call in-process. Each name lives in its feature's ``api.py``; this module is the one
import path that stays stable when features move.

Import it after Django's app registry is ready (as any app's ``api.py``).
"""
from django.apps import apps

from lms_plugin.discounts.api import (  # noqa: F401
    can_receive_discount,
    discount_eligibility,
    discount_percentage,
)
from lms_plugin.paid_enrollments.api import mode_price  # noqa: F401
from lms_plugin.pending_enrollments.api import (  # noqa: F401
    pending_for_user,
    record_pending,
    stale_pending,
    statuses_for_user,
)

# CCX functions exist only where the host runs CCX (the feature app is installed only then).
if apps.is_installed("lms_plugin.ccx"):
    from lms_plugin.ccx.api import (  # noqa: F401
        create_or_update_by_external_id as create_or_update_ccx_by_external_id,
    )
    from lms_plugin.ccx.api import get as get_ccx  # noqa: F401
    from lms_plugin.ccx.api import get_by_external_id as get_ccx_by_external_id  # noqa: F401
    from lms_plugin.ccx.api import get_job as get_ccx_job  # noqa: F401
    from lms_plugin.ccx.api import list_ccxs  # noqa: F401
    from lms_plugin.ccx.api import update as update_ccx  # noqa: F401
