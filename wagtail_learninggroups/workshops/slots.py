"""Local-content slots: finding them in a template and matching an edition's fills to them.

Everything here is pure: functions take block definitions and stored JSON (or block values) and
return values, so that the rules an edition lives by are tested without a database. Reading the
stored JSON rather than block values means that listing 200 editions' progress does not load
documents or images, nor sanitise rich text.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import unescape

from django.utils.translation import gettext_lazy as _

from ..core.streams import walk_marked

#: What may fill a slot, as the central editor picks it.
FILL_KINDS = [
    ("text", _("Text")),
    ("person", _("A person, with name and role")),
    ("event", _("An event, with date and link")),
    ("link", _("A link or a document")),
    ("media", _("An image or a video")),
    ("free", _("Free blocks: any of the above, headings, discussions and resources")),
]
FILL_KIND_LABELS = dict(FILL_KINDS)

#: The blocks of a fill's content that each kind allows.
KIND_BLOCK_NAMES = {
    "text": ("text",),
    "person": ("person",),
    "event": ("event",),
    "link": ("link", "document"),
    "media": ("image", "video"),
    "free": (
        "text",
        "heading",
        "person",
        "event",
        "link",
        "document",
        "image",
        "video",
        "discussion",
        "resources",
    ),
}

WHEN_EMPTY_FALLBACK = "fallback"
WHEN_EMPTY_NOTHING = "nothing"


@dataclass(frozen=True)
class Slot:
    """A slot of a template as its stored JSON describes it."""

    key: str
    title: str
    instructions: str = ""
    example: str = ""
    required: bool = True
    kinds: tuple = ("text",)
    when_empty: str = WHEN_EMPTY_FALLBACK
    fallback: str = ""
    #: The agenda segment that holds the slot, or "" for a slot in the body.
    segment: str = ""

    @property
    def block_names(self):
        """The fill content blocks this slot accepts, in a stable order."""
        names = []
        for kind in self.kinds:
            for name in KIND_BLOCK_NAMES.get(kind, ()):
                if name not in names:
                    names.append(name)
        return names or list(KIND_BLOCK_NAMES["text"])

    @property
    def kind_labels(self):
        return [FILL_KIND_LABELS[kind] for kind in self.kinds if kind in FILL_KIND_LABELS]


def slot_from_raw(raw, segment=""):
    """A :class:`Slot` from a slot block's stored value; ``None`` when it has no key yet."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("key"), str) or not raw["key"]:
        return None
    kinds = raw.get("kinds")
    kinds = tuple(k for k in kinds if k in KIND_BLOCK_NAMES) if isinstance(kinds, list) else ()
    return Slot(
        key=raw["key"],
        title=str(raw.get("title") or ""),
        instructions=str(raw.get("instructions") or ""),
        example=str(raw.get("example") or ""),
        required=bool(raw.get("required", True)),
        kinds=kinds or ("text",),
        when_empty=raw.get("when_empty") or WHEN_EMPTY_FALLBACK,
        fallback=str(raw.get("fallback") or ""),
        segment=segment,
    )


def _walk_raw(block, raw, segment):
    for _slot_block, slot_raw, slot_segment in walk_marked(block, raw, "is_local_slot", segment):
        slot = slot_from_raw(slot_raw, slot_segment)
        if slot is not None:
            yield slot


def find_slots(stream_block, raw_data):
    """The slots of a stream's stored JSON, in reading order, each key once.

    A key met twice (a slot copied by hand into a stream that does not renew keys) is the
    first slot's: later copies show the same fill.
    """
    slots, seen = [], set()
    for slot in _walk_raw(stream_block, list(raw_data or ()), ""):
        if slot.key not in seen:
            seen.add(slot.key)
            slots.append(slot)
    return slots


# Fills -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fill:
    """An edition's content for one slot key, as stored."""

    key: str
    content: list = field(default_factory=list)
    not_applicable: bool = False

    @property
    def is_blank(self):
        return not any(not is_blank_item(item) for item in self.content)


def is_blank_item(item):
    """Whether one stored block of a fill's content holds nothing a reader would see."""
    if not isinstance(item, Mapping):
        return True
    value = item.get("value")
    if isinstance(value, str):
        return is_blank_html(value)
    if isinstance(value, Mapping):
        return not any(v not in (None, "", [], {}) for v in value.values())
    return value in (None, "", [])


