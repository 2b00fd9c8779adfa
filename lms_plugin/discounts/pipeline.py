"""
Our rules as a step of openedx-filters' ``DiscountEligibilityCheckRequested``.

Configure it in the LMS so the platform's own ``can_receive_discount`` agrees with ours::

    OPEN_EDX_FILTERS_CONFIG = {
        "org.openedx.learning.discount.eligibility.check.requested.v1": {
            "pipeline": ["lms_plugin.discounts.pipeline.CommerceDiscountRules", ...other plugins' steps],
            "fail_silently": False,
        },
    }

Other plugins' steps in the same pipeline raise ``DiscountIneligible`` to exempt a learner; our
``can_receive_discount`` runs the pipeline too and honours them.

The filter exists from openedx-filters 3.7.0 only: this module imports nothing of it, so it loads
on every platform, and the platform runs the step only where it has the filter. With the plugin's
flag ``commerce_discounts.enable_discounting`` off, the step has no opinion: the platform's own
first-purchase discount is decided by the platform alone.
"""
from openedx_filters import PipelineStep

from lms_plugin import platform
from lms_plugin.discounts import api, toggles


class CommerceDiscountRules(PipelineStep):
    """
    Refuses the discount when any of the plugin's rules does.
    """

    def run_filter(self, user, course_key):  # pylint: disable=arguments-differ
        if not api.own_rules_already_evaluated() and toggles.DISCOUNTS_ENABLED.is_enabled():
            eligibility = api.evaluate_rules(user, course_key)
            if not eligibility.applicable:
                raise platform.openedx_filter("DiscountEligibilityCheckRequested").DiscountIneligible(
                    message=eligibility.reason, reason=eligibility.reason
                )
        return {"user": user, "course_key": course_key}
