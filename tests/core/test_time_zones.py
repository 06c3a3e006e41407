"""Zones and times read from stored values that may be anything."""

import datetime

import pytest

from wagtail_learninggroups.core.time_zones import has_utc_date, in_zone, zone_or_none
from wagtail_learninggroups.templatetags.learninggroups_tags import in_time_zone

FAR_AHEAD = datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.timezone.utc)
NOON = datetime.datetime(2027, 3, 11, 12, 0, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("name", ["", None, "Mars/Olympus_Mons", "../etc/passwd", 5, "UTC\x00"])
def test_a_name_that_is_no_zone_reads_as_none(name):
    assert zone_or_none(name) is None


def test_a_time_is_shown_in_a_known_zone():
    assert in_zone(NOON, zone_or_none("Africa/Nairobi")).hour == 15


def test_a_time_without_a_date_in_the_zone_reads_as_none():
    assert in_zone(FAR_AHEAD, zone_or_none("Africa/Nairobi")) is None
    assert in_zone(FAR_AHEAD, zone_or_none("America/New_York")).year == 9999


def test_a_time_past_the_last_utc_date_has_none():
    ahead = datetime.datetime(9999, 12, 31, 23, 0, tzinfo=zone_or_none("America/New_York"))
    assert not has_utc_date(ahead)
    assert has_utc_date(FAR_AHEAD)


@pytest.mark.parametrize(
    ("zone", "hour"), [("Africa/Nairobi", 15), ("Mars/Olympus_Mons", 12), (None, 12)]
)
def test_the_template_filter_falls_back_to_the_stored_time(zone, hour):
    assert in_time_zone(NOON, zone).hour == hour
    assert in_time_zone(FAR_AHEAD, "Africa/Nairobi") == FAR_AHEAD
    assert in_time_zone("not a time", zone) == "not a time"
