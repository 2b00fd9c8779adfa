"""
The fork's migrations are Oscar's own (from the installed Oscar, 3.2 or 4.x) plus Otto's ``site``
column (``9000_basket_site``), as ``oscar_fork_app`` would copy them; nothing of Oscar is copied here.
"""
from pathlib import Path

from oscar.apps.basket import migrations as _oscar_migrations

__path__.append(str(Path(_oscar_migrations.__file__).parent))  # noqa: F821


def oscar_leaf():
    """The newest of the installed Oscar's basket migrations."""
    return sorted(
        path.stem for path in Path(_oscar_migrations.__file__).parent.glob("[0-9]*.py")
    )[-1]
