"""Reading stored StreamField JSON that is damaged, stale or written by another release.

Wagtail reads a stream item of an unknown type by dropping it, and the next save loses it for
good; an item without its ``type`` or ``value``, a dict where a list belongs, or a chooser
holding something other than an id raises, which is a 500 on a live site. Our blocks read their
stored JSON through :func:`split_readable` first: what can be read goes on to Wagtail, and each
part that cannot is *set aside* with the place it came from. Saving puts the set-aside parts
back where they were (:func:`put_back`), so content that this release cannot read, such as a
block type added by a newer release, survives an edit made with this one.

Everything here is pure: functions take block definitions and stored JSON (lists and dicts, as
``json.loads`` gives them) and return values. A place in stored JSON is a *path* of steps:
``("key", name)`` enters a field of a struct, and ``("id", id)`` the stream or list item with that
id. An item stored without an id (as Wagtail wrote them before 2.16) is read with one made
from its position and content (:func:`derived_id`), the same at every read: a part set aside
inside it goes back into that item or, if the item is gone, nowhere, never into another item
that has taken its position.
"""

import json
import math
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from django.core.exceptions import ValidationError
from wagtail import blocks


class _Absent:
    def __repr__(self):
        return "ABSENT"


#: The placeholder of a struct field absent from the readable value: one a newer release
#: added, or one whose default could not be worked out.
ABSENT = _Absent()

# Why a part was set aside: short codes for the log, not for readers.
NOT_AN_ITEM = "not a stream item"
NO_TYPE = "no block type"
UNKNOWN_TYPE = "unknown block type"
NO_VALUE = "no value"
UNREADABLE_VALUE = "value of the wrong shape"
UNKNOWN_FIELD = "unknown field"
UNREADABLE_FIELD = "field value of the wrong shape"

_UNREADABLE = object()


@dataclass(frozen=True, eq=True)
class SetAsideItem:
    """An item of a stream or list that could not be read, and the place it goes back to."""

    #: Steps from the value read to the list that held the item.
    path: tuple
    #: The step of the readable item before it in that list; ``None`` when it came first.
    after: tuple | None
    #: The item as stored.
    raw: object
    #: Why it was set aside (one of the codes above).
    reason: str


@dataclass(frozen=True, eq=True)
class SetAsideValue:
    """A struct field's value (or a whole value) that could not be read.

    The readable value holds ``placeholder`` (as stored) in its place; saving puts ``raw``
    back unless the field now holds something else, such as an editor's new input.
    """

    #: Steps from the value read to the struct holding the field.
    path: tuple
    #: The field's name; ``None`` when the whole value read is set aside.
    key: str | None
    raw: object
    placeholder: object
    reason: str


def is_tolerant(block):
    """Whether ``block`` reads its own stored JSON through :func:`split_readable`."""
    return bool(getattr(block, "reads_tolerantly", False))


def holds_tolerant_blocks(block):
    """Whether ``block`` or any block inside it reads tolerantly."""
    if is_tolerant(block):
        return True
    children = getattr(block, "child_blocks", None)
    if children is None:
        child = getattr(block, "child_block", None)
        children = {"item": child} if child is not None else {}
    return any(holds_tolerant_blocks(child) for child in children.values())


