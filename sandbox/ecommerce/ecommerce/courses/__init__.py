"""
Replica of Otto's ``ecommerce/courses`` app (``Course``, its seats and their publication to the
LMS), checked against openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.
"""
