"""Zones and times read from stored values that may be anything."""

import datetime

import pytest
from django.utils import translation

from wagtail_learninggroups.core.time_zones import (
    describe_local_time,
    has_utc_date,
    in_zone,
    place_of,
    zone_or_none,
)
from wagtail_learninggroups.templatetags.learninggroups_tags import in_time_zone, local_time

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


# Times in words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Africa/Nairobi", "Nairobi"),
        ("America/Port_of_Spain", "Port of Spain"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
        ("UTC", "UTC"),
        ("Etc/UTC", "UTC"),
        ("Etc/GMT-3", ""),
        ("CET", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_the_place_of_a_zone_is_the_last_part_of_its_name(name, place):
    assert place_of(name) == place


@pytest.mark.parametrize(
    ("zone", "words"),
    [
        ("Africa/Nairobi", "Thursday 11 March 2027, 15:00 Nairobi time"),
        ("America/Port_of_Spain", "Thursday 11 March 2027, 08:00 Port of Spain time"),
        ("Asia/Kolkata", "Thursday 11 March 2027, 17:30 Kolkata time"),
        ("Pacific/Kiritimati", "Friday 12 March 2027, 02:00 Kiritimati time"),
        ("UTC", "Thursday 11 March 2027, 12:00 UTC"),
        ("Etc/GMT-3", "Thursday 11 March 2027, 15:00 UTC+3"),
        ("Mars/Olympus_Mons", "Thursday 11 March 2027, 12:00 UTC"),
        (None, "Thursday 11 March 2027, 12:00 UTC"),
    ],
)
def test_a_time_is_said_with_its_day_date_year_and_place(zone, words):
    assert describe_local_time(NOON, zone) == words


def test_a_time_already_in_the_zone_reads_the_same():
    nairobi = in_zone(NOON, zone_or_none("Africa/Nairobi"))
    assert describe_local_time(nairobi, "Africa/Nairobi") == describe_local_time(
        NOON, "Africa/Nairobi"
    )


def test_the_clock_follows_daylight_saving_across_the_change():
    # London moves its clocks forward on Sunday 28 March 2027: 13:00 UTC is 13:00, then 14:00.
    before = datetime.datetime(2027, 3, 27, 13, 0, tzinfo=datetime.timezone.utc)
    after = datetime.datetime(2027, 3, 29, 13, 0, tzinfo=datetime.timezone.utc)
    assert (
        describe_local_time(before, "Europe/London") == "Saturday 27 March 2027, 13:00 London time"
    )
    assert describe_local_time(after, "Europe/London") == "Monday 29 March 2027, 14:00 London time"
    # New York's change comes two weeks earlier, on 14 March.
    assert describe_local_time(after, "America/New_York") == (
        "Monday 29 March 2027, 09:00 New York time"
    )


def test_a_time_without_a_date_in_the_zone_is_said_in_utc():
    assert describe_local_time(FAR_AHEAD, "Africa/Nairobi") == "Friday 31 December 9999, 23:00 UTC"


def test_a_naive_time_is_taken_as_utc():
    assert describe_local_time(NOON.replace(tzinfo=None), "Africa/Nairobi") == (
        "Thursday 11 March 2027, 15:00 Nairobi time"
    )


def test_the_words_are_translated():
    with translation.override("fr"):
        words = describe_local_time(NOON, "Africa/Nairobi")
    assert words.startswith("jeudi 11 mars 2027")
    assert "Nairobi" in words


def test_the_template_filter_says_the_time_in_the_zone():
    assert local_time(NOON, "Africa/Nairobi") == "Thursday 11 March 2027, 15:00 Nairobi time"
    assert local_time(NOON.replace(tzinfo=None), "Africa/Nairobi") == (
        "Thursday 11 March 2027, 15:00 Nairobi time"
    )
    assert local_time("not a time", "Africa/Nairobi") == "not a time"
