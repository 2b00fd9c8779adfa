"""
Replica of the offer priorities of Otto ``ecommerce/extensions/offer/models.py``, checked against
openedx-unsupported/ecommerce ``open-release/sumac.master`` 126b670782e095b0abddd22fae0e94f8caf88348.

Only the constants: the sandbox keeps Oscar's offer models. Otto's forks add columns the plugin's
coupons leave empty (``ConditionalOffer.partner``/``site``/``email_domains``, ``Range.catalog``,
``catalog_query``, ``course_catalog``, ``enterprise_customer``), and with them empty Otto's
``is_condition_satisfied``, ``Range.contains_product`` and ``Benefit.get_applicable_lines`` are
Oscar's; the opt-in suite (tests/otto_host/test_coupons_in_otto.py) runs the real forks.
"""
OFFER_PRIORITY_ENTERPRISE = 10
OFFER_PRIORITY_VOUCHER = 20
OFFER_PRIORITY_MANUAL_ORDER = 100
