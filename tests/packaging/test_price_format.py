"""
A price is written one way on every page and email the plugins render: through Oscar's
``currency`` filter (``{{ amount|currency:code }}``, what Oscar's and Otto's own pages use), never
as an amount beside a currency code ("41.65 USD" next to the basket's "$41.65").
"""
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("lms_plugin", "ecommerce_plugin", "discovery_plugin", "sandbox")
# A currency code printed on its own: {{ order.currency }}, {{ currency }}.
BARE_CURRENCY = re.compile(r"\{\{\s*[\w.]*currency\s*\}\}")


def templates():
    for folder in FOLDERS:
        for path in sorted((REPO_ROOT / folder).rglob("*")):
            if path.suffix in {".html", ".txt"} and any(part.startswith("templates") for part in path.parts):
                yield path


@pytest.mark.parametrize("path", list(templates()), ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_prices_go_through_the_shops_currency_filter(path):
    source = path.read_text()
    assert not BARE_CURRENCY.findall(source), f"{path.relative_to(REPO_ROOT)} prints a currency code beside an amount"
