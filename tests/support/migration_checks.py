"""
Migration checks every host suite runs: models and migrations agree, and the migrations apply
on the embedded database and on MariaDB. A host suite imports these tests by name.
"""
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def _assert_all_migrations_applied():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert plan == [], f"unapplied migrations: {plan}"


@pytest.mark.django_db
def test_models_have_no_missing_migrations():
    # --check exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", check=True, dry_run=True, stdout=StringIO())


@pytest.mark.django_db
def test_migrations_apply_on_the_embedded_database():
    _assert_all_migrations_applied()


@pytest.mark.mariadb
@pytest.mark.django_db
def test_migrations_apply_on_mariadb():
    assert connection.vendor == "mysql"
    _assert_all_migrations_applied()
