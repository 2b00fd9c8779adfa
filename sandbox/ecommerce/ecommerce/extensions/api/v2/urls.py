"""
Replica of the order routes of Otto ``ecommerce/extensions/api/v2/urls.py`` (``orders/<number>/fulfill/``).
"""
from rest_framework.routers import SimpleRouter

from ecommerce.extensions.api.v2.views import orders as order_views

router = SimpleRouter()
router.register(r"orders", order_views.OrderViewSet, basename="order")
urlpatterns = router.urls
