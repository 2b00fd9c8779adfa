"""
The openedx-filters pipeline step the discovery plugin adds to the host's seat sync.
"""
import logging

from openedx_filters import PipelineStep

from discovery_plugin import platform
from discovery_plugin.course_types import api

logger = logging.getLogger(__name__)


class KeepSeatsOfTheCourseRunType(PipelineStep):
    """
    Step of ``org.openedx.discovery.course_run.seat_sync.requested.v1``.

    It keeps the seats the run's type requires even when ecommerce reports no product
    for them, and drops products for a mode the type sells nothing for (masters), so the
    sync neither deletes a required seat nor creates a seat the type says does not exist.
    """

    def run_filter(self, course_run, products, seat_types_to_keep):  # pylint: disable=arguments-differ
        plan = api.seat_sync_plan(course_run.pk, course_run.key)
        kept_products = []
        for product in products:
            seat_type = platform.seat_type_for_product(product)
            if seat_type in plan.refuse_seat_types:
                logger.info(
                    "Not creating a %s seat for %s: its course run type sells no %s product.",
                    seat_type, course_run.key, seat_type,
                )
                continue
            kept_products.append(product)
        return {
            "products": kept_products,
            "seat_types_to_keep": set(seat_types_to_keep) | plan.keep_seat_types,
        }
