"""The rendered blocks of a workshop page, kept between readers in Django's cache.

Most of a workshop renders the same for every reader of one view of one page: the agenda, the
resources, the guidance, a champion's spotlight. Its quizzes do not (each reader has their own
attempts and answers). The package's pages therefore keep the HTML of each block that does not
depend on the reader, and render only the others for each request.

What one page view keeps is one cache entry, ``{block id: HTML}``. Its key holds everything the
HTML depends on:

- the page, and a digest of the blocks' stored content (and, for an edition, of its fills), so
  that an edit shows at once, in every process;
- the view (participant, facilitator, print), the language, and the host and scheme (links
  and printed addresses);
- the package's version, so that an upgrade never serves HTML from older templates, and the
  HTML safelist in force;
- a *generation*, a token that changes whenever something a block shows from elsewhere changes:
  a champion, an award, an office, an image, a document, a site, or a page (published,
  unpublished, moved or deleted: the targets of links). A new token leaves every entry behind;
  they expire after ``RENDER_CACHE_TIMEOUT``.

Previews are never cached. A cache that fails (a server down) is passed over: the page renders
as it would without one.
"""

import hashlib
import json
import logging
import marshal
import uuid

from django.core.cache import InvalidCacheBackendError, caches
from django.db import transaction
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import __version__
from ..conf import get_setting
from .sanitise import current_policy

logger = logging.getLogger(__name__)

#: The name the render scope has in a page's template context.
CONTEXT_NAME = "lg_render_cache"

GENERATION_KEY = "wagtail_learninggroups:render-generation"
ENTRY_PREFIX = "wagtail_learninggroups:rendered:"


def cache_backend():
    """The cache the rendered blocks are kept in, or ``None`` when the site turned it off."""
    alias = get_setting("RENDER_CACHE")
    if not alias:
        return None
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        # A system check reports an unknown alias; pages still render meanwhile.
        return None


def digest(data):
    """A short digest of JSON-ready ``data``; model instances count by their model and id."""
    try:
        # Four times as fast as JSON, for the plain data of stored content. Version 2 writes
        # no back-references, so equal data gives equal bytes in every process; the format may
        # change between Python versions, which only means other keys.
        encoded = marshal.dumps(data, 2)
    except ValueError:
        encoded = json.dumps(data, separators=(",", ":"), default=model_key).encode()
    return hashlib.blake2b(encoded, digest_size=16).hexdigest()


def current_generation(cache):
    """The token of the current generation of entries; a new one if the cache has none."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def _new_generation():
    cache = cache_backend()
    if cache is None:
        return
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - a cache that fails must not fail the save
        logger.warning("The render cache could not be told of a change", exc_info=True)


def forget_rendered_blocks(**kwargs):
    """Leave every kept rendering behind: something a block may show has changed.

    Connected to the saves and deletions of what blocks show (see
    :mod:`~wagtail_learninggroups.core.signals`). The generation moves on at once, and again
    when the transaction commits, so that no reader renders the old data under the new
    generation in between.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


