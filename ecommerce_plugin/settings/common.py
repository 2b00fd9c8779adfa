"""
Defaults for the ecommerce plugin, injected into the ecommerce settings by ``add_plugins``.
"""
from pathlib import Path

CHECKOUT_TEMPLATE_OVERRIDES = str(Path(__file__).resolve().parents[1] / "checkout" / "templates_override")


# Each feature is a Django app of its own (models, migrations, api, tasks, admin side by
# side), installed by this plugin rather than by the host, so the host still names
# only the plugin's entry point.
FEATURE_APPS = [
    "ecommerce_plugin.catalog",
    "ecommerce_plugin.checkout",
    "ecommerce_plugin.discounts",
    "ecommerce_plugin.fulfillment",
    "ecommerce_plugin.ccx_purchases",
    "ecommerce_plugin.finance",
    "ecommerce_plugin.registration_codes",
    "ecommerce_plugin.invoices",
    "ecommerce_plugin.coupons",
    "ecommerce_plugin.held_seats",
    "ecommerce_plugin.course_pages",
]
# History of the host's own prices and coupon offers, where the host keeps none: on a stock shop.
# Otto records them itself (its StockRecord, ConditionalOffer and Benefit carry HistoricalRecords).
SHOP_HISTORY_APP = "ecommerce_plugin.shop_history"
HISTORY_MIDDLEWARE = "simple_history.middleware.HistoryRequestMiddleware"


# Every setting below that ``_default`` gives a default; ``production.py`` lets the operator's
# YAML/ENV tokens override each of them.
OVERRIDABLE = []
# The plugin's default of each of them (``production.py`` completes an operator's partial dict with it).
DEFAULTS = {}
# Settings with no usable default: the deployment must set them (checked at start-up, ``checks.py``).
REQUIRED = ("COMMERCE_LMS_URL_ROOT", "COMMERCE_REGISTRATION_CODE_REDEEM_URL")


def _default(settings, name, value):
    """
    ``value`` unless the host already set ``name``: a value the host chose is never overwritten.
    """
    if name not in OVERRIDABLE:
        OVERRIDABLE.append(name)
    DEFAULTS[name] = value
    if not hasattr(settings, name):
        setattr(settings, name, value)


def _append(settings, name, *items):
    """
    Append the plugin's entries to the ordered list ``name``, after the host's own, once each.
    """
    current = list(getattr(settings, name, None) or [])
    setattr(settings, name, [*current, *(item for item in items if item not in current)])


def _prepend(settings, name, *items):
    current = [item for item in (getattr(settings, name, None) or []) if item not in items]
    setattr(settings, name, [*items, *current])


def _merge_pipeline(settings, name, ours):
    """
    The host's status pipeline with the plugin's statuses and transitions added, never removed.
    """
    merged = {status: tuple(targets) for status, targets in (getattr(settings, name, None) or {}).items()}
    for status, targets in ours.items():
        merged[status] = tuple(dict.fromkeys((*merged.get(status, ()), *targets)))
    setattr(settings, name, merged)


def detect_host(installed_apps):
    """
    ``"otto"`` when Otto's fork of Oscar's basket app is installed, else ``"oscar"`` (a stock shop).
    """
    return "otto" if any(app.startswith("ecommerce.extensions.basket") for app in installed_apps) else "oscar"


# The plugin's task modules: Otto's celery app discovers no tasks, its worker imports these.
TASK_MODULES = [
    f"{app}.tasks" for app in FEATURE_APPS
    if (Path(__file__).resolve().parents[1] / app.rsplit(".", 1)[1] / "tasks.py").is_file()
]


def otto_celery_settings(settings):
    """
    Route the plugin's tasks to a queue of their own on Otto's broker, in Otto's (old-style)
    celery setting names: Otto's own tasks go to ecommerce-worker, which does not know ours.
    """
    imports = tuple(getattr(settings, "CELERY_IMPORTS", ()))
    settings.CELERY_IMPORTS = (*imports, *(module for module in TASK_MODULES if module not in imports))
    settings.CELERY_ROUTES = {
        **getattr(settings, "CELERY_ROUTES", {}),
        "ecommerce_plugin.*": {"queue": settings.COMMERCE_CELERY_QUEUE},
        # Tasks named for the feature rather than the module (the CCX sync: "commerce.ccx_purchases.…").
        "commerce.*": {"queue": settings.COMMERCE_CELERY_QUEUE},
    }


