"""
The CCX purchases feature's Python interface: the catalogue of CCX courses, quotes, basket lines,
purchases and their LMS sync state. Views, the checkout step, the task, the groomer, the admin
and the sandbox seed call this module; they never touch the models directly.
"""
import uuid

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from ecommerce_plugin import platform
from ecommerce_plugin.ccx_purchases import data, errors, pricing, rules
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused
from ecommerce_plugin.ccx_purchases.models import CcxBasketLine, CcxCourse, CcxCourseModule, CcxPurchase
from ecommerce_plugin.transactions import on_commit_robust

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")


# Catalogue ---------------------------------------------------------------------------------------


def ccx_course_product_class():
    return ProductClass.objects.get(slug=data.CCX_COURSE_PRODUCT_CLASS_SLUG)


def ensure_ccx_course_product_class(**kwargs):  # noqa: ARG001  (post_migrate's arguments)
    """
    ``post_migrate`` receiver: the ``CCX Course`` product class and its ``master_course_key``
    attribute exist (the plugin's own class, on every host).
    """
    ProductAttribute = get_model("catalogue", "ProductAttribute")  # noqa: N806
    ccx_class, _ = ProductClass.objects.get_or_create(
        slug=data.CCX_COURSE_PRODUCT_CLASS_SLUG,
        defaults={"name": data.CCX_COURSE_PRODUCT_CLASS_NAME, "requires_shipping": False, "track_stock": False},
    )
    ProductAttribute.objects.get_or_create(
        product_class=ccx_class,
        code="master_course_key",
        defaults={"name": "Master Course Key", "type": "text", "required": True},
    )
    return ccx_class


@transaction.atomic
def create_or_update_ccx_course(*, partner, master_course_key, title, modules, currency="USD"):
    """
    The CCX course product of ``master_course_key``, created or brought up to date.

    ``modules``: ``[(usage_key, display_name, price_per_seat), ...]`` in course order. Modules
    missing from the list are kept (purchases name them); prices and names are updated. Safe to
    call again with the same values.
    """
    master_course_key = str(master_course_key)
    course = CcxCourse.objects.select_related("product").filter(master_course_key=master_course_key).first()
    if course is None:
        product = Product(
            structure=Product.PARENT, product_class=ccx_course_product_class(), title=title, is_public=True
        )
        product.attr.master_course_key = master_course_key
        product.save()
        course = CcxCourse.objects.create(
            product=product, partner=partner, master_course_key=master_course_key, currency=currency
        )
    else:
        changed = course.partner_id != partner.id or course.currency != currency
        course.partner, course.currency = partner, currency
        if changed:
            course.save(update_fields=["partner", "currency"])
        if course.product.title != title:
            course.product.title = title
            course.product.save()
    for position, (usage_key, display_name, price) in enumerate(modules):
        CcxCourseModule.objects.update_or_create(
            course=course,
            usage_key=str(usage_key),
            defaults={"display_name": display_name, "price_per_seat": price, "position": position},
        )
    return get_ccx_course(master_course_key)


def get_ccx_course(master_course_key):
    """
    The CCX course of ``master_course_key`` as a value, or None when it is not sold.
    """
    course = _course_model(master_course_key)
    return _course_value(course) if course else None


def _course_model(master_course_key):
    return (
        CcxCourse.objects.select_related("product")
        .prefetch_related("modules")
        .filter(master_course_key=str(master_course_key))
        .first()
    )


def _course_value(course):
    return data.CcxCourse(
        product_id=course.product_id,
        master_course_key=course.master_course_key,
        title=course.product.title,
        currency=course.currency,
        modules=tuple(
            data.CcxModule(m.usage_key, m.display_name, m.price_per_seat) for m in course.modules.all()
        ),
    )


def module_prices(course_ids):
    """
    ``{course_id: {usage_key: price_per_seat}}`` in course order, in one query whatever the module count.
    """
    prices = {course_id: {} for course_id in course_ids}
    rows = CcxCourseModule.objects.filter(course_id__in=course_ids).order_by("course_id", "position", "id")
    for course_id, usage_key, price in rows.values_list("course_id", "usage_key", "price_per_seat"):
        prices[course_id][usage_key] = price
    return prices


# Quotes ------------------------------------------------------------------------------------------


def quote_purchase(user, master_course_key, modules, seats):
    """
    The price of a first purchase of ``modules`` x ``seats``; raises ``CcxPurchaseRefused``.
    """
    course = _course_model(master_course_key)
    if course is None:
        raise CcxPurchaseRefused(errors.COURSE_NOT_FOUND, _("This course is not sold as a CCX."), http_status=404)
    return _quote(course, None, modules, seats)


def quote_upgrade(user, external_id, modules, seats):
    """
    The price of growing ``user``'s purchase ``external_id`` to ``modules`` x ``seats``.
    """
    purchase = _purchase_model(user, external_id)
    return _quote(purchase.course, purchase, modules, seats)


