"""
What a CCX configuration and an upgrade must satisfy; checked when a line is added and again at payment.

Pure functions over plain values: a test reaches every rule without a basket or a database.
"""
from django.utils.translation import gettext as _

from ecommerce_plugin.ccx_purchases import errors
from ecommerce_plugin.ccx_purchases.errors import CcxPurchaseRefused


def normalized_configuration(course_modules, modules, seats, max_seats):
    """
    ``modules`` in course order, after checking them and ``seats`` against the course.

    ``course_modules``: the course's usage keys in course order.
    """
    modules = list(modules or [])
    if not modules:
        raise CcxPurchaseRefused(errors.NO_MODULES, _("Choose at least one module."))
    if len(set(modules)) != len(modules):
        raise CcxPurchaseRefused(errors.DUPLICATE_MODULE, _("A module was listed twice."))
    unknown = sorted(set(modules) - set(course_modules))
    if unknown:
        raise CcxPurchaseRefused(
            errors.UNKNOWN_MODULE,
            _("Not a module of this course: %(unknown)s.") % {"unknown": ", ".join(unknown)},
        )
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= max_seats:
        raise CcxPurchaseRefused(
            errors.INVALID_SEATS,
            _("Seats must be a whole number from 1 to %(max_seats)s.") % {"max_seats": max_seats},
        )
    chosen = set(modules)
    return tuple(module for module in course_modules if module in chosen)


def check_upgrade(held_modules, held_seats, modules, seats):
    """
    An upgrade keeps every module and seat held and adds at least one of either.
    """
    if seats < held_seats:
        raise CcxPurchaseRefused(
            errors.SEATS_DECREASED,
            _("Seats cannot go below the %(held_seats)s already bought; contact support.") % {"held_seats": held_seats},
        )
    removed = sorted(set(held_modules) - set(modules))
    if removed:
        raise CcxPurchaseRefused(
            errors.MODULES_REMOVED,
            _("Modules already bought cannot be removed (%(modules)s); contact support.")
            % {"modules": ", ".join(removed)},
        )
    if seats == held_seats and set(modules) == set(held_modules):
        raise CcxPurchaseRefused(errors.NO_INCREASE, _("This upgrade adds no seat and no module."))
