"""The rules of slots and fills, as pure functions over stored JSON: no database."""

import pytest

from wagtail_learninggroups.blocks import LearningGroupsStreamBlock
from wagtail_learninggroups.workshops import slots

BODY = LearningGroupsStreamBlock()


def slot_raw(key, title="A local speaker", required=True, **extra):
    return {"key": key, "title": title, "required": required, "kinds": ["person"], **extra}


def agenda_raw(*segments):
    return {
        "type": "agenda",
        "value": {
            "heading": "",
            "segments": [
                {"type": "item", "id": f"s{i}", "value": segment}
                for i, segment in enumerate(segments)
            ],
        },
    }


def segment_raw(title, minutes=10, slot=None):
    local = [{"type": "slot", "value": slot, "id": "x"}] if slot else []
    return {"title": title, "minutes": minutes, "kind": "presentation", "core": False,
            "local": local}  # fmt: skip


def fill_raw(key, content=None, not_applicable=False):
    return {
        "type": "fill",
        "value": {"key": key, "not_applicable": not_applicable, "content": content or []},
    }


TEXT = [{"type": "text", "value": "<p>Our speaker is Ana.</p>"}]


def test_slots_are_found_in_the_body_and_in_agenda_segments_in_reading_order():
    raw = [
        {"type": "slot", "value": slot_raw("intro", "Welcome from the head of office")},
        agenda_raw(segment_raw("Talk"), segment_raw("Local voices", slot=slot_raw("speaker"))),
        {"type": "slot", "value": slot_raw("event", required=False)},
    ]
    found = slots.find_slots(BODY, raw)
    assert [slot.key for slot in found] == ["intro", "speaker", "event"]
    assert found[1].segment == "Local voices" and found[0].segment == ""
    assert found[2].required is False


def test_a_key_met_twice_is_the_first_slots_and_a_slot_without_a_key_is_not_yet_a_slot():
    raw = [
        {"type": "slot", "value": slot_raw("same", "First")},
        {"type": "slot", "value": slot_raw("same", "Copy")},
        {"type": "slot", "value": slot_raw("", "Never saved")},
    ]
    assert [slot.title for slot in slots.find_slots(BODY, raw)] == ["First"]


@pytest.mark.parametrize(
    "raw",
    [None, [], "not a list", [None], [{"type": "slot"}], [{"type": "slot", "value": "x"}],
     [{"type": "agenda", "value": {"segments": "x"}}], [{"type": "unknown", "value": {}}]],
)  # fmt: skip
def test_damaged_json_yields_no_slots_rather_than_an_error(raw):
    assert slots.find_slots(BODY, raw) == []


def test_kinds_decide_which_blocks_may_fill_a_slot():
    slot = slots.Slot(key="k", title="t", kinds=("link", "text", "link"))
    assert slot.block_names == ["link", "document", "text"]
    assert slots.Slot(key="k", title="t", kinds=()).block_names == ["text"]
    unknown = slots.slot_from_raw({"key": "k", "kinds": ["person", "sorcery"]})
    assert unknown.kinds == ("person",)


@pytest.mark.parametrize(
    ("content", "blank"),
    [
        ([], True),
        ([{"type": "text", "value": "<p></p>"}], True),
        ([{"type": "text", "value": " <p> </p> "}], True),
        ([{"type": "person", "value": {"name": "", "role": "", "photo": None}}], True),
        (TEXT, False),
        ([{"type": "person", "value": {"name": "Ana", "role": ""}}], False),
    ],
)
def test_a_fill_is_blank_when_a_reader_would_see_nothing(content, blank):
    assert slots.Fill(key="k", content=content).is_blank is blank


def test_fill_states():
    required, optional = slots.Slot("r", "R"), slots.Slot("o", "O", required=False)
    assert slots.fill_state(required, None) == slots.EMPTY
    assert slots.fill_state(required, slots.Fill("r", TEXT)) == slots.FILLED
    assert slots.fill_state(optional, slots.Fill("o", not_applicable=True)) == (
        slots.NOT_APPLICABLE
    )
    # A slot made required after the office said "not applicable" needs a fill again.
    assert slots.fill_state(required, slots.Fill("r", not_applicable=True)) == slots.EMPTY


def test_progress_counts_done_slots_and_orphans():
    template = [
        slots.Slot("a", "A"),
        slots.Slot("b", "B"),
        slots.Slot("c", "C", required=False),
        slots.Slot("d", "D", required=False),
    ]
    fills = slots.fills_from_raw(
        [
            fill_raw("a", TEXT),
            fill_raw("c", not_applicable=True),
            fill_raw("gone", TEXT),
            fill_raw("gone-and-empty"),
        ]
    )
    result = slots.progress(template, fills)
    assert (result.required_done, result.required_total) == (1, 2)
    assert (result.optional_done, result.optional_total) == (1, 2)
    assert [slot.key for slot in result.missing_required] == ["b"]
    assert [fill.key for fill in result.orphans] == ["gone"]
    assert not result.is_complete


def test_fills_from_damaged_json_keep_what_can_be_read():
    fills = slots.fills_from_raw(
        [None, "x", {"type": "fill"}, {"value": {"key": 3}}, fill_raw("a", TEXT),
         fill_raw("a", [])]
    )  # fmt: skip
    assert list(fills) == ["a"] and fills["a"].content == TEXT


def test_template_changes_name_new_required_slots_and_agenda_changes():
    old = [slots.Slot("a", "A"), slots.Slot("b", "B")]
    new = [
        slots.Slot("a", "A renamed"),
        slots.Slot("c", "C"),
        slots.Slot("d", "D", required=False),
    ]
    talk = {"title": "Talk", "minutes": 10, "kind": "presentation", "core": False}
    changes = slots.template_changes(old, new, [talk], [{**talk, "minutes": 20}])
    assert [slot.key for slot in changes.new_required] == ["c"]
    assert [slot.key for slot in changes.new_optional] == ["d"]
    assert [slot.key for slot in changes.removed] == ["b"]
    assert changes.describe() == [
        "1 new required slot",
        "1 new optional slot",
        "1 slot removed",
        "agenda changed",
    ]
    unchanged = slots.template_changes(old, old, [talk], [{**talk, "facilitator_notes": "x"}])
    assert not unchanged and unchanged.describe() == []
