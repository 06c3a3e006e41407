"""Pure agenda timing: no database."""

from types import SimpleNamespace

import pytest

from wagtail_learninggroups.workshops.agenda import (
    format_clock,
    format_duration,
    interactive_share,
    minutes_of,
    start_times,
    total_minutes,
)

AGENDA = [
    {"kind": "welcome", "minutes": 10},
    {"kind": "presentation", "minutes": 20},
    {"kind": "discussion", "minutes": 30},
    {"kind": "break", "minutes": 10},
    {"kind": "activity", "minutes": 15},
    {"kind": "wrap-up", "minutes": 5},
]


def test_start_times_run_on_from_zero():
    assert start_times(AGENDA) == [0, 10, 30, 60, 70, 85]


def test_total_minutes():
    assert total_minutes(AGENDA) == 90
    assert total_minutes([]) == 0


def test_interactive_share_counts_discussion_and_activities():
    assert interactive_share(AGENDA) == 50  # (30 + 15) of 90
    assert interactive_share([{"kind": "presentation", "minutes": 60}]) == 0
    assert interactive_share([]) == 0


def test_segments_may_be_objects_or_mappings():
    segment = SimpleNamespace(kind="discussion", minutes=20)
    assert total_minutes([segment, {"kind": "break", "minutes": 5}]) == 25
    assert interactive_share([segment]) == 100


@pytest.mark.parametrize("bad", [None, "", "ten", -5, {}])
def test_malformed_minutes_count_as_zero(bad):
    assert minutes_of({"kind": "break", "minutes": bad}) == 0
    assert minutes_of({"kind": "break"}) == 0


@pytest.mark.parametrize(
    ("minutes", "clock"), [(0, "0:00"), (5, "0:05"), (60, "1:00"), (95, "1:35"), (480, "8:00")]
)
def test_format_clock(minutes, clock):
    assert format_clock(minutes) == clock


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(0, "0 min"), (45, "45 min"), (60, "1 hour"), (90, "1 hour 30 min"), (150, "2 hours 30 min")],
)
def test_format_duration(minutes, words):
    assert format_duration(minutes) == words
