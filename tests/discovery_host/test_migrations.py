"""
The host's models and migrations agree, and the migrations apply on SQLite and MariaDB.
"""
import pytest
from django.db import connection

from support.migrations import assert_all_migrations_applied, assert_no_missing_migrations


@pytest.mark.django_db
def test_models_have_no_missing_migrations():
    assert_no_missing_migrations()


@pytest.mark.django_db
def test_migrations_apply_on_the_embedded_database():
    assert_all_migrations_applied()


@pytest.mark.mariadb
@pytest.mark.django_db
def test_migrations_apply_on_mariadb():
    assert connection.vendor == "mysql"
    assert_all_migrations_applied()