class RenderScope:
    """One page view's access to the render cache; the page puts it in the template context.

    ``page`` is the page served; ``parts`` what else its blocks' HTML depends on (an edition's
    fills, say), as JSON-ready data.
    """

    def __init__(self, request, page, parts=()):
        self.request = request
        self.page = page
        self.parts = parts
        self._common = None

    def _common_key_data(self, cache):
        """What every key of this page view holds, worked out once per request."""
        if self._common is None:
            request = self.request
            self._common = [
                __version__,
                current_generation(cache),
                policy_key(),
                get_language(),
                request.get_host(),
                request.scheme,
            ]
        return self._common

    def entry_key(self, cache, value, context):
        """The key of this page view's entry for the stream ``value``, rendered in ``context``.

        Whether the reader is signed in is not part of it: kept blocks show nothing of the
        reader's, and asking would read the session of every reader of every page.
        """
        data = [
            *self._common_key_data(cache),
            self.page.pk,
            list(self.parts),
            list(value.raw_data),
            bool(context.get("lg_facilitator")),
            bool(context.get("lg_print")),
        ]
        return ENTRY_PREFIX + digest(data)

    def render_stream(self, stream_block, value, context):
        """Render ``value`` as ``StreamBlock.render_basic`` does, keeping what may be kept.

        The blocks kept are those whose type is in the stream block's ``reader_independent``
        and that have an id. The others, and the kept ones missing from the cache, are
        rendered; only the types rendered are converted from their stored JSON.
        """
        cache = cache_backend()
        key, stored = None, {}
        if cache is not None:
            try:
                key = self.entry_key(cache, value, context)
                stored = cache.get(key)
            except Exception:  # noqa: BLE001 - a cache that fails must not fail the page
                logger.warning("The render cache could not be read", exc_info=True)
                cache = None
        if not isinstance(stored, dict):
            stored = {}
        fresh, seen, rendered = {}, set(), []
        for index, raw in enumerate(value.raw_data):
            block_type, block_id = raw.get("type"), raw.get("id")
            # A block whose id an earlier block has (imported content) is rendered, never taken
            # for the other.
            keep = (
                bool(block_id)
                and block_id not in seen
                and block_type in stream_block.reader_independent
            )
            seen.add(block_id)
            html = kept_html(stored.get(block_id)) if keep else None
            if html is None:
                html = value[index].render(context=context)
                if keep:
                    fresh[block_id] = html
            rendered.append((html, block_type))
        if cache is not None and fresh:
            try:
                cache.set(key, {**stored, **fresh}, get_setting("RENDER_CACHE_TIMEOUT"))
            except Exception:  # noqa: BLE001 - a cache that fails must not fail the page
                logger.warning("The render cache could not be written", exc_info=True)
        return format_html_join("\n", '<div class="w-block-{1} block-{1}">{0}</div>', rendered)

    def fragment(self, parts, render):
        """HTML that depends only on ``parts`` (JSON-ready, models allowed): kept, or rendered.

        For a piece of a reader's own block that many readers share, such as one question of a
        quiz's form; ``render()`` makes it. It is kept whatever the page.
        """
        cache = cache_backend()
        if cache is None:
            return render()
        try:
            key = ENTRY_PREFIX + digest([*self._common_key_data(cache), parts])
            html = kept_html(cache.get(key))
        except Exception:  # noqa: BLE001 - a cache that fails must not fail the page
            logger.warning("The render cache could not be read", exc_info=True)
            return render()
        if html is None:
            html = render()
            try:
                cache.set(key, html, get_setting("RENDER_CACHE_TIMEOUT"))
            except Exception:  # noqa: BLE001 - a cache that fails must not fail the page
                logger.warning("The render cache could not be written", exc_info=True)
        return html


def kept_html(value):
    """HTML read back from the cache, or ``None`` when what was read is not HTML.

    It was rendered and so made safe before it was kept; a cache that does not keep Django's
    safe strings as such (one serialising to JSON, say) gives back plain strings.
    """
    return mark_safe(value) if isinstance(value, str) else None  # noqa: S308 - see above


def policy_key():
    """The HTML safelist in force, written the same way in every process (sets sorted)."""
    tags, attributes, protocols = current_policy()
    return [sorted(tags), [[tag, list(names)] for tag, names in attributes], sorted(protocols)]


def model_key(value):
    """How :func:`digest` writes a model instance (an image, say): its model and id."""
    meta = getattr(value, "_meta", None)
    return f"{meta.label}:{value.pk}" if meta is not None else str(value)


def scope_for(request, page, parts=()):
    """The render scope of a page view, or ``None`` when nothing may be kept.

    Nothing is kept for a preview (its content is not the page's), without a request, or when
    the site turned the cache off.
    """
    if request is None or getattr(request, "is_preview", False) or page.pk is None:
        return None
    if cache_backend() is None:
        return None
    return RenderScope(request, page, parts)
