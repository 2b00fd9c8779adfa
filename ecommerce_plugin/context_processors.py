"""
The page layout the plugin's pages extend, per shop.

A stock Oscar shop has ``oscar/layout.html``. Otto does not serve Oscar's storefront: its URL
configuration has no ``catalogue`` namespace, which that layout links to, so a page extending it
fails there. Otto's own ``edx/base.html`` needs Otto's compiled assets, so on Otto the plugin's
pages use a plain layout of their own with the same block names. The plugin's templates extend
``commerce_layout`` (Oscar's layout where this processor is not installed).
"""
from ecommerce_plugin import platform

OSCAR_LAYOUT = "oscar/layout.html"
OTTO_LAYOUT = "ecommerce_plugin/otto_layout.html"


def layout(request):  # pylint: disable=unused-argument
    return {"commerce_layout": OTTO_LAYOUT if platform.is_otto() else OSCAR_LAYOUT}
