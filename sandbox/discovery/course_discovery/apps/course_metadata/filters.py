"""
Sandbox seam, not in upstream course-discovery: the filter fired by ``EcommerceApiDataLoader`` before it syncs a run's seats.

Upstream's ``data_loaders/api.py`` (``EcommerceApiDataLoader._process_product`` /
``update_seats``) has no extension point there; this is the small, openedx-filters
shaped hook a deployment adds at that spot (docs/decisions/0007-course-types.rst).
With no pipeline configured it returns its input, so the loader behaves as upstream.
"""
from openedx_filters.tooling import OpenEdxPublicFilter


class CourseRunSeatSyncRequested(OpenEdxPublicFilter):
    """
    Lets plugins change which products become seats and which seats survive without a product.
    """

    filter_type = "org.openedx.discovery.course_run.seat_sync.requested.v1"

    @classmethod
    def run_filter(cls, course_run, products, seat_types_to_keep):
        """
        Returns ``(products, seat_types_to_keep)`` as the pipeline left them.

        ``products`` are the ecommerce seat products to write as seats;
        ``seat_types_to_keep`` are seat type slugs whose seats stay even with no product.
        """
        data = super().run_pipeline(
            course_run=course_run, products=list(products), seat_types_to_keep=set(seat_types_to_keep)
        )
        return data["products"], set(data["seat_types_to_keep"])
