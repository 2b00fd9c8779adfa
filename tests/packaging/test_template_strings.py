"""
Every piece of text a learner, teacher or admin reads in the plugins' templates is marked for
translation: Django templates through ``{% trans %}`` / ``{% blocktrans %}``, the LMS's Mako
templates by taking their text from the context (where Python marked it).

The check rebuilds each template with its tags and variables blanked, parses what is left as
HTML, and flags any text node, or any attribute a person reads (``title``, ``alt``,
``placeholder``, ``aria-label``, a button's ``value``), that still contains a word.
"""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ("lms_plugin", "ecommerce_plugin", "discovery_plugin")
HOLE = "\x00"
WORD = re.compile(r"[^\W\d_]{2,}")
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "label"}
BUTTON_TYPES = {"submit", "button", "reset"}

# (template path relative to the repository, text) pairs a person reads but that are not
# language: keep this short and say why for each.
ALLOWED = frozenset()


def plugin_templates():
    for plugin in PLUGINS:
        for path in sorted((REPO_ROOT / plugin).rglob("*")):
            if path.suffix in {".html", ".txt"} and any(part.startswith("templates") for part in path.parts):
                yield path


def blank_django(source):
    """
    The template with every tag, variable and comment replaced by a hole, and the whole of each
    ``blocktrans`` (its text is marked) and ``{% comment %}`` block dropped.
    """
    out, skip_until = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if skip_until:
                if name in skip_until:
                    skip_until = None
            elif name in {"blocktrans", "blocktranslate"}:
                skip_until = {"endblocktrans", "endblocktranslate"}
            elif name == "comment":
                skip_until = {"endcomment"}
            out.append(HOLE)
        elif skip_until:
            continue
        elif token.token_type == TokenType.TEXT:
            out.append(token.contents)
        else:
            out.append(HOLE)
    return "".join(out)


def blank_mako(source):
    """
    A Mako template with its ``##`` comments, ``%`` control lines, ``<% %>`` blocks, ``<%tag>``
    directives and ``${}`` expressions replaced by holes.
    """
    source = re.sub(r"<%(?!\w).*?%>", HOLE, source, flags=re.S)
    source = re.sub(r"</?%\w+[^>]*>", HOLE, source)
    source = re.sub(r"\$\{[^}]*\}", HOLE, source)
    lines = [HOLE if line.lstrip().startswith(("##", "%")) else line for line in source.splitlines()]
    return "\n".join(lines)


class _TextFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._raw = [], 0

    def _check(self, text):
        text = " ".join(text.replace(HOLE, " ").split())
        if WORD.search(text):
            self.found.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._raw += 1
        attrs = dict(attrs)
        for name, value in attrs.items():
            readable = name in READ_ATTRIBUTES or (
                name == "value" and tag in {"input", "button"} and (attrs.get("type") or "").lower() in BUTTON_TYPES
            )
            if readable and value:
                self._check(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._raw:
            self._raw -= 1

    def handle_data(self, data):
        if not self._raw:
            self._check(data)


def unmarked_text(source, mako=False):
    finder = _TextFinder()
    finder.feed(blank_mako(source) if mako else blank_django(source))
    finder.close()
    return finder.found


def is_mako(source):
    return source.lstrip().startswith("## mako")


def test_the_plugins_have_templates():
    names = {path.name for path in plugin_templates()}
    assert {"receipt.html", "redeem.html", "pending_courses.html", "commtype_commerce_order_codes_body.txt"} <= names


@pytest.mark.parametrize("path", list(plugin_templates()), ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_template_text_is_marked_for_translation(path):
    source = path.read_text(encoding="utf-8")
    relative = str(path.relative_to(REPO_ROOT))
    found = [text for text in unmarked_text(source, mako=is_mako(source)) if (relative, text) not in ALLOWED]
    assert not found, f"{relative}: text not marked for translation: {found}"


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Your order</p>", ["Your order"]),
        ('{% load i18n %}<p>{% trans "Your order" %} {{ order.number }}</p>', []),
        ("{% blocktrans %}Order {{ n }}{% endblocktrans %} paid", ["paid"]),
        ('<input type="submit" value="Refund">', ["Refund"]),
        ('<input type="hidden" name="sku" value="ABC123">', []),
        ('<img alt="Course image">', ["Course image"]),
        ("{% comment %}Staff only{% endcomment %}<script>let note = 'x';</script> · {{ a }}: ", []),
        ("Thank you for your order {{ order.number }}.", ["Thank you for your order ."]),
    ],
)
def test_the_check_flags_unmarked_django_text(source, expected):
    assert unmarked_text(source) == expected


def test_the_check_flags_unmarked_mako_text():
    marked = '## mako\n<%page args="x"/>\n% if note:\n<p class="note">${note}</p>\n% endif\n<% y = 1 %>\n'
    assert unmarked_text(marked, mako=True) == []
    assert unmarked_text(marked + "<p>Pending</p>\n", mako=True) == ["Pending"]