def install_apps(settings, on_otto):
    """
    The feature apps, after what they need. Change history of codes, roles, prices and coupons:
    Otto installs django-simple-history and its middleware (who made a change) itself; a stock
    shop gets both here, and the history of its prices and offers (``SHOP_HISTORY_APP``), which
    Otto's own models keep.
    """
    apps = [] if "simple_history" in settings.INSTALLED_APPS else ["simple_history"]
    if not on_otto and SHOP_HISTORY_APP not in settings.INSTALLED_APPS:
        apps.append(SHOP_HISTORY_APP)
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, *apps]
    if HISTORY_MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, HISTORY_MIDDLEWARE]
    settings.INSTALLED_APPS = [
        *settings.INSTALLED_APPS,
        *(app for app in FEATURE_APPS if app not in settings.INSTALLED_APPS),
    ]


OTTO_ENROLLMENT_MODULE = "ecommerce.extensions.fulfillment.modules.EnrollmentFulfillmentModule"
PLUGIN_OTTO_ENROLLMENT_MODULE = "ecommerce_plugin.fulfillment.otto.EnrollmentFulfillmentModule"
OTTO_RECEIPT_MIDDLEWARE = "ecommerce_plugin.fulfillment.otto_receipt.ReceiptHandOffMiddleware"
# Before Otto's own modules, in this order (see ecommerce_plugin/fulfillment/otto.py).
PLUGIN_OTTO_LEADING_MODULES = (
    "ecommerce_plugin.fulfillment.otto.CompletedLinesModule",
    "ecommerce_plugin.fulfillment.otto.RegistrationCodesModule",
    "ecommerce_plugin.fulfillment.otto.CcxPurchaseModule",
)


def otto_fulfillment_modules(otto_modules):
    """
    Otto's ``FULFILLMENT_MODULES`` with the plugin's: its leading modules first, Otto's seat module
    replaced in its place by the plugin's subclass, Otto's other modules kept in their order.
    """
    modules = [PLUGIN_OTTO_ENROLLMENT_MODULE if path == OTTO_ENROLLMENT_MODULE else path for path in otto_modules]
    return [*PLUGIN_OTTO_LEADING_MODULES, *(path for path in modules if path not in PLUGIN_OTTO_LEADING_MODULES)]


def otto_settings(settings):
    """
    On Otto: the plugin's tasks on their own queue, and its fulfillment modules in Otto's
    ``FULFILLMENT_MODULES`` (Otto fulfils in the request, or in ecommerce-worker with the
    ``async_order_fulfillment`` sample; see ecommerce_plugin/fulfillment/otto.py).
    """
    otto_celery_settings(settings)
    settings.FULFILLMENT_MODULES = otto_fulfillment_modules(getattr(settings, "FULFILLMENT_MODULES", []))
    # Otto's receipt links "Go to dashboard" to the LMS's pending-enrollment hand-off while the order is Open.
    if OTTO_RECEIPT_MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, OTTO_RECEIPT_MIDDLEWARE]


