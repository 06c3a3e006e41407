"""Named time zones read from stored values that may be anything, and times shown in them.

A stored zone name may not be a zone (an import, a zone withdrawn from the tz database), and a
stored time may lie so far ahead that it has no date in another zone (9999-12-31 23:00 UTC is
in the year 10000 in Nairobi). Both read as "unknown" here rather than failing a page.
"""

import datetime
import zoneinfo


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
