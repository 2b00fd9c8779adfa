"""
Replica of Otto ``ecommerce/extensions/fulfillment/api.py`` (``fulfill_order`` over
``FULFILLMENT_MODULES``, ``get_fulfillment_modules``, ``get_fulfillment_modules_for_line``,
``revoke_fulfillment_for_refund``), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

As upstream: every line passed in is offered to the modules again, including lines already
Complete (a retried order re-fulfils them unless a module claims them first); the first module
whose ``get_supported_lines`` returns a line fulfils it; at refund every module whose
``supports_line`` is true revokes the line.
"""
import logging
from importlib import import_module

from django.conf import settings
from django.utils.timezone import now

from ecommerce.extensions.fulfillment import exceptions
from ecommerce.extensions.fulfillment.status import LINE, ORDER
from ecommerce.extensions.refund.status import REFUND_LINE

logger = logging.getLogger(__name__)


def fulfill_order(order, lines, email_opt_in=False):
    logger.info("Attempting to fulfill products for order [%s]", order.number)
    if ORDER.COMPLETE not in order.available_statuses():
        error_msg = f"Order has a current status of [{order.status}] which cannot be fulfilled."
        logger.error(error_msg)
        raise exceptions.IncorrectOrderStatusError(error_msg)

    line_items = list(lines.all())

    try:
        for module_class in get_fulfillment_modules():
            module = module_class()
            supported_lines = module.get_supported_lines(line_items)
            if supported_lines:
                line_items = list(set(line_items) - set(supported_lines))
                module.fulfill_product(order, supported_lines, email_opt_in=email_opt_in)

        for line in line_items:
            product_type = line.product.get_product_class().name
            logger.error("Product Type [%s] does not have an associated Fulfillment Module. It cannot be fulfilled.",
                         product_type)
            line.set_status(LINE.FULFILLMENT_CONFIGURATION_ERROR)
    except Exception:  # pylint: disable=broad-except
        logger.exception("An unexpected error occurred while fulfilling order [%s].", order.number)
    finally:
        order_status = ORDER.COMPLETE
        for line in lines.all():
            if line.status != LINE.COMPLETE:
                logger.error("There was an error while fulfilling order [%s]", order.number)
                order_status = ORDER.FULFILLMENT_ERROR
                break

        order.set_status(order_status)

        elapsed = now() - order.date_placed
        logger.info(
            "Finished fulfilling order [%s] with status [%s]. [%s] seconds elapsed since placement.",
            order.number, order.status, elapsed.total_seconds(),
        )

        return order  # noqa: B012  pylint: disable=lost-exception  (upstream returns from finally)


def get_fulfillment_modules():
    """All fulfillment modules declared in settings (``FULFILLMENT_MODULES``), in order."""
    module_paths = getattr(settings, "FULFILLMENT_MODULES", [])
    modules = []

    for cls_path in module_paths:
        try:
            module_path, _, name = cls_path.rpartition(".")
            module = getattr(import_module(module_path), name)
            modules.append(module)
        except (ImportError, ValueError, AttributeError):
            logger.exception("Could not load module at [%s]", cls_path)

    return modules


def get_fulfillment_modules_for_line(line):
    """The fulfillment modules that can fulfil (and so revoke) ``line``."""
    return [module for module in get_fulfillment_modules() if module().supports_line(line)]


def revoke_fulfillment_for_refund(refund):
    """Revoke every line of ``refund``; True when all revocations succeeded."""
    succeeded = True

    # A refund of no money needs no revocation (and Otto revoking an auto-approved refund deadlocks with the LMS).
    if refund.total_credit_excl_tax == 0:
        for refund_line in refund.lines.all():
            refund_line.set_status(REFUND_LINE.COMPLETE)
    else:
        for refund_line in refund.lines.all():
            order_line = refund_line.order_line
            modules = get_fulfillment_modules_for_line(order_line)

            for module in modules:
                if module().revoke_line(order_line):
                    refund_line.set_status(REFUND_LINE.COMPLETE)
                else:
                    succeeded = False
                    refund_line.set_status(REFUND_LINE.REVOCATION_ERROR)

    return succeeded
