"""Named time zones read from stored values that may be anything, and times shown in them.

A stored zone name may not be a zone (an import, a zone withdrawn from the tz database), and a
stored time may lie so far ahead that it has no date in another zone (9999-12-31 23:00 UTC is
in the year 10000 in Nairobi). Both read as "unknown" here rather than failing a page.

Times are said as people say them: "Thursday 12 March 2027, 14:00 Nairobi time".
"""

import datetime
import zoneinfo

from django.utils import dateformat
from django.utils.translation import pgettext


def zone_or_none(name):
    """The ``ZoneInfo`` named ``name``, or ``None`` when it names no zone."""
    if not name or not isinstance(name, str):
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def in_zone(moment, zone):
    """``moment`` (aware) as a time in ``zone``; ``None`` when it has no date there."""
    if moment is None or zone is None:
        return None
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        return None


def has_utc_date(moment):
    """Whether an aware ``moment`` has a date in UTC, as the database stores it."""
    try:
        moment.astimezone(datetime.timezone.utc)
    except (OverflowError, ValueError):
        return False
    return True


#: Names of the zone that is UTC itself: a time in it reads "14:00 UTC".
UTC_NAMES = frozenset(
    {"UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich"}
    | {f"Etc/{name}" for name in ("UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0")}
    | {"Etc/GMT-0", "Etc/Greenwich"}
)


def place_of(zone_name):
    """The place a zone is named after, for "14:00 Nairobi time"; ``""`` when it names none.

    The last part of the name, underscores read as spaces: "Africa/Nairobi" is "Nairobi",
    "America/Port_of_Spain" "Port of Spain". The zone of UTC is "UTC". Names of no place
    ("Etc/GMT-3", "CET", "EST5EDT") give ``""``: a time in them is said by its offset.
    """
    if not zone_name or not isinstance(zone_name, str):
        return ""
    if zone_name in UTC_NAMES:
        return "UTC"
    if "/" not in zone_name or zone_name.startswith("Etc/"):
        return ""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ").strip()


def utc_offset_label(moment):
    """How far an aware ``moment``'s clock is from UTC: "UTC", "UTC+3", "UTC+5:30", "UTC-3"."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}:{minutes:02d}" if minutes else f"UTC{sign}{hours}"


def describe_local_time(moment, zone_name):
    """``moment`` in words as a clock in the zone ``zone_name`` shows it, year included:
    "Thursday 12 March 2027, 14:00 Nairobi time".

    The year is always said: the text is kept with the page's rendered blocks and printed on
    handouts, so it must not depend on the year it is read in. A zone of UTC or of no place
    reads "14:00 UTC" or "14:00 UTC+3"; an unknown zone, or one in which ``moment`` has no
    date, reads as UTC. A naive ``moment`` is taken to be in UTC, as the database keeps
    times. The date, the time and the sentence around them are translated, and the day and
    month names are Django's.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    local = in_zone(moment, zone_or_none(zone_name))
    if local is None:
        zone_name = "UTC"
        local = in_zone(moment, datetime.timezone.utc) or moment
    parts = {
        # Translators: how a date reads before its time, in Django's date format characters.
        "date": dateformat.format(local, pgettext("date said with a time", "l j F Y")),
        # Translators: how a time of day reads, in Django's date format characters.
        "time": dateformat.format(local, pgettext("time said with its zone", "H:i")),
    }
    place = place_of(zone_name)
    if place and place != "UTC":
        # Translators: e.g. "Thursday 12 March 2027, 14:00 Nairobi time".
        return pgettext("time in a place", "%(date)s, %(time)s %(place)s time") % {
            **parts,
            "place": place,
        }
    # Translators: e.g. "Thursday 12 March 2027, 14:00 UTC" or "…, 14:00 UTC+3".
    return pgettext("time by its offset from UTC", "%(date)s, %(time)s %(offset)s") % {
        **parts,
        "offset": utc_offset_label(local),
    }
