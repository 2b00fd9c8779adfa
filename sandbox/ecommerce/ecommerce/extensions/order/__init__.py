"""
Replicas of Otto's ``ecommerce/extensions/order`` modules the fulfillment flow uses (not an app:
the sandbox keeps Oscar's order app and its models).
"""