_TAG = re.compile(r"<[^>]*>")
_CONTENT_TAG = re.compile(r"<\s*(img|embed|iframe|video|audio)\b", re.IGNORECASE)


def is_blank_html(html):
    """Whether HTML shows nothing: only empty paragraphs, line breaks and spaces."""
    if _CONTENT_TAG.search(html):
        return False
    text = unescape(_TAG.sub("", html))
    return not text.replace("\xa0", " ").strip()


def fills_from_raw(raw_data):
    """``{key: Fill}`` from an edition's stored fills; the first of two fills of one key wins."""
    fills = {}
    for item in raw_data or ():
        value = item.get("value") if isinstance(item, Mapping) else None
        if not isinstance(value, Mapping) or not isinstance(value.get("key"), str):
            continue
        content = value.get("content")
        fills.setdefault(
            value["key"],
            Fill(
                key=value["key"],
                content=content if isinstance(content, list) else [],
                not_applicable=bool(value.get("not_applicable")),
            ),
        )
    return fills


FILLED, NOT_APPLICABLE, EMPTY = "filled", "not-applicable", "empty"


def fill_state(slot, fill):
    """``"filled"``, ``"not-applicable"`` (only an optional slot may be) or ``"empty"``."""
    if fill is None:
        return EMPTY
    if fill.not_applicable and not slot.required:
        return NOT_APPLICABLE
    return EMPTY if fill.is_blank else FILLED


@dataclass(frozen=True)
class Progress:
    """How far an edition's fills cover its template's slots."""

    required_total: int
    required_done: int
    optional_total: int
    optional_done: int
    missing_required: tuple
    orphans: tuple

    @property
    def is_complete(self):
        return not self.missing_required


def progress(slots, fills):
    """Count what is done. Not applicable counts as done; orphans are fills of no slot."""
    required = [slot for slot in slots if slot.required]
    optional = [slot for slot in slots if not slot.required]
    done = {slot.key for slot in slots if fill_state(slot, fills.get(slot.key)) != EMPTY}
    keys = {slot.key for slot in slots}
    return Progress(
        required_total=len(required),
        required_done=sum(1 for slot in required if slot.key in done),
        optional_total=len(optional),
        optional_done=sum(1 for slot in optional if slot.key in done),
        missing_required=tuple(slot for slot in required if slot.key not in done),
        orphans=tuple(
            fill for key, fill in fills.items() if key not in keys and not fill.is_blank
        ),
    )


@dataclass(frozen=True)
class TemplateChanges:
    """What changed in a template between the revision an edition was published against and now."""

    new_required: tuple = ()
    new_optional: tuple = ()
    removed: tuple = ()
    agenda_changed: bool = False

    def __bool__(self):
        return bool(self.new_required or self.new_optional or self.removed or self.agenda_changed)

    def describe(self):
        """``["1 new required slot", "agenda changed"]``: the parts of the editor's notice."""
        from django.utils.translation import ngettext

        parts = []
        if self.new_required:
            n = len(self.new_required)
            parts.append(ngettext("%d new required slot", "%d new required slots", n) % n)
        if self.new_optional:
            n = len(self.new_optional)
            parts.append(ngettext("%d new optional slot", "%d new optional slots", n) % n)
        if self.removed:
            n = len(self.removed)
            parts.append(ngettext("%d slot removed", "%d slots removed", n) % n)
        if self.agenda_changed:
            parts.append(str(_("agenda changed")))
        return parts


def template_changes(old_slots, new_slots, old_agenda, new_agenda):
    """Compare two versions of a template: slots by key, agendas by their segments."""
    old_keys = {slot.key for slot in old_slots}
    new_keys = {slot.key for slot in new_slots}
    added = [slot for slot in new_slots if slot.key not in old_keys]
    return TemplateChanges(
        new_required=tuple(slot for slot in added if slot.required),
        new_optional=tuple(slot for slot in added if not slot.required),
        removed=tuple(slot for slot in old_slots if slot.key not in new_keys),
        agenda_changed=_comparable_agenda(old_agenda) != _comparable_agenda(new_agenda),
    )


def _comparable_agenda(segments):
    # The parts of a segment a local facilitator plans around; ids and notes aside.
    return [
        (s.get("title"), s.get("minutes"), s.get("kind"), bool(s.get("core")))
        for s in segments
        if isinstance(s, Mapping)
    ]