def _quote(course, purchase, modules, seats):
    prices = {m.usage_key: m.price_per_seat for m in course.modules.all()}
    modules = rules.normalized_configuration(list(prices), modules, seats, settings.COMMERCE_CCX_MAX_SEATS)
    paid = pricing.ZERO
    if purchase is not None:
        rules.check_upgrade(purchase.modules, purchase.seats, modules, seats)
        paid = purchase.amount_paid
    total = pricing.configuration_total(prices, modules, seats)
    return data.Quote(
        master_course_key=course.master_course_key,
        modules=modules,
        seats=seats,
        total=total,
        amount_paid=paid,
        amount_due=pricing.amount_due(total, paid),
        currency=course.currency,
        purchase_external_id=str(purchase.external_id) if purchase else None,
        purchase_version=purchase.version if purchase else None,
    )


# Basket lines ------------------------------------------------------------------------------------


@transaction.atomic
def add_purchase_to_basket(
    user, master_course_key, modules, seats, *, display_name="", request=None, replace_line_id=None
):
    """
    Put a first purchase of a CCX in ``user``'s open basket (next to what is there) at its quote.

    ``replace_line_id``: the basket entry being edited (one of ``user``'s first-purchase lines of
    this course in an open basket), removed once the new quote passes; refused, nothing changes.
    """
    course = _course_model(master_course_key)
    if course is None:
        raise CcxPurchaseRefused(errors.COURSE_NOT_FOUND, _("This course is not sold as a CCX."), http_status=404)
    quote = _quote(course, None, modules, seats)
    if replace_line_id is not None:
        edited = _open_line_model(user, replace_line_id, kind=data.LineKind.PURCHASE, course=course)
        edited.line.delete()
    display_name = (display_name or course.product.title)[:255]
    title = f"{display_name}: {len(quote.modules)} modules x {quote.seats} seats"
    return _add_line(
        user, request, course, quote, kind=data.LineKind.PURCHASE, title=title, display_name=display_name
    )


@transaction.atomic
def add_upgrade_to_basket(user, external_id, modules, seats, request=None):
    """
    Put an upgrade of ``user``'s purchase ``external_id`` in their open basket at its quote; an
    earlier upgrade line of the same purchase in that basket is replaced.
    """
    purchase = _purchase_model(user, external_id)
    quote = _quote(purchase.course, purchase, modules, seats)
    title = (
        f"Upgrade of {purchase.display_name}: {len(quote.modules)} modules x {quote.seats} seats"
        f" (from {len(purchase.modules)} x {purchase.seats})"
    )
    return _add_line(
        user, request, purchase.course, quote,
        kind=data.LineKind.UPGRADE, title=title, display_name=purchase.display_name, purchase=purchase,
    )


def _add_line(user, request, course, quote, *, kind, title, display_name, purchase=None):
    basket = platform.open_basket(user, request)
    if purchase is not None:
        basket.lines.filter(ccx_quote__purchase=purchase).delete()
    # One quote product per line: the only price Oscar reads everywhere (basket page, offers,
    # order lines) is a stock record's, and a quote never changes once made.
    product = Product(structure=Product.CHILD, parent=course.product, title=title[:255], is_public=False)
    product.save()
    StockRecord.objects.create(
        product=product,
        partner=course.partner,
        partner_sku=f"{data.QUOTE_SKU_PREFIX}{uuid.uuid4().hex}",
        price=quote.amount_due,
        price_currency=quote.currency,
    )
    basket.strategy = Selector().strategy(request=request, user=user)
    line, _ = basket.add_product(product, 1)
    CcxBasketLine.objects.create(
        line=line,
        kind=kind,
        course=course,
        purchase=purchase,
        display_name=display_name,
        modules=list(quote.modules),
        seats=quote.seats,
        total=quote.total,
        amount_paid=quote.amount_paid,
        amount_due=quote.amount_due,
        base_version=purchase.version if purchase else None,
    )
    return data.BasketLineQuote(basket_id=basket.id, line_id=line.id, kind=kind, quote=quote)


def basket_line_quotes(basket_id):
    """
    The CCX lines of a basket, as values (what the basket page and API show next to Oscar's lines).
    """
    return _line_values(CcxBasketLine.objects.filter(line__basket_id=basket_id))


def open_basket_line_quotes(user, master_course_key=None):
    """
    ``user``'s CCX lines in their open baskets (of one master course or of all), oldest first:
    the entries the teacher's pages offer to edit. Reads only; no basket is opened.
    """
    rows = CcxBasketLine.objects.filter(line__basket__owner=user, line__basket__status=Basket.OPEN)
    if master_course_key is not None:
        rows = rows.filter(course__master_course_key=str(master_course_key))
    return _line_values(rows.order_by("line_id"))


def open_basket_line_quote(user, line_id, *, kind=None):
    """
    One of ``user``'s CCX lines in an open basket (the entry being edited); refused with
    ``line_not_found`` (404) when it is no such line: another user's, paid, or of another kind.
    """
    row = _open_line_model(user, line_id, kind=kind)
    return _line_values([row])[0]


