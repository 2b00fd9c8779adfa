"""
``./manage.py audit_seats_sold [--course KEY]... [--output FILE]``: the seats-sold audit as CSV.
"""
from ecommerce_plugin.finance.management.commands._audit import AuditCommand


class Command(AuditCommand):
    help = "Write the seats-sold audit as CSV."
    audit = "seats-sold"
