"""
The discount engine's public Python interface: one place decides who gets a discount.

``can_receive_discount(user, course_key)`` runs every rule (each switchable, see ``toggles.py`` and
``settings/common.py``), then the openedx-filters pipeline ``DiscountEligibilityCheckRequested`` so
other plugins can exempt a learner. ``discount_percentage(course_key)`` applies the admin
configuration's precedence. ``create_discount_offer`` signs the answer as the platform's user JWT.
"""
import contextvars
import logging
import time
import uuid
from datetime import timedelta

from crum import get_current_request
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey

from lms_plugin import platform
from lms_plugin.discounts import errors, toggles
from lms_plugin.discounts.data import (
    CourseDiscountFacts,
    DiscountConfiguration,
    DiscountEligibility,
    DiscountOffer,
)
from lms_plugin.discounts.models import (
    SCOPE_PRECEDENCE,
    DiscountPercentageConfig,
    DiscountRestrictionConfig,
    Scope,
)

log = logging.getLogger(__name__)

_CACHE_PREFIX = "commerce_discounts"
_CONFIG_GENERATION_KEY = f"{_CACHE_PREFIX}:config_generation"

# Set while ``can_receive_discount`` runs the filter pipeline, so our own pipeline step (which is
# there for the platform's ``can_receive_discount``) does not evaluate the same rules twice.
_OWN_RULES_ALREADY_EVALUATED = contextvars.ContextVar("commerce_discounts_rules_evaluated", default=False)


def can_receive_discount(user, course_key):
    """
    Whether ``user`` may get the discount on ``course_key`` (a CourseKey or its string).
    """
    return discount_eligibility(user, course_key).applicable


def discount_percentage(course_key):
    """
    The discount's percentage for the course run: course config, else org, else site, else the default.
    """
    return discount_configuration(_as_course_key(course_key)).percentage


def discount_eligibility(user, course_key):
    """
    ``DiscountEligibility`` of ``user`` for ``course_key``: our rules, then the other plugins' filter steps.
    """
    course_key = _as_course_key(course_key)
    eligibility = evaluate_rules(user, course_key)
    if not eligibility.applicable:
        return eligibility
    exemption = _exemption_by_filter(user, course_key)
    if exemption is not None:
        log.info("Discount for %s in %s exempted by a filter step: %s", user.id, course_key, exemption)
        return DiscountEligibility(False, eligibility.percentage, errors.EXEMPTED_BY_FILTER)
    return eligibility


def evaluate_rules(user, course_key):
    """
    Our rules only, cheapest first; the first that fails gives the reason.
    """
    course_key = _as_course_key(course_key)
    configuration = discount_configuration(course_key)

    def no(reason):
        return DiscountEligibility(False, configuration.percentage, reason)

    if user is None or not user.is_authenticated:
        return no(errors.NOT_ENROLLED)
    if not toggles.DISCOUNTS_ENABLED.is_enabled():
        return no(errors.FEATURE_DISABLED)
    facts = course_facts(course_key)
    if not facts.exists:
        return no(errors.COURSE_NOT_FOUND)
    now = timezone.now()
    if facts.end is not None and facts.end <= now:
        return no(errors.COURSE_ENDED)
    if not facts.has_verified_mode or (facts.upgrade_deadline is not None and facts.upgrade_deadline <= now):
        return no(errors.NO_VERIFIED_MODE)
    if configuration.restricted:
        return no(errors.RESTRICTED)

    free_modes = platform.upsell_modes()
    rows, holds_entitlement = _learner_facts(user, course_key)
    this_course = next((row for row in rows if str(row["course_id"]) == str(course_key)), None)
    if this_course and this_course["is_active"] and this_course["mode"] not in free_modes:
        return no(errors.ALREADY_PAID)
    if toggles.FIRST_PURCHASE_ONLY.is_enabled() and any(row["mode"] not in free_modes for row in rows):
        return no(errors.NOT_FIRST_PURCHASE)
    window_days = settings.COMMERCE_DISCOUNTS_ELIGIBILITY_WINDOW_DAYS
    if window_days is not None:
        if this_course is None or not this_course["is_active"] or this_course["created"] is None:
            return no(errors.NOT_ENROLLED)
        if this_course["created"] + timedelta(days=window_days) <= now:
            return no(errors.WINDOW_CLOSED)
    if toggles.EXCLUDE_ENTITLEMENT_HOLDERS.is_enabled() and holds_entitlement:
        return no(errors.HOLDS_ENTITLEMENT)
    return DiscountEligibility(True, configuration.percentage, None)


def _learner_facts(user, course_key):
    """
    The learner's enrollment rows (this course, paid anywhere) and whether an entitlement is
    redeemed into the run, cached for ``COMMERCE_DISCOUNTS_CACHE_SECONDS`` under a per-learner
    generation that any save or delete of the learner's enrollments or entitlements bumps
    (``signals.py``): the endpoint is called on every basket load, and these two queries were most of
    its cost.
    """
    generation = cache.get_or_set(_learner_generation_key(user.id), 1, None)
    key = f"{_CACHE_PREFIX}:learner:{user.id}:{generation}:{course_key}"
    facts = cache.get(key)
    if facts is None:
        facts = (
            platform.enrollments_for_discount(user, course_key),
            toggles.EXCLUDE_ENTITLEMENT_HOLDERS.is_enabled()
            and platform.holds_entitlement_for_course_run(user, course_key),
        )
        cache.set(key, facts, settings.COMMERCE_DISCOUNTS_CACHE_SECONDS)
    return facts