def _payment_checks_settings(settings, on_otto):
    """
    Where the checks before a payment run, and the discount token settings that differ on Otto.
    """
    # The discount token never stays in a URL (access logs): moved to the session, then a redirect.
    # Not on Otto: Otto's basket page and the payment MFE pass it as ``?discount_jwt=`` (ADR 0018);
    # the plugin keeps it in the basket once it verifies. On Otto, the plugin's token is taken out of
    # the request before Otto's basket views, whose own decoder would refuse it with a 500
    # (discounts/otto.py), and the checkout steps run in front of Otto's payment views (checkout/otto.py).
    _token_middleware = "ecommerce_plugin.discounts.url_tokens.DiscountTokenOutOfUrlMiddleware"
    _otto_token_middleware = "ecommerce_plugin.discounts.otto.OttoDiscountTokenMiddleware"
    _otto_middleware = "ecommerce_plugin.checkout.otto.OttoPrePaymentMiddleware"
    _wanted = (_otto_token_middleware, _otto_middleware) if on_otto else (_token_middleware,)
    _ours = (_token_middleware, _otto_token_middleware, _otto_middleware)
    settings.MIDDLEWARE = [*(entry for entry in settings.MIDDLEWARE if entry not in _ours), *_wanted]
    # .. setting_name: COMMERCE_OTTO_PAYMENT_ATTEMPT_SECONDS
    # .. setting_default: 300
    # .. setting_description: On Otto, how long a payment started in one of Otto's payment views
    #   holds its basket (a second payment of it is refused, its reservations count as in flight).
    #   An attempt is ended when the view answers; this only voids one a crashed worker left.
    _default(settings, "COMMERCE_OTTO_PAYMENT_ATTEMPT_SECONDS", 300)
    # .. setting_name: COMMERCE_DISCOUNTS_V1_TOKENS
    # .. setting_default: "refuse"
    # .. setting_description: What the basket does with the platform's v1 discount token (no
    #   ``course_key``, no ``jti``; what Otto's basket page and the payment MFE fetch): "refuse" it,
    #   or "bind" it to its owner and the basket's single seat, with a jti derived from the token so
    #   that it discounts one order only.
    _default(settings, "COMMERCE_DISCOUNTS_V1_TOKENS", "refuse")