def _open_line_model(user, line_id, *, kind=None, course=None):
    rows = CcxBasketLine.objects.select_related("line", "course", "purchase").filter(
        line__basket__owner=user, line__basket__status=Basket.OPEN
    )
    if kind is not None:
        rows = rows.filter(kind=kind)
    if course is not None:
        rows = rows.filter(course=course)
    row = rows.filter(line_id=line_id).first() if str(line_id).isdigit() and int(line_id) < 2**31 else None
    if row is None:
        raise CcxPurchaseRefused(
            errors.LINE_NOT_FOUND, _("This entry is no longer in your cart."), http_status=404
        )
    return row


def _line_values(rows):
    return [
        data.BasketLineQuote(
            basket_id=row.line.basket_id,
            line_id=row.line_id,
            kind=row.kind,
            quote=data.Quote(
                master_course_key=row.course.master_course_key,
                modules=tuple(row.modules),
                seats=row.seats,
                total=row.total,
                amount_paid=row.amount_paid,
                amount_due=row.amount_due,
                currency=row.course.currency,
                purchase_external_id=str(row.purchase.external_id) if row.purchase else None,
                purchase_version=row.base_version,
            ),
            display_name=row.display_name,
        )
        for row in (rows.select_related("line", "course", "purchase") if hasattr(rows, "select_related") else rows)
    ]


# Purchases ---------------------------------------------------------------------------------------


def _purchase_model(user, external_id):
    try:
        external_id = uuid.UUID(str(external_id))
    except ValueError:
        external_id = None
    purchase = (
        CcxPurchase.objects.select_related("course__product")
        .prefetch_related("course__modules")
        .filter(external_id=external_id, user=user)
        .first()
        if external_id
        else None
    )
    if purchase is None:
        raise CcxPurchaseRefused(errors.PURCHASE_NOT_FOUND, _("No such purchase."), http_status=404)
    return purchase


def purchase_value(purchase):
    return data.CcxPurchase(
        external_id=str(purchase.external_id),
        master_course_key=purchase.course.master_course_key,
        display_name=purchase.display_name,
        modules=tuple(purchase.modules),
        seats=purchase.seats,
        amount_paid=purchase.amount_paid,
        currency=purchase.course.currency,
        version=purchase.version,
        synced_version=purchase.synced_version,
        ccx_course_id=purchase.ccx_course_id,
        sync_state=purchase.sync_state,
        sync_error=purchase.sync_error,
    )


def purchases_for(user, master_course_key=None):
    """
    ``user``'s purchases, oldest first, of one master course or of all.
    """
    purchases = CcxPurchase.objects.select_related("course").filter(user=user).order_by("id")
    if master_course_key is not None:
        purchases = purchases.filter(course__master_course_key=str(master_course_key))
    return [purchase_value(p) for p in purchases]


def purchase_for(user, external_id):
    return purchase_value(_purchase_model(user, external_id))


def course_with_purchases(user, master_course_key):
    """
    The CCX course and ``user``'s purchases of it: the course payload merges both (the choice of
    the Teacher's Portal design), so the buy tab needs one call. None when the course is not sold.
    """
    course = get_ccx_course(master_course_key)
    if course is None:
        return None
    return course, purchases_for(user, master_course_key)


def request_sync(external_id):
    """
    Ask for the purchase to be pushed to the LMS again (staff's retry): state back to pending, task queued.
    """
    from ecommerce_plugin.ccx_purchases import tasks  # noqa: PLC0415  (tasks import this module)

    purchase = CcxPurchase.objects.get(external_id=external_id)
    CcxPurchase.objects.filter(id=purchase.id).exclude(sync_state=data.SyncState.IN_SYNC).update(
        sync_state=data.SyncState.PENDING, sync_error=""
    )
    on_commit_robust(lambda: tasks.sync_ccx_purchase.delay(purchase.id))


# Quote products ------------------------------------------------------------------------------


def abandoned_quote_products(older_than):
    """
    Quote products nobody can still pay for or has paid for: made before ``older_than``, on no
    order line, and in no basket but open ones last touched before ``older_than``. A replaced
    upgrade line leaves its quote product with no basket at all; an abandoned basket keeps one.
    """
    return (
        Product.objects.filter(
            stockrecords__partner_sku__startswith=data.QUOTE_SKU_PREFIX, date_created__lt=older_than
        )
        .exclude(line__isnull=False)  # order lines (Oscar gives them no related name)
        .exclude(basket_lines__basket__status__in=[Basket.FROZEN, Basket.SUBMITTED])
        .exclude(basket_lines__basket__date_created__gte=older_than)
        .distinct()
    )


@transaction.atomic
def prune_quote_products(older_than):
    """
    Delete the abandoned quote products (and their lines in abandoned open baskets); returns how many.
    """
    ids = list(abandoned_quote_products(older_than).values_list("id", flat=True))
    Product.objects.filter(id__in=ids).delete()
    return len(ids)
