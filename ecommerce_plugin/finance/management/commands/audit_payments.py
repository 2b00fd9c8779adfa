"""
``./manage.py audit_payments [--course KEY]... [--output FILE]``: the payments audit as CSV.
"""
from ecommerce_plugin.finance.management.commands._audit import AuditCommand


class Command(AuditCommand):
    help = "Write the payments audit as CSV."
    audit = "payments"
