"""Inspect rendered HTML the way a browser would parse it, and report anything script-capable."""

import html
import os
import re
from pathlib import Path

import html5lib
import pytest

SCRIPT_CAPABLE_ELEMENTS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "applet", "base", "link", "meta",
        "style", "form", "input", "button", "textarea", "select", "svg", "math", "template",
        "video", "audio", "source", "image", "isindex", "xml", "xss", "marquee", "bgsound",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "poster", "background", "data", "url", "srcset",
        "xlink:href", "lowsrc", "dynsrc", "codebase", "cite", "longdesc", "usemap", "manifest",
    }
)  # fmt: skip
DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")

XSS_VECTORS_FILE = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "xss-vectors.txt"


def problems(markup):
    """Return a list of what in ``markup`` could run script; empty when it is inert."""
    found = []
    fragment = html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False)
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in SCRIPT_CAPABLE_ELEMENTS:
            found.append(f"<{tag}> element")
        if tag == "embed" and ({"src", "type", "code"} & set(element.attrib)):
            found.append("<embed> that loads content")
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1].lower()
            if name.startswith("on"):
                found.append(f"{name} attribute on <{tag}>")
            if name == "style":
                found.append(f"style attribute on <{tag}>")
            if name in URL_ATTRIBUTES:
                url = URL_NOISE.sub("", html.unescape(value))
                if DANGEROUS_SCHEME.match(url):
                    found.append(f"{name}={value!r} on <{tag}>")
    return found


def load_xss_vectors():
    """The shared corpus of XSS payloads, one per line (``py:`` lines are Python literals).

    Used in ``parametrize``, so it runs while tests are collected. Without the corpus (a clone
    with no ``shared/`` folder beside it) it gives one skipped case that says what is missing;
    in CI, where the corpus must be present, collection fails instead.
    """
    import ast

    if not XSS_VECTORS_FILE.exists():
        message = (
            "the XSS corpus is missing: expected shared/testdata/xss-vectors.txt beside the "
            "repository"
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        return [pytest.param("", marks=pytest.mark.skip(reason=message), id="no-corpus")]
    vectors = []
    for line in XSS_VECTORS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vectors.append(ast.literal_eval(line[3:]) if line.startswith("py:") else line)
    return vectors
