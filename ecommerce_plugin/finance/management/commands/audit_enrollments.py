"""
``./manage.py audit_enrollments [--course KEY]... [--output FILE]``: the enrollments audit as CSV.
"""
from ecommerce_plugin.finance.management.commands._audit import AuditCommand


class Command(AuditCommand):
    help = "Write the enrollments audit as CSV."
    audit = "enrollments"
