"""
What a CCX configuration and an upgrade must satisfy; checked when a line is added and again at payment.

Pure functions over plain values: a test reaches every rule without a basket or a database.
"""
from ecommerce_plugin.ccx_purchases import errors
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused


def normalized_configuration(course_modules, modules, seats, max_seats):
    """
    ``modules`` in course order, after checking them and ``seats`` against the course.

    ``course_modules``: the course's usage keys in course order.
    """
    modules = list(modules or [])
    if not modules:
        raise CcxPurchaseRefused(errors.NO_MODULES, "Choose at least one module.")
    if len(set(modules)) != len(modules):
        raise CcxPurchaseRefused(errors.DUPLICATE_MODULE, "A module was listed twice.")
    unknown = sorted(set(modules) - set(course_modules))
    if unknown:
        raise CcxPurchaseRefused(errors.UNKNOWN_MODULE, f"Not a module of this course: {', '.join(unknown)}.")
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= max_seats:
        raise CcxPurchaseRefused(errors.INVALID_SEATS, f"Seats must be a whole number from 1 to {max_seats}.")
    chosen = set(modules)
    return tuple(module for module in course_modules if module in chosen)


def check_upgrade(held_modules, held_seats, modules, seats):
    """
    An upgrade keeps every module and seat held and adds at least one of either.
    """
    if seats < held_seats:
        raise CcxPurchaseRefused(
            errors.SEATS_DECREASED, f"Seats cannot go below the {held_seats} already bought; contact support."
        )
    removed = sorted(set(held_modules) - set(modules))
    if removed:
        raise CcxPurchaseRefused(
            errors.MODULES_REMOVED, f"Modules already bought cannot be removed ({', '.join(removed)}); contact support."
        )
    if seats == held_seats and set(modules) == set(held_modules):
        raise CcxPurchaseRefused(errors.NO_INCREASE, "This upgrade adds no seat and no module.")
