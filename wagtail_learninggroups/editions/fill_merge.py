"""Saving an edition's fills while other editors save theirs.

An office may have several local editors, each filling their own slot of the same edition at
the same time. Each editor's form holds every slot as it was when the form was opened, so saving
it whole would put back, empty, the slots others filled meanwhile. Instead the form remembers a
digest of each slot as it showed it; when it is saved, only the slots whose content differs from
that digest are this editor's changes, and every other slot keeps what is stored by then.
"""

import hashlib
import json
import re

from django.core.serializers.json import DjangoJSONEncoder

# Keys that tell blocks apart but that an editor never sees or changes.
RICH_TEXT_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def comparable(value):
    """``value`` (stored stream JSON) without what differs between two saves of the same content.

    Block ids are given afresh when a stream is posted, and the rich text editor numbers its
    paragraphs anew: neither is a change the editor made.
    """
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items() if key != "id"}
    if isinstance(value, (list, tuple)):
        return [comparable(item) for item in value]
    if isinstance(value, str):
        return RICH_TEXT_BLOCK_KEY.sub("", value)
    return value


def fill_digest(content, not_applicable=False):
    """A short digest of one slot's fill as an editor sees it: its content and its "n/a" box."""
    data = json.dumps(
        [comparable(list(content or [])), bool(not_applicable)],
        sort_keys=True,
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def fill_key(item):
    """The slot key of a stored fill item, or ``None`` for an item of another shape."""
    value = item.get("value") if isinstance(item, dict) else None
    key = value.get("key") if isinstance(value, dict) else None
    return key if isinstance(key, str) else None


def merge_fills(stored_items, own_items, changed_keys):
    """The fills to save: the editor's own for the slots they changed, the stored for the rest.

    ``stored_items`` are the fills as the database holds them now (others may have saved since
    the form was opened); ``own_items`` the fills the editor's form would save, in template
    order; ``changed_keys`` the slot keys the editor changed (a fill they emptied or an orphan
    they deleted has its key here and no item). Stored fills the form did not show are kept
    after the others: a slot another editor's template change brought, a fill without a
    usable key, and a second fill of one key (readers see the first; the editor is told).
    """
    stored, extra = {}, []
    for item in stored_items:
        key = fill_key(item)
        if key is None or key in stored:
            extra.append(item)
        else:
            stored[key] = item
    merged, shown = [], set()
    for item in own_items:
        key = fill_key(item)
        if key is None or key in shown:
            continue  # the stored ones, kept below, stand for these
        shown.add(key)
        if key in changed_keys:
            merged.append(item)
        elif key in stored:
            merged.append(stored[key])
    for key, item in stored.items():
        if key not in shown and key not in changed_keys:
            merged.append(item)
    return merged + extra


def second_fills(stored_items):
    """``{key: [fill, …]}`` of the fills stored after the first under one key."""
    seen, seconds = set(), {}
    for item in stored_items:
        key = fill_key(item)
        if key is None:
            continue
        if key in seen:
            seconds.setdefault(key, []).append(item)
        seen.add(key)
    return seconds
