"""
The plugin's openedx-filters steps, merged into the host's ``OPEN_EDX_FILTERS_CONFIG``.

The LMS runs the plugins' common settings before it reads the operator's YAML, and copies every
YAML key into its settings (``vars().update``) before the plugins' production settings. An
operator who sets ``OPEN_EDX_FILTERS_CONFIG`` therefore replaces the steps the common phase added;
the production phase merges them in again. Each step is added once, after the operator's own steps
of the same filter, and the operator's ``fail_silently`` is kept.
"""
import logging

log = logging.getLogger(__name__)

# (filter type, step, fail_silently when the plugin creates the filter's entry). Paid-mode
# enforcement and discount rules must not fail open; the pending status is decoration.
FILTER_STEPS = (
    ("org.openedx.learning.course.enrollment.started.v1",
     "lms_plugin.paid_enrollments.pipeline.PaidModeRequiresPurchase", False),
    ("org.openedx.learning.discount.eligibility.check.requested.v1",
     "lms_plugin.discounts.pipeline.CommerceDiscountRules", False),
    ("org.openedx.learning.home.enrollment.api.rendered.v1",
     "lms_plugin.pending_enrollments.pipeline.AddPendingStatusToEnrollment", True),
    ("org.openedx.learning.dashboard.render.started.v1",
     "lms_plugin.pending_enrollments.pipeline.AddPendingEnrollmentsToDashboard", True),
)


def add_filter_steps(settings):
    """
    Append every missing plugin step to ``settings.OPEN_EDX_FILTERS_CONFIG``; the steps it added.
    """
    filters_config = dict(getattr(settings, "OPEN_EDX_FILTERS_CONFIG", None) or {})
    added = []
    for filter_type, step, fail_silently in FILTER_STEPS:
        filter_config = dict(filters_config.get(filter_type) or {"fail_silently": fail_silently})
        pipeline = list(filter_config.get("pipeline") or [])
        if step not in pipeline:
            pipeline.append(step)
            added.append(step)
        filter_config["pipeline"] = pipeline
        filters_config[filter_type] = filter_config
    settings.OPEN_EDX_FILTERS_CONFIG = filters_config
    return added


def restore_filter_steps(settings):
    """
    The production phase: put back the steps the operator's ``OPEN_EDX_FILTERS_CONFIG`` replaced.
    """
    restored = add_filter_steps(settings)
    if restored:
        log.warning(
            "OPEN_EDX_FILTERS_CONFIG from the operator's configuration replaced the commerce plugin's filter "
            "steps; appended them again after the operator's steps: %s",
            ", ".join(restored),
        )
    return restored
