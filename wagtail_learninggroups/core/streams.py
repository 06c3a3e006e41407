"""Walking a stream's stored JSON alongside its block definitions, without loading values."""

import json
from collections.abc import Mapping

from wagtail import blocks


def _unwrap_list_item(item):
    # ListBlock items are stored as {"type": "item", "value": …, "id": …}; older JSON holds
    # the bare values.
    if isinstance(item, Mapping) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


def walk_marked(block, raw, marker, segment=""):
    """``(block, raw value, agenda segment)`` for each block marked ``marker`` in stored JSON.

    Walks streams, lists and structs of ``block`` alongside their stored JSON, in reading
    order, without loading any value. ``marker`` names the attribute that marks the blocks
    sought (``"is_local_slot"``, ``"is_quiz"``); the segment is the title of the agenda segment
    holding the block, or ``""``.
    """
    if getattr(block, marker, False):
        yield block, raw, segment
    elif isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, Mapping) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                yield from walk_marked(child, item.get("value"), marker, segment)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else ():
            yield from walk_marked(block.child_block, _unwrap_list_item(item), marker, segment)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, Mapping):
        if getattr(block, "is_agenda_segment", False):
            segment = str(raw.get("title") or "")
        for name, child in block.child_blocks.items():
            if name in raw:
                yield from walk_marked(child, raw[name], marker, segment)


def loads_stream(value):
    """Stored stream JSON as a list: a revision holds it as a string, a page row as a list."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return value if isinstance(value, list) else []
