"""
Replica of Otto's ``ecommerce/core`` app (``SiteConfiguration`` only), checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
