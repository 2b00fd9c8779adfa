"""
Replica of Otto ``ecommerce/extensions/basket/middleware.py`` (``BasketMiddleware``: the request's
basket per site, offers applied on every request through ``basket.utils.apply_offers_on_basket``),
checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
New Relic and monitoring calls are left out.
"""
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_model

from ecommerce.extensions.basket.utils import apply_offers_on_basket

Basket = get_model("basket", "basket")


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's basket middleware with baskets per site (needs ``request.site``)."""

    def get_cookie_key(self, request):
        key = super().get_cookie_key(request)
        return f"{key}_{request.site.id}"

    def get_basket(self, request):
        """Return the open basket for this request."""
        # pylint: disable=protected-access
        if request._basket_cache is not None:
            return request._basket_cache

        manager = Basket.open
        cookie_key = self.get_cookie_key(request)
        cookie_basket = self.get_cookie_basket(cookie_key, request, manager)

        if hasattr(request, "user") and request.user.is_authenticated:
            try:
                basket, __ = manager.get_or_create(owner=request.user, site=request.site)
            except Basket.MultipleObjectsReturned:
                old_baskets = list(manager.filter(owner=request.user, site=request.site))
                basket = old_baskets[0]
                for other_basket in old_baskets[1:]:
                    self.merge_baskets(basket, other_basket)
            basket.owner = request.user
            if cookie_basket:
                self.merge_baskets(basket, cookie_basket)
                request.cookies_to_delete.append(cookie_key)
        elif cookie_basket:
            basket = cookie_basket
        else:
            basket = Basket(site=request.site)

        request._basket_cache = basket
        return basket

    def apply_offers_to_basket(self, request, basket):
        apply_offers_on_basket(request, basket)
