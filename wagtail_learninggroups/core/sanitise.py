"""The one HTML policy of wagtail-learninggroups.

Every piece of HTML that an editor or a member of staff writes passes :func:`clean_html` where it
is stored and again where it is shown. The policy is a safelist (bleach) that covers what
Wagtail's rich text editor produces; sites widen or narrow it through the ``HTML_ALLOWED_*``
settings (see :mod:`wagtail_learninggroups.conf`).
"""

import re
from urllib.parse import urlsplit

import bleach
from bleach.html5lib_shim import Filter

from ..conf import get_setting
from . import caches

# Every void element of HTML: a site's safelist may allow any of them. Bleach escapes "<" and ">"
# inside attributes, so an element ends at the first ">".
_VOID = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)(\s[^<>]*?)?\s*/?>",
    re.IGNORECASE,
)

# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")

# Wagtail's rich text editor keys each paragraph with a short token, used to anchor comments.
_BLOCK_KEY = re.compile(r"[A-Za-z0-9_-]{1,16}")

# `embed` carries a URL of its own that bleach does not treat as a link, so it is checked here.
_EMBED_URL_SCHEMES = frozenset({"http", "https"})

# Wagtail looks the ids of stored links and embeds up in the database: anything but a number
# that fits the column ("²" passes str.isdigit, a long number overflows) would take the page down.
_OBJECT_ID = re.compile(r"[0-9]{1,10}")
_MAX_OBJECT_ID = 2**31 - 1

# What Wagtail's handlers need of a stored link or embed to expand it rather than fail.
_LINKS_NEEDING_AN_ID = frozenset({"page", "document"})


def clean_html(html: str) -> str:
    """Return ``html`` with everything outside the safelist removed.

    Disallowed elements are stripped (their text stays, escaped), disallowed attributes and URL
    schemes are dropped, and comments are removed. ``None`` and the empty string give ``""``.
    """
    if not html:
        return ""
    return _clean(str(html), current_policy())


def current_policy():
    """Return the safelist in force as a hashable ``(tags, attributes, protocols)`` tuple."""
    tags = frozenset(get_setting("HTML_ALLOWED_TAGS"))
    attributes = tuple(
        sorted(
            (tag, tuple(sorted(names)))
            for tag, names in get_setting("HTML_ALLOWED_ATTRIBUTES").items()
        )
    )
    protocols = frozenset(get_setting("HTML_ALLOWED_PROTOCOLS"))
    return tags, attributes, protocols


def safe_url(url):
    """Return ``url`` if it is relative or uses an allowed scheme, otherwise ``""``.

    For URLs that templates put in ``href`` themselves: editors' forms validate them, but stored
    JSON from an import, the API or an older release does not pass through those forms.
    """
    if not url:
        return ""
    url = str(url).strip()
    scheme = urlsplit(_URL_NOISE.sub("", url)).scheme.lower()
    if scheme and scheme not in current_policy()[2]:
        return ""
    return url


def _clean(html, policy):
    key = (html, policy)
    cleaned = caches.cleaned_html.get(key)
    if cleaned is None:
        cleaned = _clean_uncached(html, policy)
        caches.cleaned_html.set(key, cleaned)
    return cleaned


def _clean_uncached(html, policy):
    cleaned = _cleaner(policy).clean(html)
    # bleach writes void elements without the closing slash, but Wagtail reads stored rich text
    # as XML-ish: it expands only `<embed …/>`, and its editor fails to open on a `<br>` or an
    # `<img>` ("Unmatched tags").
    return _VOID.sub(r"<\1\2/>", cleaned)


def _cleaner(policy):
    # A bleach Cleaner must not be shared between threads (its parser keeps state), so each
    # thread keeps its own, one per policy.
    cleaners = caches.cleaners.__dict__.setdefault("by_policy", {})
    if policy not in cleaners:
        cleaners[policy] = _build_cleaner(policy)
    return cleaners[policy]


def _build_cleaner(policy):
    tags, attributes, protocols = policy
    allowed = {tag: frozenset(names) for tag, names in attributes}

    everywhere = allowed.get("*", frozenset())

    def allow_attribute(tag, name, value):
        if name not in allowed.get(tag, ()) and name not in everywhere:
            return False
        if name == "data-block-key":
            return _BLOCK_KEY.fullmatch(value) is not None
        if tag == "a" and name == "id":
            # Only Wagtail's stored link format (`<a linktype="page" id="3">`) uses ids on links.
            return _is_object_id(value)
        if tag == "embed" and name == "url":
            return urlsplit(value.strip()).scheme.lower() in _EMBED_URL_SCHEMES
        return True

    return bleach.Cleaner(
        tags=tags,
        attributes=allow_attribute,
        protocols=protocols,
        strip=True,
        strip_comments=True,
        filters=[_WagtailFormatFilter],
    )


def _is_object_id(value):
    """Whether ``value`` is an id Wagtail can look up: a number of at most 31 bits."""
    return _OBJECT_ID.fullmatch(value) is not None and int(value) <= _MAX_OBJECT_ID


class _WagtailFormatFilter(Filter):
    """Keeps only the stored links and embeds that Wagtail's rich text handlers can expand.

    Runs after the safelist, which may have removed an attribute a handler needs (a
    ``javascript:`` embed URL, a link id that is not a number). Wagtail raises on such a tag when
    it renders the page or indexes its references, so a page or document link without its id
    becomes a plain link, and an image or media embed that cannot be shown is left out.
    """

    def __iter__(self):
        for token in super().__iter__():
            if token.get("name") == "a" and token["type"] == "StartTag":
                attributes = token["data"]
                if attributes.get((None, "linktype")) in _LINKS_NEEDING_AN_ID and (
                    (None, "id") not in attributes
                ):
                    del attributes[(None, "linktype")]
            elif token.get("name") == "embed" and not _embed_expands(token["data"]):
                continue
            yield token


def _embed_expands(attributes):
    kind = attributes.get((None, "embedtype"))
    if kind == "media":
        return (None, "url") in attributes
    if kind == "image":
        from wagtail.images.formats import get_image_formats

        names = {image_format.name for image_format in get_image_formats()}
        return _is_object_id(attributes.get((None, "id"), "")) and (
            attributes.get((None, "format")) in names
        )
    return True
