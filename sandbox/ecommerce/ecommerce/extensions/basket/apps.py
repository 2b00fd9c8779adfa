"""
Replica of Otto ``ecommerce/extensions/basket/apps.py``: Oscar's basket app, forked under Otto's path.
"""
from oscar.apps.basket import apps


class BasketConfig(apps.BasketConfig):
    name = "ecommerce.extensions.basket"
