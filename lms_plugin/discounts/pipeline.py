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
"""
from openedx_filters import PipelineStep
from openedx_filters.learning.filters import DiscountEligibilityCheckRequested

from lms_plugin.discounts import api


class CommerceDiscountRules(PipelineStep):
    """
    Refuses the discount when any of the plugin's rules does.
    """

    def run_filter(self, user, course_key):  # pylint: disable=arguments-differ
        if not api.own_rules_already_evaluated():
            eligibility = api.evaluate_rules(user, course_key)
            if not eligibility.applicable:
                raise DiscountEligibilityCheckRequested.DiscountIneligible(
                    message=eligibility.reason, reason=eligibility.reason
                )
        return {"user": user, "course_key": course_key}