def plugin_settings(settings):
    """
    Add the plugin's defaults to the ecommerce settings module.
    """
    # .. setting_name: COMMERCE_ECOMMERCE_HOST
    # .. setting_default: "otto" when ``ecommerce.extensions.basket`` is installed, else "oscar"
    # .. setting_description: Which shop the plugin runs in, read once at start-up by
    #   ``ecommerce_plugin.platform``. On "otto" Otto keeps its own basket page, payment views and
    #   fulfillment; on "oscar" (a stock django-oscar shop) the plugin mounts its own.
    _default(settings, "COMMERCE_ECOMMERCE_HOST", detect_host(settings.INSTALLED_APPS))
    on_otto = settings.COMMERCE_ECOMMERCE_HOST == "otto"
    # .. setting_name: COMMERCE_CELERY_QUEUE
    # .. setting_default: "ecommerce.commerce_plugin"
    # .. setting_description: On Otto, the queue of the plugin's tasks; run one celery worker on it
    #   (``celery -A ecommerce.celery_app worker -Q ecommerce.commerce_plugin``). A stock shop's
    #   own celery settings route its tasks.
    _default(settings, "COMMERCE_CELERY_QUEUE", "ecommerce.commerce_plugin")
    # .. setting_name: COMMERCE_LMS_URL_ROOT
    # .. setting_default: None (required: start-up fails without it)
    # .. setting_description: Base URL of the LMS the ecommerce plugin calls (CCX and enrollment APIs).
    _default(settings, "COMMERCE_LMS_URL_ROOT", None)
    # .. setting_name: COMMERCE_LMS_REQUEST_TIMEOUT
    # .. setting_default: (3.05, 10)
    # .. setting_description: (connect, read) timeout in seconds of every call to the LMS. No call to
    #   another service is made without one.
    _default(settings, "COMMERCE_LMS_REQUEST_TIMEOUT", (3.05, 10))
    # .. setting_name: COMMERCE_CHECKOUT_STEPS
    # .. setting_default: ["ecommerce_plugin.held_seats.checkout_steps.HeldSeatStep", ...]
    # .. setting_description: Dotted paths of the checkout steps (``ecommerce_plugin.checkout.steps.CheckoutStep``)
    #   that check a basket before it is charged, in order. Each feature adds its own.
    # Held seats first: a seat the learner already has is refused before any step reserves anything.
    _default(settings, "COMMERCE_CHECKOUT_STEPS", [])
    _prepend(settings, "COMMERCE_CHECKOUT_STEPS", "ecommerce_plugin.held_seats.checkout_steps.HeldSeatStep")
    # CCX purchases: the quote check runs before every charge (a no-op for baskets without CCX lines).
    _append(settings, "COMMERCE_CHECKOUT_STEPS", "ecommerce_plugin.ccx_purchases.checkout_steps.CcxQuoteStep")
    # .. setting_name: COMMERCE_CCX_MAX_SEATS
    # .. setting_default: 10000
    # .. setting_description: Most seats one CCX purchase may hold (the LMS's max_students_allowed).
    _default(settings, "COMMERCE_CCX_MAX_SEATS", 10000)
    # .. setting_name: COMMERCE_CCX_SYNC_MAX_RETRIES
    # .. setting_default: 8
    # .. setting_description: Retries of the task that pushes a paid CCX purchase to the LMS, on timeouts
    #   and 5xx answers, with exponential backoff (capped by COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX); 4xx
    #   answers are not retried. After the last one the purchase is ``failed`` and the groomer picks it up.
    _default(settings, "COMMERCE_CCX_SYNC_MAX_RETRIES", 8)
    # .. setting_name: COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX
    # .. setting_default: 600
    # .. setting_description: Longest wait in seconds between two retries of a CCX sync.
    _default(settings, "COMMERCE_CCX_SYNC_RETRY_BACKOFF_MAX", 600)
    # .. setting_name: COMMERCE_CCX_SYNC_LEASE_SECONDS
    # .. setting_default: 120
    # .. setting_description: How long a task or the groomer holds a purchase while it talks to the LMS;
    #   must exceed a few LMS request timeouts. A crashed holder's lease expires after this long.
    _default(settings, "COMMERCE_CCX_SYNC_LEASE_SECONDS", 120)
    # Otto's order and line status pipelines: an order is Open until fulfilled; a line that fails
    # takes the status of its kind of error (fulfillment/status.py; error -> Open is a staff retry).
    from ecommerce_plugin.fulfillment.status import line_status_pipeline, order_status_pipeline  # noqa: PLC0415

    # Otto sets the same initial statuses; a stock Oscar shop sets none. Pipelines are merged.
    if not getattr(settings, "OSCAR_INITIAL_ORDER_STATUS", None):
        settings.OSCAR_INITIAL_ORDER_STATUS = "Open"
    if not getattr(settings, "OSCAR_INITIAL_LINE_STATUS", None):
        settings.OSCAR_INITIAL_LINE_STATUS = "Open"
    _merge_pipeline(settings, "OSCAR_ORDER_STATUS_PIPELINE", order_status_pipeline())
    _merge_pipeline(settings, "OSCAR_LINE_STATUS_PIPELINE", line_status_pipeline())
    # .. setting_name: COMMERCE_FULFILLMENT_MODULES
    # .. setting_default: ["ecommerce_plugin.fulfillment.modules.EnrollmentFulfillmentModule"]
    # .. setting_description: Dotted paths of the fulfillment modules (Otto's interface:
    #   get_supported_lines, fulfill_product, revoke_line); the first that supports a line fulfils it.
    #   Features append theirs.
    _default(settings, "COMMERCE_FULFILLMENT_MODULES", [])
    _append(settings, "COMMERCE_FULFILLMENT_MODULES",
            "ecommerce_plugin.fulfillment.modules.EnrollmentFulfillmentModule")
    # .. setting_name: COMMERCE_FULFILLMENT_MAX_RETRIES
    # .. setting_default: 8
    # .. setting_description: Retries of an order's fulfillment task while a line fails with a network,
    #   timeout or LMS server error; after the last one the line takes its error status and the
    #   order goes to Fulfillment Error for staff to retry.
    _default(settings, "COMMERCE_FULFILLMENT_MAX_RETRIES", 8)
    # .. setting_name: COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES
    # .. setting_default: 11
    # .. setting_description: On Otto, ecommerce-worker's ``MAX_FULFILLMENT_RETRIES`` (its default is
    #   11): how many times the worker PUTs Otto's ``orders/<number>/fulfill/`` again after a failed
    #   attempt. Otto never tells which attempt is the last; the plugin counts the attempts of each
    #   seat line and reports the failure to the LMS after this many retries. Keep it equal to the
    #   worker's setting.
    _default(settings, "COMMERCE_OTTO_WORKER_MAX_FULFILLMENT_RETRIES", 11)
    # .. setting_name: COMMERCE_FULFILLMENT_RETRY_BACKOFF
    # .. setting_default: 2
    # .. setting_description: Seconds before the first retry of a fulfillment; doubles at each retry.
    _default(settings, "COMMERCE_FULFILLMENT_RETRY_BACKOFF", 2)
    # .. setting_name: COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX
    # .. setting_default: 600
    # .. setting_description: Longest wait in seconds between two retries of a fulfillment.
    _default(settings, "COMMERCE_FULFILLMENT_RETRY_BACKOFF_MAX", 600)
    _payment_checks_settings(settings, on_otto)
    # Oscar's dashboard coupon, offer and range forms skip the plugin's rules: they redirect to the
    # course pages (course_pages.host_guards).
    _append(settings, "MIDDLEWARE", "ecommerce_plugin.course_pages.host_guards.HostCouponFormsGuard")
    # .. setting_name: COMMERCE_DISCOUNTS_JWT_AUDIENCE
    # .. setting_default: "openedx-commerce-discount" (the host's value if it sets one)
    # .. setting_description: The ``aud`` the LMS plugin puts in its discount JWTs (same setting name
    #   there). The basket accepts a discount token only with this audience; the services'
    #   JwtAuthentication (audience JWT_AUTH's JWT_ISSUERS) refuses it as a credential.
    _default(settings, "COMMERCE_DISCOUNTS_JWT_AUDIENCE", "openedx-commerce-discount")
    # .. setting_name: COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS
    # .. setting_default: True (the host's value if it sets one)
    # .. setting_description: Whether the basket accepts discount tokens signed HS256 with the
    #   issuer's shared SECRET_KEY (JWT_ISSUERS), as the LMS signs them unless
    #   JWT_AUTH_FORCE_CREATE_ASYMMETRIC is on. Set False once the LMS signs asymmetrically: then
    #   only the LMS's private key (JWT_PUBLIC_SIGNING_JWK_SET) can mint a discount.
    _default(settings, "COMMERCE_DISCOUNTS_ACCEPT_SYMMETRIC_TOKENS", True)
    # .. setting_name: COMMERCE_FULFILLMENT_FAILURE_EMAILS
    # .. setting_default: []
    # .. setting_description: Addresses emailed (through Django's ``send_mail``, from DEFAULT_FROM_EMAIL)
    #   when an order's fulfillment fails for good, with the error of each line. Every such failure is
    #   also logged at ERROR by ``ecommerce_plugin.fulfillment.alerts``, whatever this says.
    _default(settings, "COMMERCE_FULFILLMENT_FAILURE_EMAILS", [])
    # .. setting_name: COMMERCE_PENDING_ENROLLMENT_SECRET
    # .. setting_default: "" (the host's value if it sets one)
    # .. setting_description: Secret shared with the LMS plugin (same setting name there) to sign the
    #   receipt's hand-off to the LMS, which shows the purchased courses as pending until fulfilled.
    #   At least 32 characters (refused at start-up otherwise). Empty: the receipt links to the plain
    #   dashboard.
    _default(settings, "COMMERCE_PENDING_ENROLLMENT_SECRET", "")
    # .. setting_name: COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME
    # .. setting_default: 300
    # .. setting_description: Seconds the receipt's hand-off token stays valid (at most 900, which the
    #   LMS enforces too). It is made when the receipt is shown and used once, seconds later.
    _default(settings, "COMMERCE_PENDING_ENROLLMENT_TOKEN_LIFETIME", 300)
    # On a stock shop the basket page carries the plugin's pay form and scripts: its overrides of
    # two Oscar templates must be found before Oscar's own. Otto keeps its own basket page.
    for engine in [] if on_otto else settings.TEMPLATES:
        if engine["BACKEND"].endswith("DjangoTemplates") and CHECKOUT_TEMPLATE_OVERRIDES not in engine["DIRS"]:
            engine["DIRS"] = [CHECKOUT_TEMPLATE_OVERRIDES, *engine["DIRS"]]
    _install_layout_context_processor(settings)
    # Paid enrollments, registration codes, invoices, coupons, finance (issue 8).
    # .. setting_name: COMMERCE_REGISTRATION_CODE_LENGTH
    # .. setting_default: 12
    # .. setting_description: Characters in a registration code, drawn with ``secrets`` from a 25-letter
    #   unambiguous alphabet (25**12 is about 6e16 codes).
    _default(settings, "COMMERCE_REGISTRATION_CODE_LENGTH", 12)
    # .. setting_name: COMMERCE_REGISTRATION_CODE_REDEEM_URL
    # .. setting_default: None (required: start-up fails without it)
    # .. setting_description: The full URL of the page where learners redeem a code, as written in the
    #   emails (``https://<shop>/commerce/registration-codes/redeem/``).
    _default(settings, "COMMERCE_REGISTRATION_CODE_REDEEM_URL", None)
    # .. setting_name: COMMERCE_CODE_REDEMPTION_THROTTLE_RATES
    # .. setting_default: {"user": "10/minute", "ip": "60/minute"}
    # .. setting_description: Most registration-code redemptions (API and page, successful or not) per
    #   signed-in user and per client IP, in DRF's rate format ("N/second|minute|hour|day"). Above
    #   them the API answers 429 ``rate_limited``. The IP rate allows a classroom behind one address;
    #   ``None`` for a key turns that throttle off. Counts live in the default cache.
    _default(settings, "COMMERCE_CODE_REDEMPTION_THROTTLE_RATES", {"user": "10/minute", "ip": "60/minute"})
    # .. setting_name: COMMERCE_MAX_SEATS_PER_ORDER
    # .. setting_default: 500
    # .. setting_description: Most seats of one course bought in one multi-seat order.
    _default(settings, "COMMERCE_MAX_SEATS_PER_ORDER", 500)
    # .. setting_name: COMMERCE_MAX_CODES_PER_INVOICE
    # .. setting_default: 10000
    # .. setting_description: Most registration codes one invoice issues.
    _default(settings, "COMMERCE_MAX_CODES_PER_INVOICE", 10000)
    _append(settings, "COMMERCE_CHECKOUT_STEPS", "ecommerce_plugin.coupons.steps.CouponLimitsStep")
    # .. setting_name: COMMERCE_COUPON_STAFF_MAX_PERCENTAGE
    # .. setting_default: 50
    # .. setting_description: Largest discount, in percent, of a coupon that plain course staff may
    #   create. A larger coupon needs a finance admin of the course (``coupon_above_staff_cap``).
    _default(settings, "COMMERCE_COUPON_STAFF_MAX_PERCENTAGE", 50)
    # .. setting_name: COMMERCE_COUPON_STAFF_MAX_USES
    # .. setting_default: 100
    # .. setting_description: Most uses of a coupon that plain course staff may create; a coupon with
    #   no usage limit is above it. A larger one needs a finance admin of the course.
    _default(settings, "COMMERCE_COUPON_STAFF_MAX_USES", 100)
    # Multi-seat lines issue codes: this module must come before the seat enrollment module.
    _prepend(settings, "COMMERCE_FULFILLMENT_MODULES",
             "ecommerce_plugin.registration_codes.fulfillment.RegistrationCodesFulfillmentModule")
    # Discounts (issue 4): the LMS discount token is verified again and claimed before the charge.
    _append(settings, "COMMERCE_CHECKOUT_STEPS", "ecommerce_plugin.discounts.steps.LmsDiscountStep")
    # CCX lines are fulfilled by recording the purchase; the LMS CCX follows through its own task.
    _append(settings, "COMMERCE_FULFILLMENT_MODULES",
            "ecommerce_plugin.ccx_purchases.fulfillment.CcxPurchaseFulfillmentModule")
    if on_otto:
        otto_settings(settings)
    install_apps(settings, on_otto)


LAYOUT_CONTEXT_PROCESSOR = "ecommerce_plugin.context_processors.layout"


def _install_layout_context_processor(settings):
    """The plugin's pages extend the shop's own layout (Oscar's, or Otto's ``edx/base.html``)."""
    for engine in settings.TEMPLATES:
        if engine["BACKEND"].endswith("DjangoTemplates"):
            processors = engine.setdefault("OPTIONS", {}).setdefault("context_processors", [])
            if LAYOUT_CONTEXT_PROCESSOR not in processors:
                engine["OPTIONS"]["context_processors"] = [*processors, LAYOUT_CONTEXT_PROCESSOR]
