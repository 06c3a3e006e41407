"""Inspect rendered HTML the way a browser would parse it, and report anything script-capable."""

import ast
import os
import re
from collections import Counter
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
NOSCRIPT = re.compile(r"<noscript", re.IGNORECASE)

#: The shared corpus (the HTML5 Security Cheatsheet's vectors and event handlers on safelisted
#: tags), kept beside the repository rather than in it.
XSS_VECTORS_FILE = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "xss-vectors.txt"
#: The families the shared corpus lacks (filter evasion, URL scheme tricks, mutation XSS, Wagtail's
#: stored format), kept in the repository.
XSS_EXTRA_VECTORS_FILE = Path(__file__).resolve().parents[1] / "testdata" / "xss-extra-vectors.txt"
MISSING_CORPUS = (
    "the shared XSS corpus is missing: expected shared/testdata/xss-vectors.txt beside the "
    "repository; only tests/testdata/xss-extra-vectors.txt runs"
)


def problems(markup):
    """Return a list of what in ``markup`` could run script; empty when it is inert.

    The markup is parsed as a browser parses a page, twice: with scripting off and on, since
    the two read ``<noscript>`` differently and mutation XSS plays on such differences. What
    either parse finds counts (as a multiset union, so repeated problems keep their number). A
    fragment is read as the page around it would read it: a ``<body onload>`` inside it lends
    its handler to the page's body.
    """
    found = _problems_in(markup, scripting=False)
    if not NOSCRIPT.search(markup):
        return found  # scripting changes how <noscript> is read, and nothing else
    extra = Counter(_problems_in(markup, scripting=True)) - Counter(found)
    return found + list(extra.elements())


def _problems_in(markup, scripting):
    found = []
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    document = parser.parse(markup, scripting=scripting)
    for element in document.iter():
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
            # The parser has decoded character references once, as a browser does; decoding
            # again would see danger in text such as "&#106;avascript:", which browsers do not.
            if name in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(URL_NOISE.sub("", value)):
                found.append(f"{name}={value!r} on <{tag}>")
    return found


def read_vectors(path):
    """The vectors in one corpus file: one a line, ``#`` lines skipped, ``py:`` lines evaluated."""
    vectors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vectors.append(ast.literal_eval(line[3:]) if line.startswith("py:") else line)
    return vectors


def xss_vectors():
    """Every vector available, shared corpus first, without duplicates, as plain strings.

    Without the shared corpus only the repository's own vectors come back; in CI, where the
    shared corpus must be present, that fails instead (see :func:`shared_corpus_missing`).
    """
    vectors = [] if shared_corpus_missing() else read_vectors(XSS_VECTORS_FILE)
    vectors += read_vectors(XSS_EXTRA_VECTORS_FILE)
    return list(dict.fromkeys(vectors))


def shared_corpus_missing():
    """Whether the shared corpus is absent; in CI (``CI`` set) its absence fails the run."""
    if XSS_VECTORS_FILE.exists():
        return False
    if os.environ.get("CI"):
        pytest.fail(MISSING_CORPUS, pytrace=False)
    return True


def load_xss_vectors():
    """The corpus of XSS payloads for ``parametrize``: shared and extra vectors together.

    Used while tests are collected. Without the shared corpus (a clone with no ``shared/``
    folder beside it) the extra vectors still run, and one skipped case says what is missing;
    in CI, where the corpus must be present, collection fails instead.
    """
    vectors = xss_vectors()
    if XSS_VECTORS_FILE.exists():
        return vectors
    return [
        *vectors,
        pytest.param("", marks=pytest.mark.skip(reason=MISSING_CORPUS), id="no-corpus"),
    ]
