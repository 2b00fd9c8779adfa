"""
Replica of Otto ``ecommerce/extensions/communication`` (only its ``utils.Dispatcher``, not the
forked app), checked against openedx-unsupported/ecommerce ``open-release/sumac.master``
126b670782e095b0abddd22fae0e94f8caf88348.
"""
