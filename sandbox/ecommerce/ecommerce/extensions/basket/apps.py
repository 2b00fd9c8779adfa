"""
Replica of Otto ``ecommerce/extensions/basket/apps.py``: Oscar's basket app, forked under Otto's
path, with Otto's ``/basket/add/`` (``basket-add``), checked against openedx-unsupported/ecommerce
``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
from django.urls import path
from oscar.apps.basket import apps
from oscar.core.loading import get_class


class BasketConfig(apps.BasketConfig):
    name = "ecommerce.extensions.basket"

    # pylint: disable=attribute-defined-outside-init
    def ready(self):
        super().ready()
        self.basket_add_items_view = get_class("basket.views", "BasketAddItemsView")

    def get_urls(self):
        return [
            *super().get_urls(),
            *self.post_process_urls([path("add/", self.basket_add_items_view.as_view(), name="basket-add")]),
        ]
