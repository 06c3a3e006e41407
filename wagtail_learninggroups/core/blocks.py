"""The base classes of the package's struct and stream blocks: they read damaged JSON safely.

A value read from stored JSON goes through :func:`~wagtail_learninggroups.core.tolerance.
split_readable` first. What cannot be read (an item of an unknown type, an item without its
type or value, a dict where a list belongs, a chooser holding something other than an id) is
left out and logged, so the page renders and the editor opens; it is kept on the value, and
saving the value writes it back where it was. Fields the blocks do not know, as a newer
release writes them, are kept the same way.

These classes are not part of the public API. Like Wagtail's own, they deconstruct as plain
``StructBlock`` and ``StreamBlock`` definitions, so no migration ever names them.
"""

import logging

from wagtail import blocks

from . import caches, tolerance, write_back

__all__ = ["TolerantStreamBlock", "TolerantStructBlock"]

logger = logging.getLogger(__name__)

#: The attribute of a value read from stored JSON that holds the parts set aside.
SET_ASIDE = "lg_set_aside"


def set_aside(value):
    """The parts of stored JSON left out when ``value`` was read (a list, often empty)."""
    return getattr(value, SET_ASIDE, None) or []


def unreadable_whole(value):
    """The part standing for all of ``value`` when none of its stored JSON could be read."""
    return next((part for part in set_aside(value) if not part.path and part.key is None), None)


class TolerantBlockMixin:
    """Reads stored JSON through :func:`~wagtail_learninggroups.core.tolerance.split_readable`."""

    #: Marks the block for :mod:`wagtail_learninggroups.core.tolerance`.
    reads_tolerantly = True

    def split_stored(self, raw):
        """``(readable JSON, set-aside parts)`` of ``raw``; each part left out is logged.

        A part is logged as a warning (as information for a field of a newer release) the
        first time this process reads it, and at the debug level after that.
        """
        readable, parts = tolerance.split_readable(self, raw)
        for part in parts:
            # The stored part is in the key: another page's part at the same place is news.
            seen = (type(self), part.reason, part.path, hash(repr(part.raw)))
            if not caches.recently_logged.first_time(seen):
                level = logging.DEBUG
            elif part.reason == tolerance.UNKNOWN_FIELD:
                level = logging.INFO  # expected after a downgrade: no cause for alarm
            else:
                level = logging.WARNING
            logger.log(
                level,
                "%s: stored content left out (%s) at %s: %.200r",
                self.name or type(self).__name__,
                part.reason,
                "/".join(str(ref) for _kind, ref in part.path) or "top",
                part.raw,
            )
        return readable, parts

    @staticmethod
    def keep_set_aside(value, parts):
        if parts:
            setattr(value, SET_ASIDE, parts)
        return value

    def get_prep_value(self, value):
        prep = super().get_prep_value(value)
        parts = set_aside(value)
        return write_back.put_back(prep, parts) if parts else prep


class TolerantStructBlock(TolerantBlockMixin, blocks.StructBlock):
    """A ``StructBlock`` that reads damaged or stale JSON without failing or losing it.

    A value whose stored JSON is not a mapping at all reads as the block's defaults, renders
    nothing, and is saved back as it was stored unless replaced.
    """

    def to_python(self, value):
        if isinstance(value, blocks.StructValue):
            return super().to_python(value)
        readable, parts = self.split_stored(value)
        return self.keep_set_aside(super().to_python(readable), parts)

    def bulk_to_python(self, values):
        split = [self.split_stored(value) for value in values]
        converted = super().bulk_to_python([readable for readable, _parts in split])
        return [
            self.keep_set_aside(value, parts)
            for value, (_readable, parts) in zip(converted, split, strict=True)
        ]

    def get_prep_value(self, value):
        whole = unreadable_whole(value)
        return whole.raw if whole is not None else super().get_prep_value(value)

    def render(self, value, context=None):
        if unreadable_whole(value) is not None:
            return ""
        return super().render(value, context=context)


def is_stored_json(value):
    """Whether a stream value is stored JSON, rather than a ``StreamValue`` or Python tuples."""
    if isinstance(value, blocks.StreamValue) or value is None or value == []:
        return False
    if isinstance(value, list | tuple):
        return not all(isinstance(item, tuple | blocks.StreamValue.StreamChild) for item in value)
    return not isinstance(value, str)  # JSON that does not parse: Wagtail keeps it as raw_text


class TolerantStreamBlock(TolerantBlockMixin, blocks.StreamBlock):
    """A ``StreamBlock`` that reads damaged or stale JSON without failing or losing it."""

    def to_python(self, value):
        value = tolerance.loads(value)
        if not is_stored_json(value):
            return super().to_python(value)
        readable, parts = self.split_stored(value)
        return self.keep_set_aside(super().to_python(readable), parts)

    def bulk_to_python(self, values):
        split = [self.split_stored(tolerance.loads(value)) for value in values]
        converted = super().bulk_to_python([readable for readable, _parts in split])
        return [
            self.keep_set_aside(value, parts)
            for value, (_readable, parts) in zip(converted, split, strict=True)
        ]


#: Previews in the block chooser use the package's stylesheet and show the facilitator view.
PREVIEW_TEMPLATE = "wagtail_learninggroups/blocks/preview.html"
