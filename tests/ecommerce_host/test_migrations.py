"""
The host's models and migrations agree, and the migrations apply on SQLite and MariaDB.
"""
from support.migration_checks import (  # noqa: F401
    test_migrations_apply_on_mariadb,
    test_migrations_apply_on_the_embedded_database,
    test_models_have_no_missing_migrations,
)
