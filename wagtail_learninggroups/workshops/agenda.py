"""Timing of a workshop agenda: pure functions over plain values, no Django models.

A segment here is anything with ``minutes`` and ``kind`` (a mapping or an object), so the same
functions serve the agenda block, the page's total duration and the reports.
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

#: The longest a segment, and a whole agenda, may run: one working day.
MAX_MINUTES = 480

#: Segment kinds that count as participants talking and doing, not listening.
INTERACTIVE_KINDS = frozenset({"discussion", "activity"})


def _field(segment, name):
    if isinstance(segment, Mapping):
        return segment.get(name)
    return getattr(segment, name, None)


def minutes_of(segment):
    """The segment's minutes as an int; a missing or malformed value counts as 0."""
    try:
        return max(int(_field(segment, "minutes") or 0), 0)
    except (TypeError, ValueError):
        return 0


def start_times(segments):
    """Minutes from the start at which each segment begins: ``[0, 15, 45, …]``."""
    starts, elapsed = [], 0
    for segment in segments:
        starts.append(elapsed)
        elapsed += minutes_of(segment)
    return starts


def total_minutes(segments):
    """How long the whole agenda runs, in minutes."""
    return sum(minutes_of(segment) for segment in segments)


def interactive_share(segments):
    """The share of the time spent in discussion and activities, as a whole percentage."""
    total = total_minutes(segments)
    if not total:
        return 0
    interactive = sum(
        minutes_of(segment) for segment in segments if _field(segment, "kind") in INTERACTIVE_KINDS
    )
    return round(100 * interactive / total)


def format_clock(minutes):
    """A running time as on a timetable: 0 gives ``"0:00"``, 95 gives ``"1:35"``."""
    hours, rest = divmod(int(minutes), 60)
    return f"{hours}:{rest:02d}"


def format_duration(minutes):
    """A length of time in words: ``"45 min"``, ``"1 hour"``, ``"1 hour 30 min"``."""
    hours, rest = divmod(int(minutes), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(_("%(count)d min") % {"count": rest})
    return " ".join(parts)
