"""
Replica of Otto's fork of Oscar's basket app (``ecommerce/extensions/basket``), checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348: Oscar's basket plus a ``site``, one basket per site and owner.
"""
