"""
Replica of Otto ``ecommerce/extensions/payment`` (subset): the payment processor interface and its records.
"""