def learner_records_changed(user_id):
    """
    Forget the cached facts of one learner (an enrollment or entitlement of theirs was saved or deleted).
    """
    try:
        cache.incr(_learner_generation_key(user_id))
    except ValueError:
        cache.set(_learner_generation_key(user_id), 2, None)


def _learner_generation_key(user_id):
    return f"{_CACHE_PREFIX}:learner_generation:{user_id}"


def create_discount_offer(user, course_key):
    """
    The learner's discount answer, signed: the platform's user JWT plus ``discount_applicable``,
    ``discount_percent``, ``course_key`` and a unique ``jti``, expiring after
    ``COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS``. Ecommerce honours a ``jti`` on one order only.
    """
    course_key = _as_course_key(course_key)
    eligibility = discount_eligibility(user, course_key)
    jti = uuid.uuid4().hex
    expires_at = int(time.time()) + int(settings.COMMERCE_DISCOUNTS_JWT_EXPIRATION_SECONDS)
    token = platform.create_jwt_for_user(
        user,
        # Its own audience: the services' JwtAuthentication (audience JWT_AUTH["JWT_AUDIENCE"])
        # refuses it as a credential; only the basket's verifier accepts this audience.
        aud=settings.COMMERCE_DISCOUNTS_JWT_AUDIENCE,
        additional_claims={
            "discount_applicable": eligibility.applicable,
            "discount_percent": eligibility.percentage,
            "course_key": str(course_key),
            "jti": jti,
            "exp": expires_at,
        },
        # The token proves a discount, not an identity to other services: no profile claims.
        scopes=["email"],
    )
    return DiscountOffer(eligibility.applicable, eligibility.percentage, token, jti, expires_at)


def course_facts(course_key):
    """
    ``CourseDiscountFacts`` of the course run, cached for ``COMMERCE_DISCOUNTS_CACHE_SECONDS``.
    """
    key = f"{_CACHE_PREFIX}:course:{course_key}"
    facts = cache.get(key)
    if facts is None:
        facts = _load_course_facts(course_key)
        cache.set(key, facts, settings.COMMERCE_DISCOUNTS_CACHE_SECONDS)
    return facts


def _load_course_facts(course_key):
    overview = platform.discount_course_overview(course_key)
    if overview is None:
        return CourseDiscountFacts(course_key=str(course_key), exists=False)
    verified = platform.unexpired_verified_mode(course_key)
    return CourseDiscountFacts(
        course_key=str(course_key),
        exists=True,
        org=course_key.org,
        end=overview.end,
        has_verified_mode=verified is not None,
        upgrade_deadline=verified.expiration_datetime if verified is not None else None,
    )


def discount_configuration(course_key):
    """
    ``DiscountConfiguration`` of the course run in the current site, cached until an admin edit.
    """
    site_domain = _current_site_domain()
    generation = cache.get_or_set(_CONFIG_GENERATION_KEY, 1, None)
    key = f"{_CACHE_PREFIX}:config:{generation}:{site_domain}:{course_key}"
    configuration = cache.get(key)
    if configuration is None:
        configuration = _load_configuration(course_key, site_domain)
        cache.set(key, configuration, settings.COMMERCE_DISCOUNTS_CACHE_SECONDS)
    return configuration


def configuration_changed():
    """
    Forget every cached configuration (called when an admin saves or deletes a row).
    """
    try:
        cache.incr(_CONFIG_GENERATION_KEY)
    except ValueError:
        cache.set(_CONFIG_GENERATION_KEY, 2, None)


def _load_configuration(course_key, site_domain):
    scopes = {Scope.COURSE: str(course_key), Scope.ORG: course_key.org, Scope.SITE: site_domain}
    matching = Q()
    for scope, value in scopes.items():
        matching |= Q(scope=scope, scope_value=value)

    def most_specific(rows, field, default):
        by_scope = {row["scope"]: row[field] for row in rows}
        for scope in SCOPE_PRECEDENCE:
            if scope in by_scope:
                return by_scope[scope]
        return default

    restrictions = DiscountRestrictionConfig.objects.filter(matching).values("scope", "disabled")
    percentages = DiscountPercentageConfig.objects.filter(matching).values("scope", "percentage")
    return DiscountConfiguration(
        restricted=most_specific(list(restrictions), "disabled", False),
        percentage=int(most_specific(list(percentages), "percentage", settings.COMMERCE_DISCOUNTS_DEFAULT_PERCENTAGE)),
    )


def _current_site_domain():
    request = get_current_request()
    try:
        return Site.objects.get_current(request).domain
    except Site.DoesNotExist:
        return ""


def _exemption_by_filter(user, course_key):
    """
    Run the ``DiscountEligibilityCheckRequested`` pipeline; the message of a step that refuses, else None.

    A platform whose openedx-filters has no such filter has no other plugin's steps to run either.
    """
    DiscountEligibilityCheckRequested = platform.openedx_filter("DiscountEligibilityCheckRequested")  # noqa: N806
    if DiscountEligibilityCheckRequested is None:
        return None
    marker = _OWN_RULES_ALREADY_EVALUATED.set(True)
    try:
        DiscountEligibilityCheckRequested.run_filter(user=user, course_key=course_key)
    except DiscountEligibilityCheckRequested.DiscountIneligible as exc:
        return exc.message or "ineligible"
    finally:
        _OWN_RULES_ALREADY_EVALUATED.reset(marker)
    return None


def own_rules_already_evaluated():
    return _OWN_RULES_ALREADY_EVALUATED.get()


def _as_course_key(course_key):
    # The platform passes a course object to the filter in some releases, a key in others.
    course_key = getattr(course_key, "id", course_key)
    if isinstance(course_key, CourseKey):
        return course_key
    return CourseKey.from_string(str(course_key))
