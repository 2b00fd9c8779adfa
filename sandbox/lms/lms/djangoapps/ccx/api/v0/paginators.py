"""
Replica of openedx-platform ``lms/djangoapps/ccx/api/v0/paginators.py``.
"""
from edx_rest_framework_extensions.paginators import DefaultPagination


class CCXAPIPagination(DefaultPagination):
    """
    edx-drf-extensions' pagination (``next``, ``previous``, ``count``, ``num_pages``, ``current_page``, ``start``, ``results``).
    """

    page_size_query_param = "page_size"
