"""Putting back what a tolerant read of stored JSON left out, so that saving keeps it."""

from dataclasses import replace

from .tolerance import ABSENT, SetAsideItem, loads, split_readable


def put_back(raw, parts):
    """Stored JSON ``raw`` of a readable value, with ``parts`` back where they were.

    Copies what it changes; ``raw`` itself is left as it is. A part whose place is gone (its
    stream item was deleted) goes with it; an item whose neighbour is gone goes last.
    """
    # The last first, so that items set aside one after another go back in their order.
    for part in reversed(parts):
        raw = _change_at(raw, part.path, lambda container, part=part: _put(container, part))
    return raw


def _put(container, part):
    if isinstance(part, SetAsideItem):
        if not isinstance(container, list):
            return container
        index = _index_of(container, part.after) if part.after is not None else -1
        position = len(container) if index is None else index + 1
        return [*container[:position], part.raw, *container[position:]]
    if part.key is None:
        return part.raw if _stands_in(container, part.placeholder) else container
    if not isinstance(container, dict):
        return container
    current = container.get(part.key, ABSENT)
    if not _stands_in(current, part.placeholder) and part.key in container:
        return container
    return {**container, part.key: part.raw}


def _stands_in(value, placeholder):
    """Whether ``value`` is what the editor saves for a value it could not show."""
    # An empty text field is posted as "" where its default is stored as None.
    return value == placeholder or (placeholder in (None, "") and value in (None, ""))


def _index_of(items, step):
    _kind, item_id = step
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == item_id:
            return index
    return None


def _change_at(node, path, change):
    """``node`` with ``change`` applied to what ``path`` leads to (copied on the way)."""
    if not path:
        return change(node)
    (kind, ref), rest = path[0], path[1:]
    if kind == "key":
        if not isinstance(node, dict) or ref not in node:
            return node
        return {**node, ref: _change_at(node[ref], rest, change)}
    if not isinstance(node, list):
        return node
    index = _index_of(node, (kind, ref))
    if index is None:
        return node
    item = node[index]
    if isinstance(item, dict) and "type" in item and "value" in item:
        item = {**item, "value": _change_at(item["value"], rest, change)}
    else:
        item = _change_at(item, rest, change)
    return [*node[:index], item, *node[index + 1 :]]


def keep_set_aside(block, before, after):
    """``after`` with what a read of ``before`` set aside and ``after`` lost, put back.

    ``before`` and ``after`` are two stored versions of one field of ``block``: the version an
    editor started from and the one saved. The page editor shows only what can be read, so
    what was set aside is not in what it posts; this brings it back. Returns ``after`` itself
    when nothing was lost.
    """
    _readable, lost = split_readable(block, loads(before), through_tolerant=True)
    if not lost:
        return after
    readable, kept = split_readable(block, loads(after), through_tolerant=True)
    remaining = [_without_neighbour(part) for part in kept]
    missing = []
    for part in lost:
        if _without_neighbour(part) in remaining:
            remaining.remove(_without_neighbour(part))
        else:
            missing.append(part)
    if not missing:
        return after
    return put_back(readable, [*kept, *missing])


def _without_neighbour(part):
    # An item kept in its list is still there when its neighbour has changed (deleted, or
    # given an id by the save): comparing neighbours would put it back a second time.
    return replace(part, after=None) if isinstance(part, SetAsideItem) else part