def loads(value):
    """Stored stream JSON as Python: a revision holds it as a string, a page row as a list."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def split_readable(block, raw, *, through_tolerant=False):
    """``(readable JSON, [set-aside parts])``: what Wagtail can read of ``raw``, and the rest.

    ``raw`` is the stored JSON of a value of ``block``. Unless ``through_tolerant``, the walk
    checks only the shape of a value of another tolerant block inside ``block``: that block
    reads its own value, and sets aside its own parts. Parts are set aside only inside tolerant
    blocks: a site's own stream blocks keep Wagtail's rules.
    """
    parts = []
    reader = _Reader(parts, through_tolerant)
    readable = reader.read(block, raw, (), inside=is_tolerant(block), root=True)
    if readable is _UNREADABLE:
        readable = empty_raw(block)
        parts.append(SetAsideValue((), None, raw, prep_of_default(block), UNREADABLE_VALUE))
    return readable, parts


def empty_raw(block):
    """The stored JSON of an empty value: ``[]`` for a stream or list, ``{}`` for a struct."""
    return {} if isinstance(block, blocks.StructBlock) else []


def prep_of_default(block):
    """How the default value of ``block`` is stored: what stands in for a value left out."""
    try:
        return block.get_prep_value(block.get_default())
    except Exception:  # noqa: BLE001 - only a placeholder: a value nothing will equal is fine
        return ABSENT


class _Reader:
    """One walk of stored JSON alongside its block definitions, collecting what it sets aside."""

    def __init__(self, parts, through_tolerant):
        self.parts = parts
        self.through_tolerant = through_tolerant

    def read(self, block, raw, path, inside, root=False):
        """``raw`` as ``block`` can read it, or ``_UNREADABLE`` when its shape is wrong."""
        kind, tolerant = _kind(type(block))
        if tolerant and not root and not self.through_tolerant:
            return raw if _has_shape(kind, raw) else _UNREADABLE
        inside = inside or tolerant
        if kind == _STREAM:
            return self.read_stream(block, raw, path, inside)
        if kind == _LIST:
            return self.read_list(block, raw, path, inside)
        if kind == _STRUCT:
            return self.read_struct(block, raw, path, inside)
        if inside and kind is not _as_stored:
            return kind(block, raw)
        return raw

    def read_stream(self, block, raw, path, inside):
        if raw is None:
            return []
        if not isinstance(raw, list):
            return _UNREADABLE if inside else raw
        readable, previous = [], None
        for index, item in enumerate(raw):
            reason = _stream_item_problem(block, item)
            if reason is None:
                step = _step(item, index)
                child = block.child_blocks[item["type"]]
                value = self.read(child, item["value"], (*path, step), inside)
                if value is not _UNREADABLE:
                    if inside and item.get("id") != step[1]:
                        item = {**item, "id": step[1]}  # see derived_id()
                    readable.append(item if value is item["value"] else {**item, "value": value})
                    previous = step
                    continue
                reason = UNREADABLE_VALUE
            if not inside:
                readable.append(item)  # a site's own stream: Wagtail's rules apply
                continue
            self.parts.append(SetAsideItem(path, previous, item, reason))
        return readable

    def read_list(self, block, raw, path, inside):
        if not isinstance(raw, list):
            return _UNREADABLE if inside else raw
        readable, previous, changed = [], None, False
        for index, item in enumerate(raw):
            wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            step = _step(item, index) if wrapped else ("id", derived_id(index, item))
            child_raw = item["value"] if wrapped else item
            value = self.read(block.child_block, child_raw, (*path, step), inside)
            if value is _UNREADABLE:
                if inside:
                    self.parts.append(SetAsideItem(path, previous, item, UNREADABLE_VALUE))
                    changed = True
                else:
                    readable.append(item)  # a site's own list: Wagtail's rules apply
                continue
            # Ours each get an id (see derived_id()); a site's own list keeps what it has.
            item_id = step[1] if inside else (item.get("id") if wrapped else None)
            if not wrapped and item_id is None:
                read = value
            elif wrapped and value is child_raw and item.get("id", ABSENT) == item_id:
                read = item
            else:
                # Wagtail reads a wrapped item without an id as a bare value: keep it wrapped.
                read = {**(item if wrapped else {"type": "item"}), "value": value, "id": item_id}
            changed = changed or read is not item
            readable.append(read)
            previous = step
        return readable if changed else raw

    def read_struct(self, block, raw, path, inside):
        if not isinstance(raw, dict):
            return _UNREADABLE if inside else raw
        readable, changed = {}, False
        for key, value in raw.items():
            child = block.child_blocks.get(key)
            if child is None:
                if inside:
                    # Written by another release: kept as it is, for that release to read.
                    self.parts.append(SetAsideValue(path, key, value, ABSENT, UNKNOWN_FIELD))
                    changed = True
                continue
            result = self.read(child, value, (*path, ("key", key)), inside)
            if result is _UNREADABLE and not inside:
                readable[key] = value  # a site's own struct: Wagtail's rules apply
            elif result is _UNREADABLE:
                # Left out, the field reads as its default; the stored value goes back on save.
                placeholder = prep_of_default(child)
                self.parts.append(SetAsideValue(path, key, value, placeholder, UNREADABLE_FIELD))
                changed = True
            else:
                readable[key] = result
                changed = changed or result is not value
        return readable if changed else raw


_DERIVED_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/wagtail-learninggroups/")


def derived_id(index, item):
    """The id an item stored without one is read with: ``item`` is the ``index``-th of its list.

    Wagtail gives such an item a random id when it is saved; this one is the same each time
    the same JSON is read, so a part set aside inside the item or after it finds it again,
    through the page editor or code that reorders or deletes items, and never finds another
    item that has taken its position. Made from the position and the content, it is unique in
    its list and finds nothing in another version of the list where that position holds
    something else.
    """
    seed = json.dumps([index, item], sort_keys=True, default=repr)
    return str(uuid.uuid5(_DERIVED_IDS, seed))


_STREAM, _LIST, _STRUCT = "stream", "list", "struct"


def _as_stored(block, raw):
    return raw


def _read_chooser(block, raw):
    # An id, or nothing chosen; anything else makes Wagtail's bulk query raise, and so does an
    # id beyond what the primary key's column holds.
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return _UNREADABLE
    pk = _pk_field(block.model_class)
    try:
        value = pk.to_python(raw)
        pk.run_validators(value)
    except (ValidationError, TypeError, ValueError, OverflowError):
        return _UNREADABLE
    # Django 4.2 leaves SQLite's range open, and SQLite's driver raises past 64 bits.
    return value if not isinstance(value, int) or -(2**63) <= value < 2**63 else _UNREADABLE


@cache
def _pk_field(model):
    pk = model._meta.pk
    while pk.remote_field is not None:  # a page type's pk is its link to the base page
        pk = pk.target_field
    return pk


def _read_text(block, raw):
    # Converting rich text is costly (and ours sanitises): check the type only.
    return raw if isinstance(raw, str) else _UNREADABLE


def _read_plain_text(block, raw):
    # Wagtail uses the stored value as it is, and the editor would write a dict or a list back
    # as its Python text: those are set aside; text, numbers and null read as before.
    return _UNREADABLE if isinstance(raw, dict | list) else raw


def _read_choice(block, raw):
    # Wagtail's conversion only matches the stored text against the choices, and cannot fail.
    return raw if raw is None or isinstance(raw, str) else _UNREADABLE


def _read_choices(block, raw):
    if raw is None or isinstance(raw, str):
        return raw
    if isinstance(raw, list) and all(isinstance(choice, str) for choice in raw):
        return raw
    return _UNREADABLE


def _read_number(block, raw):
    # Wagtail uses the stored value as it is, so anything but a JSON number (a whole one for
    # an integer) fails where the value is used: in a sum, a slice, a score.
    if raw is None or (isinstance(raw, int) and not isinstance(raw, bool)):
        return raw
    whole = isinstance(block, blocks.IntegerBlock)
    return raw if isinstance(raw, float) and math.isfinite(raw) and not whole else _UNREADABLE


def _read_decimal(block, raw):
    # Stored as text (Django's JSON encoder writes a Decimal so) or as a number.
    if raw is None:
        return raw
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return _UNREADABLE
    try:
        return raw if Decimal(raw).is_finite() else _UNREADABLE
    except InvalidOperation:
        return _UNREADABLE


def _read_converted(block, raw):
    try:
        block.to_python(raw)
    except Exception:  # noqa: BLE001 - whatever a block raises, the value cannot be read
        return _UNREADABLE
    return raw


@cache
def _kind(block_class):
    """``(kind, reads tolerantly)`` of a block class: what reading its stored value involves.

    The kind of a field block is the function that reads its stored value: it returns the
    value as Wagtail can read it, or ``_UNREADABLE``.
    """
    tolerant = bool(getattr(block_class, "reads_tolerantly", False))
    for base, kind in (
        (blocks.BaseStreamBlock, _STREAM),
        (blocks.ListBlock, _LIST),
        (blocks.StructBlock, _STRUCT),
        (blocks.ChooserBlock, _read_chooser),
        (blocks.RichTextBlock, _read_text),
        (blocks.CharBlock, _read_plain_text),
        (blocks.TextBlock, _read_plain_text),
        (blocks.URLBlock, _read_plain_text),
        (blocks.EmailBlock, _read_plain_text),
        (blocks.RegexBlock, _read_plain_text),
        (blocks.MultipleChoiceBlock, _read_choices),
        (blocks.ChoiceBlock, _read_choice),
        (blocks.IntegerBlock, _read_number),
        (blocks.FloatBlock, _read_number),
        (blocks.DecimalBlock, _read_decimal),
    ):
        if issubclass(block_class, base):
            return kind, tolerant
    # Most other field blocks use the stored value as it is: nothing there can fail to read.
    as_stored = block_class.to_python is blocks.Block.to_python
    return (_as_stored if as_stored else _read_converted), tolerant


def _has_shape(kind, raw):
    """Whether ``raw`` has the shape a value of a block of ``kind`` is stored in."""
    if kind in (_STREAM, _LIST):
        return raw is None or isinstance(raw, list)
    if kind == _STRUCT:
        return isinstance(raw, dict)
    return True


def _stream_item_problem(block, item):
    if not isinstance(item, dict):
        return NOT_AN_ITEM
    if "type" not in item:
        return NO_TYPE
    if not isinstance(item["type"], str) or item["type"] not in block.child_blocks:
        return UNKNOWN_TYPE
    if "value" not in item:
        return NO_VALUE
    return None


def _step(item, index):
    """The step to ``item``, the ``index``-th of its list or stream."""
    item_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(item_id, str) and item_id:
        return ("id", item_id)
    return ("id", derived_id(index, item))
