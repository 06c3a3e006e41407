"""Finding a quiz by its key in a page's content, whatever the page type."""

import logging
from collections.abc import Mapping

from wagtail.fields import StreamField

from .slots import walk_marked

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


def find_quiz(page, key, request):
    """The value (``StructValue``) of the quiz with ``key`` on ``page``, or ``None``.

    Reads the stored JSON to find the quiz, then loads that one block only. Stored data that
    no longer reads as a quiz counts as no quiz at all, rather than an error.
    """
    if not key:
        return None
    for stream in quiz_streams(page, request):
        stream_block = getattr(stream, "stream_block", None)
        if stream_block is None:
            continue
        found = _find_raw(stream_block, list(stream.raw_data), key)
        if found is None:
            continue
        block, raw = found
        try:
            return block.to_python(raw)
        except Exception:  # noqa: BLE001 - damaged data must not take the page down
            logger.warning("Page %s: quiz %s cannot be read", page.pk, key)
            return None
    return None
