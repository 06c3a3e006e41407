"""Finding a quiz by its key in a page's content, whatever the page type."""

import logging
from collections.abc import Mapping
from functools import cached_property

from wagtail.fields import StreamField

from ..core import caches, render_cache
from ..core.streams import walk_marked
from . import specs as quiz_specs

logger = logging.getLogger(__name__)


def quiz_streams(page, request):
    """The stream values a page's quizzes may live in.

    A page type may say so itself with ``get_quiz_streams(request)`` (a local edition offers
    its template's body); otherwise every StreamField of the page is searched.
    """
    provider = getattr(page, "get_quiz_streams", None)
    if provider is not None:
        return list(provider(request))
    return [
        getattr(page, field.name)
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
    ]


def _find_raw(block, raw, key):
    """The quiz block and its stored value with ``key`` inside ``raw``, or ``None``."""
    for quiz_block, quiz_raw, _segment in walk_marked(block, raw, "is_quiz"):
        if isinstance(quiz_raw, Mapping) and quiz_raw.get("key") == key:
            return quiz_block, quiz_raw
    return None


class StoredQuiz:
    """A quiz found in a page's stored content, read only as far as it is used.

    Taking a quiz needs its *outline*: the questions' specs, the rules and the settings that
    decide which questions are served. The outline depends on the stored content alone, so a
    process keeps the outlines of the quizzes it last read, by a digest of that content; a
    submission then neither loads the quiz's blocks nor reads its questions again. Showing
    the quiz needs its full :attr:`value` (rich text, images), loaded when first asked for.
    """

    def __init__(self, page, block, raw):
        self.page = page
        self.block = block
        self.raw = raw

    @cached_property
    def value(self):
        """The quiz block's value (``StructValue``), or ``None`` if it cannot be read."""
        try:
            return self.block.to_python(self.raw)
        except Exception:  # noqa: BLE001 - damaged data must not take the page down
            logger.warning("Page %s: quiz %s cannot be read", self.page.pk, self.raw.get("key"))
            return None

    @cached_property
    def outline(self):
        """``{"specs", "rules", "settings"}``: what taking the quiz needs of it."""
        digest = render_cache.digest([self.raw, render_cache.policy_key()])
        outline = caches.quiz_outlines.get(digest)
        if outline is None:
            outline = _outline_of(self.value)
            # A quiz that could not be read (a lookup that failed, say) is read again next time.
            if self.value is not None:
                caches.quiz_outlines.set(digest, outline)
        return outline

    @property
    def specs(self):
        return self.outline["specs"]

    @property
    def rules(self):
        return self.outline["rules"]

    @property
    def settings(self):
        """The quiz's key and how many questions it draws: what decides the questions served."""
        return self.outline["settings"]


def _outline_of(value):
    if value is None:
        return {"specs": [], "rules": {}, "settings": {}}
    return {
        "specs": quiz_specs.question_specs(value.get("questions")),
        "rules": quiz_specs.quiz_settings(value),
        "settings": {
            "key": value.get("key"),
            "draw": value.get("draw"),
        },
    }


def find_stored_quiz(page, key, request):
    """The quiz with ``key`` on ``page`` as a :class:`StoredQuiz`, or ``None``.

    Reads the stored JSON to find it; nothing is loaded yet.
    """
    if not key:
        return None
    for stream in quiz_streams(page, request):
        stream_block = getattr(stream, "stream_block", None)
        if stream_block is None:
            continue
        found = _find_raw(stream_block, list(stream.raw_data), key)
        if found is not None:
            return StoredQuiz(page, *found)
    return None
