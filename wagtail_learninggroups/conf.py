"""Settings for wagtail-learninggroups, read in one place.

Every setting lives in one dict in the site's Django settings and has a default::

    WAGTAIL_LEARNINGGROUPS = {
        "HTML_ALLOWED_TAGS": [...],
    }

Read a value with :func:`get_setting`. This module imports nothing from the rest of the package,
so a site's settings file may import the ``DEFAULT_*`` constants from here to widen or narrow them.
"""

from types import MappingProxyType

SETTINGS_NAME = "WAGTAIL_LEARNINGGROUPS"

#: Elements that Wagtail's rich text editor can produce, in both the stored (database) format
#: and the rendered (front-end) format.
DEFAULT_HTML_ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "blockquote",
        "br",
        "code",
        "div",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "s",
        "strong",
        "sub",
        "sup",
        "ul",
    }
)

#: Attributes allowed per element (``"*"``: on every element). Links and embeds keep the attributes
#: of Wagtail's stored format (``linktype``/``id``, ``embedtype``/``format``/``alt``/``url``), and
#: every element keeps ``data-block-key``, which anchors editors' comments, so that sanitising
#: stored rich text keeps internal links, documents, images, media embeds and comments working.
DEFAULT_HTML_ALLOWED_ATTRIBUTES = MappingProxyType(
    {
        "*": ("data-block-key",),
        "a": ("href", "title", "linktype", "id"),
        "embed": ("embedtype", "id", "format", "alt", "url"),
        "img": ("src", "alt", "width", "height", "class"),
        "div": ("class",),
    }
)

#: URL schemes allowed in ``href`` and ``src``. Relative URLs are always allowed.
DEFAULT_HTML_ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

#: The template that the package's pages extend. It must define ``{% block content %}`` and may
#: define ``{% block title %}``; set it to your site's base template so our pages wear your look.
DEFAULT_BASE_TEMPLATE = "wagtail_learninggroups/pages/base.html"

#: Whether people who are not signed in may take quizzes (their attempts are kept under their
#: session). Off by default: results belong to people.
DEFAULT_QUIZ_ALLOW_ANONYMOUS = False

#: The largest quiz submission accepted, in bytes; larger ones get a clear "too large" answer.
DEFAULT_QUIZ_MAX_SUBMISSION_BYTES = 64 * 1024

#: Whether champions' contact details (email, chat link) are shown to people who are not signed
#: in. Off by default: an intranet's public pages should not hand out staff addresses.
DEFAULT_CHAMPIONS_PUBLIC_CONTACTS = False

#: The cache (an alias of Django's ``CACHES``) in which the package's pages keep the rendered
#: HTML of the blocks that look the same to every reader; ``None`` keeps nothing.
DEFAULT_RENDER_CACHE = "default"

#: How long a kept rendering lasts, in seconds. Edits to a page show at once; what blocks show
#: from elsewhere (a champion, a document) shows at once in a cache shared by all processes,
#: and within this time in a cache of each process's own (Django's default, local memory).
DEFAULT_RENDER_CACHE_TIMEOUT = 10 * 60

#: The dotted path of a callable ``user -> Location | None`` that says which office a person
#: belongs to. The default reads the package's own record of people's offices; a site with a
#: people directory points this at a function of its own.
DEFAULT_OFFICE_OF_USER = "wagtail_learninggroups.curriculum.people.office_from_profile"

DEFAULTS = MappingProxyType(
    {
        "BASE_TEMPLATE": DEFAULT_BASE_TEMPLATE,
        "CHAMPIONS_PUBLIC_CONTACTS": DEFAULT_CHAMPIONS_PUBLIC_CONTACTS,
        "QUIZ_ALLOW_ANONYMOUS": DEFAULT_QUIZ_ALLOW_ANONYMOUS,
        "QUIZ_MAX_SUBMISSION_BYTES": DEFAULT_QUIZ_MAX_SUBMISSION_BYTES,
        "HTML_ALLOWED_TAGS": DEFAULT_HTML_ALLOWED_TAGS,
        "HTML_ALLOWED_ATTRIBUTES": DEFAULT_HTML_ALLOWED_ATTRIBUTES,
        "HTML_ALLOWED_PROTOCOLS": DEFAULT_HTML_ALLOWED_PROTOCOLS,
        "RENDER_CACHE": DEFAULT_RENDER_CACHE,
        "RENDER_CACHE_TIMEOUT": DEFAULT_RENDER_CACHE_TIMEOUT,
        "OFFICE_OF_USER": DEFAULT_OFFICE_OF_USER,
    }
)


def user_settings():
    """Return the site's ``WAGTAIL_LEARNINGGROUPS`` dict, or an empty dict if it has none."""
    from django.conf import settings

    value = getattr(settings, SETTINGS_NAME, None)
    return value if isinstance(value, dict) else {}


def get_setting(name):
    """Return the value of setting ``name``: the site's own, or our default.

    Raises :class:`KeyError` for a name that is not one of our settings, so that a typo in the
    package's own code fails loudly instead of silently reading ``None``.
    """
    if name not in DEFAULTS:
        raise KeyError(f"{SETTINGS_NAME} has no setting named {name!r}")
    return user_settings().get(name, DEFAULTS[name])
