"""
Commerce features of the ecommerce service: seats, JWT discounts, CCX purchases, async fulfillment, codes and invoices.
"""
