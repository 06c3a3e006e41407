"""Quizzes as plain data: specs from block values, the quiz's rules and reading a submission."""

import random
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import QueryDict

from wagtail_learninggroups.quizzes.scoring import CORRECT, UNSCORED, score_attempt
from wagtail_learninggroups.quizzes.specs import (
    COUNT_AVERAGE,
    COUNT_FIRST,
    COUNT_HIGHEST,
    COUNT_LATEST,
    MODE_INDIVIDUAL,
    SHOW_AFTER_PASS,
    SHOW_AFTER_SUBMIT,
    SHOW_NEVER,
    MalformedSubmission,
    ParsedAnswers,
    answers_visible,
    attempts_left,
    band_message,
    counted_percent,
    draw_count,
    draw_questions,
    fallback_item_id,
    field_name,
    match_options,
    parse_answers,
    question_spec,
    question_specs,
    quiz_settings,
    served_specs,
)

# Specs from block values ---------------------------------------------------------------------


def test_question_spec_single_choice_from_plain_lists():
    value = {
        "prompt": "<p>Capital of France?</p>",
        "points": 2,
        "choices": [
            {"text": "Paris", "correct": True, "feedback": "Yes."},
            {"text": "Lyon"},
        ],
    }
    assert question_spec("single_choice", value, 7) == {
        "id": "7",
        "type": "single",
        "prompt": "<p>Capital of France?</p>",
        "image": None,
        "points": 2.0,
        "explanation": "",
        "choices": [
            {"id": fallback_item_id("7", 0), "text": "Paris", "correct": True, "feedback": "Yes."},
            {"id": fallback_item_id("7", 1), "text": "Lyon", "correct": False, "feedback": ""},
        ],
    }


def test_question_spec_multiple_choice_type():
    value = {"points": 1, "choices": [{"text": "A", "correct": True}, {"text": "B"}]}
    spec = question_spec("multiple_choice", value, "m")
    assert spec["type"] == "multiple"
    ids = [fallback_item_id("m", 0), fallback_item_id("m", 1)]
    assert [(c["id"], c["correct"]) for c in spec["choices"]] == [(ids[0], True), (ids[1], False)]


def test_question_spec_takes_rich_text_source_and_image_pk():
    value = {
        "prompt": SimpleNamespace(source='<p>See <a linktype="page" id="3">this</a></p>'),
        "explanation": SimpleNamespace(source="<p>Because.</p>"),
        "image": SimpleNamespace(pk=42),
        "answer": "false",
        "points": 1,
    }
    spec = question_spec("true_false", value, "tf")
    assert spec["prompt"] == '<p>See <a linktype="page" id="3">this</a></p>'
    assert spec["explanation"] == "<p>Because.</p>"
    assert spec["image"] == 42
    assert spec["answer"] is False


@pytest.mark.parametrize(("answer", "expected"), [("true", True), ("false", False), (None, False)])
def test_question_spec_true_false_answer(answer, expected):
    assert question_spec("true_false", {"answer": answer}, "q")["answer"] is expected


def test_question_spec_short_text_drops_blank_accepted_answers():
    spec = question_spec("short_text", {"accepted": ["Paris", "", "paris"], "points": 1}, "s")
    assert spec["accepted"] == ["Paris", "paris"]


def test_question_spec_number_keeps_decimals_as_text():
    value = {"answer": Decimal("2.50"), "tolerance": Decimal("0.1"), "unit": "kg", "points": 3}
    spec = question_spec("number", value, "n")
    assert (spec["number"], spec["tolerance"], spec["unit"], spec["points"]) == (
        "2.50",
        "0.1",
        "kg",
        3.0,
    )


def test_question_spec_number_defaults():
    spec = question_spec("number", {"answer": Decimal("0")}, "n")
    assert (spec["number"], spec["tolerance"], spec["unit"], spec["points"]) == ("0", "0", "", 0.0)
    assert question_spec("number", {}, "n")["number"] == ""


def test_question_spec_order_items_without_ids_get_ids_that_do_not_tell_their_place():
    spec = question_spec("order", {"items": ["First", "Second", "Third"]}, "o")
    ids = [item["id"] for item in spec["items"]]
    assert [item["text"] for item in spec["items"]] == ["First", "Second", "Third"]
    assert ids == [fallback_item_id("o", index) for index in range(3)]
    assert len(set(ids)) == 3
    assert not any(item_id.isdigit() for item_id in ids)
    # Stable, so that a form served before a save still matches after it.
    assert (
        question_spec("order", {"items": ["First", "Second", "Third"]}, "o")["items"]
        == spec["items"]
    )


def test_question_spec_match_pairs():
    value = {"pairs": [{"left": "France", "right": "Paris"}, {"left": "Italy"}]}
    assert question_spec("match", value, "m")["pairs"] == [
        {"id": fallback_item_id("m", 0), "left": "France", "right": "Paris"},
        {"id": fallback_item_id("m", 1), "left": "Italy", "right": ""},
    ]


def test_question_spec_reflection_is_worth_nothing():
    spec = question_spec("reflection", {"prompt": "<p>Why?</p>", "points": 5}, "r")
    assert spec == {
        "id": "r",
        "type": "reflection",
        "prompt": "<p>Why?</p>",
        "image": None,
        "points": 0.0,
        "explanation": "",
    }


def test_question_spec_uses_the_ids_of_bound_list_children():
    children = [
        SimpleNamespace(id="c-1", value={"text": "Yes", "correct": True}),
        SimpleNamespace(id=None, value={"text": "No"}),
    ]
    value = {"choices": SimpleNamespace(bound_blocks=children), "points": 1}
    spec = question_spec("single_choice", value, "q")
    assert [(c["id"], c["text"]) for c in spec["choices"]] == [
        ("c-1", "Yes"),
        (fallback_item_id("q", 1), "No"),
    ]


@pytest.mark.parametrize(
    ("block_type", "value"),
    [("paragraph", {"text": "x"}), ("essay", {}), ("single_choice", None), ("order", ["a"])],
)
def test_question_spec_of_unknown_block_or_non_mapping_value_is_none(block_type, value):
    assert question_spec(block_type, value, "x") is None


def test_question_specs_keep_editor_order_and_skip_unknown_blocks():
    stream = [
        SimpleNamespace(block_type="true_false", value={"answer": "true", "points": 1}, id="a"),
        SimpleNamespace(block_type="heading", value={"text": "Part 2"}, id="h"),
        SimpleNamespace(block_type="reflection", value={"prompt": "Why?"}, id=None),
        SimpleNamespace(block_type="order", value={"items": ["x", "y"], "points": 2}, id="c"),
    ]
    specs = question_specs(stream)
    assert [(s["id"], s["type"]) for s in specs] == [
        ("a", "true_false"),
        ("q2", "reflection"),
        ("c", "order"),
    ]


@pytest.mark.parametrize("stream", [None, []])
def test_question_specs_of_nothing(stream):
    assert question_specs(stream) == []


def test_specs_from_blocks_score_as_expected():
    stream = [
        SimpleNamespace(
            block_type="single_choice",
            value={"points": 2, "choices": [{"text": "A"}, {"text": "B", "correct": True}]},
            id="s",
        ),
        SimpleNamespace(block_type="number", value={"answer": Decimal("10"), "points": 1}, id="n"),
        SimpleNamespace(block_type="reflection", value={}, id="r"),
    ]
    result = score_attempt(
        question_specs(stream), {"s": fallback_item_id("s", 1), "n": "10.0", "r": "Fine."}
    )
    assert [(r.id, r.status) for r in result.questions] == [
        ("s", CORRECT),
        ("n", CORRECT),
        ("r", UNSCORED),
    ]
    assert (result.score, result.maximum, result.percent) == (3.0, 3.0, 100.0)


def test_quiz_settings_defaults():
    assert quiz_settings({}) == {
        "title": "",
        "pass_mark": 0,
        "attempts_allowed": 0,
        "counting": COUNT_HIGHEST,
        "show_answers": SHOW_AFTER_SUBMIT,
        "mode": MODE_INDIVIDUAL,
        "bands": [],
    }


def test_quiz_settings_reads_bands():
    value = {
        "title": "Check",
        "pass_mark": 80,
        "attempts_allowed": 3,
        "counting": COUNT_LATEST,
        "show_answers": SHOW_NEVER,
        "mode": "group",
        "bands": [{"from_percent": 50, "message": "Good"}, {"message": "Try again"}],
    }
    assert quiz_settings(value) == {
        "title": "Check",
        "pass_mark": 80,
        "attempts_allowed": 3,
        "counting": COUNT_LATEST,
        "show_answers": SHOW_NEVER,
        "mode": "group",
        "bands": [{"from": 50, "message": "Good"}, {"from": 0, "message": "Try again"}],
    }


# Drawing and serving questions ---------------------------------------------------------------

IDS = ["a", "b", "c", "d", "e", "f", "g", "h"]


def seeded(seed):
    """A repeatable generator, as a test hands ``draw_questions`` one."""
    return random.Random(seed)  # noqa: S311 - not for security


@pytest.mark.parametrize("count", [0, None])
def test_draw_questions_zero_means_all(count):
    assert draw_questions(IDS, count, seeded(1)) == IDS


@pytest.mark.parametrize("count", [8, 9, 100])
def test_draw_questions_at_least_as_many_as_there_are_means_all(count):
    assert draw_questions(IDS, count, seeded(1)) == IDS


def test_draw_questions_returns_a_new_list():
    ids = ["a", "b"]
    drawn = draw_questions(ids, 0)
    drawn.append("c")
    assert ids == ["a", "b"]


def test_draw_questions_uses_the_given_rng_and_keeps_editor_order():
    drawn = draw_questions(IDS, 3, seeded(1))
    expected = set(seeded(1).sample(IDS, 3))
    assert drawn == [question_id for question_id in IDS if question_id in expected]
    assert drawn == ["a", "c", "e"]
    assert draw_questions(IDS, 3, seeded(1)) == drawn


def test_draw_questions_differs_by_seed_but_always_in_editor_order():
    draws = {tuple(draw_questions(IDS, 4, seeded(seed))) for seed in range(20)}
    assert len(draws) > 1
    for drawn in draws:
        assert len(drawn) == 4
        assert list(drawn) == sorted(drawn, key=IDS.index)


def test_draw_questions_accepts_any_iterable_and_defaults_to_system_random():
    drawn = draw_questions(iter(IDS), 2)
    assert len(drawn) == 2
    assert set(drawn) <= set(IDS)
    assert drawn == sorted(drawn, key=IDS.index)


SPECS = [{"id": "a", "type": "single"}, {"id": "b", "type": "order"}, {"id": "c", "type": "match"}]


@pytest.mark.parametrize("served", [None, [], ()])
def test_served_specs_without_served_ids_are_all_questions(served):
    assert served_specs(SPECS, served) == SPECS
    assert served_specs(SPECS, served) is not SPECS


def test_served_specs_keep_editor_order():
    assert served_specs(SPECS, ["c", "a"]) == [SPECS[0], SPECS[2]]


def test_served_specs_ignore_unknown_ids():
    assert served_specs(SPECS, ["b", "gone"]) == [SPECS[1]]


def test_served_specs_fall_back_to_all_when_none_is_known():
    assert served_specs(SPECS, ["gone"]) == SPECS


# Rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("show_answers", "passed", "visible"),
    [
        (SHOW_AFTER_SUBMIT, False, True),
        (SHOW_AFTER_SUBMIT, True, True),
        (SHOW_AFTER_PASS, False, False),
        (SHOW_AFTER_PASS, True, True),
        (SHOW_AFTER_PASS, None, False),
        (SHOW_NEVER, False, False),
        (SHOW_NEVER, True, False),
    ],
)
def test_answers_visible(show_answers, passed, visible):
    assert answers_visible(show_answers, passed) is visible


BANDS = [
    {"from": 80, "message": "Great"},
    {"from": 0, "message": "Keep going"},
    {"from": 50, "message": "Good"},
]


@pytest.mark.parametrize(
    ("percent", "message"),
    [
        (0, "Keep going"),
        (49.9, "Keep going"),
        (50, "Good"),
        (50.0, "Good"),
        (79.9, "Good"),
        (80, "Great"),
        (100, "Great"),
    ],
)
def test_band_message_is_the_highest_band_at_or_below(percent, message):
    assert band_message(BANDS, percent) == message


@pytest.mark.parametrize("bands", [None, [], [{"from": 60, "message": "Good"}]])
def test_band_message_none_applies(bands):
    assert band_message(bands, 40) == ""


def test_band_without_start_starts_at_zero():
    assert band_message([{"message": "Thanks"}], 0) == "Thanks"


@pytest.mark.parametrize(
    ("counting", "expected"),
    [
        (COUNT_HIGHEST, 90),
        (COUNT_LATEST, 70),
        (COUNT_FIRST, 40),
        (COUNT_AVERAGE, 66.7),
        ("unknown", 90),
        (None, 90),
    ],
)
def test_counted_percent(counting, expected):
    assert counted_percent([40, 90, 70], counting) == expected


@pytest.mark.parametrize("counting", [COUNT_HIGHEST, COUNT_LATEST, COUNT_FIRST, COUNT_AVERAGE])
def test_counted_percent_of_no_attempts_is_none(counting):
    assert counted_percent([], counting) is None
    assert counted_percent(iter(()), counting) is None


def test_counted_percent_average_rounds_to_one_place_and_takes_iterables():
    assert counted_percent(iter([50.0, 51.0, 51.0]), COUNT_AVERAGE) == 50.7
    assert counted_percent((p for p in [10, 20]), COUNT_LATEST) == 20


@pytest.mark.parametrize(
    ("allowed", "made", "left"),
    [(0, 0, None), (0, 5, None), (None, 2, None), (3, 0, 3), (3, 2, 1), (3, 3, 0), (3, 7, 0)],
)
def test_attempts_left(allowed, made, left):
    assert attempts_left(allowed, made) == left


@pytest.mark.parametrize(
    ("args", "name"),
    [(("abc",), "q-abc"), (("abc", "i1"), "q-abc-i1"), ((7, 0), "q-7-0"), (("x", None), "q-x")],
)
def test_field_name(args, name):
    assert field_name(*args) == name


# Reading a submission ------------------------------------------------------------------------

FORM_SPECS = [
    {"id": "s", "type": "single", "choices": [{"id": "a"}, {"id": "b"}]},
    {"id": "m", "type": "multiple", "choices": [{"id": "a"}, {"id": "b"}, {"id": "c"}]},
    {"id": "tf", "type": "true_false", "answer": True},
    {"id": "st", "type": "short_text", "accepted": ["Paris"]},
    {"id": "n", "type": "number", "number": "2.5", "tolerance": "0"},
    {"id": "o", "type": "order", "items": [{"id": "x"}, {"id": "y"}, {"id": "z"}]},
    {
        "id": "mt",
        "type": "match",
        "pairs": [{"id": "p1", "right": "Alpha"}, {"id": "p2", "right": "Beta"}],
    },
    {"id": "r", "type": "reflection"},
]

VALID_FORM = {
    "q-s": "b",
    "q-m": ["c", "a", "c"],
    "q-tf": "false",
    "q-st": "  Paris ",
    "q-n": "2,5",
    "q-o-x": "3",
    "q-o-y": "1",
    "q-o-z": "2",
    # The options are the right sides in order: "1" is Alpha (p1's), "2" is Beta (p2's).
    "q-mt-p1": "2",
    "q-mt-p2": "1",
    "q-r": "  Some thoughts  ",
}


def form(data=None, **changes):
    """A ``QueryDict`` as a posted form gives it: ``data`` updated by ``changes``."""
    fields = {**(data or {}), **{name.replace("_", "-"): value for name, value in changes.items()}}
    query = QueryDict(mutable=True)
    for name, value in fields.items():
        if value is not None:
            query.setlist(name, value if isinstance(value, list) else [value])
    return query


def parse_one(spec, **fields):
    return parse_answers([spec], form(**fields))


def errors_of(parsed):
    return {question_id: str(message) for question_id, message in parsed.errors.items()}


def test_form_helper_builds_lists():
    query = form(VALID_FORM, q_s=None, q_extra=["1", "2"])
    assert "q-s" not in query
    assert query.getlist("q-m") == ["c", "a", "c"]
    assert query.getlist("q-extra") == ["1", "2"]


def test_valid_submission():
    parsed = parse_answers(FORM_SPECS, form(VALID_FORM))
    assert parsed.is_valid
    assert parsed.errors == {}
    assert parsed.answers == {
        "s": "b",
        "m": ["a", "c"],
        "tf": False,
        "st": "Paris",
        "n": "2.5",
        "o": ["y", "z", "x"],
        "mt": {"p1": "p2", "p2": "p1"},
        "r": "Some thoughts",
    }


def test_empty_submission_gives_an_error_per_question_but_reflection():
    parsed = parse_answers(FORM_SPECS, form())
    assert not parsed.is_valid
    assert errors_of(parsed) == {
        "s": "Choose an answer.",
        "m": "Choose at least one answer.",
        "tf": "Choose true or false.",
        "st": "Write an answer.",
        "n": "Enter a number.",
        "o": "Give every item a place.",
        "mt": "Match every item.",
    }
    assert parsed.answers == {
        "s": None,
        "m": [],
        "tf": None,
        "st": "",
        "n": "",
        "o": {},
        "mt": {},
        "r": "",
    }


def test_missing_answers_keep_the_answers_given():
    parsed = parse_answers(FORM_SPECS, form(VALID_FORM, q_s=None, q_o_z=None, q_mt_p2=None))
    assert errors_of(parsed) == {
        "s": "Choose an answer.",
        "o": "Give every item a place.",
        "mt": "Match every item.",
    }
    assert parsed.answers["m"] == ["a", "c"]
    assert parsed.answers["o"] == {"x": "3", "y": "1"}
    assert parsed.answers["mt"] == {"p1": "p2"}
    assert parsed.answers["st"] == "Paris"


def test_valid_answers_score_as_given():
    specs = [
        {"id": "s", "type": "single", "choices": [{"id": "a"}, {"id": "b", "correct": True}]},
        {"id": "n", "type": "number", "number": "2.5", "tolerance": "0"},
        {"id": "o", "type": "order", "items": [{"id": "y"}, {"id": "z"}, {"id": "x"}]},
    ]
    parsed = parse_answers(specs, form(VALID_FORM))
    result = score_attempt(specs, parsed.answers)
    assert [r.status for r in result.questions] == [CORRECT, CORRECT, CORRECT]


@pytest.mark.parametrize(
    ("text", "answer"),
    [("12", "12"), (" 3.5 ", "3.5"), ("3,5", "3.5"), ("-0.25", "-0.25"), ("1e3", "1E+3")],
)
def test_number_is_kept_as_decimal_text(text, answer):
    parsed = parse_one(FORM_SPECS[4], q_n=text)
    assert parsed.is_valid
    assert parsed.answers == {"n": answer}


@pytest.mark.parametrize("text", ["twelve", "1.2.3", "NaN", "Infinity", "12 kg"])
def test_invalid_number_keeps_the_text_with_an_error(text):
    parsed = parse_one(FORM_SPECS[4], q_n=f" {text} ")
    assert parsed.answers == {"n": text}
    assert errors_of(parsed) == {"n": "Enter a number, such as 12 or 3.5."}


def test_blank_short_text_is_an_error():
    parsed = parse_one(FORM_SPECS[3], q_st="   ")
    assert parsed.answers == {"st": ""}
    assert errors_of(parsed) == {"st": "Write an answer."}


@pytest.mark.parametrize(("text", "answer"), [("true", True), ("false", False)])
def test_true_false(text, answer):
    assert parse_one(FORM_SPECS[2], q_tf=text).answers == {"tf": answer}


def test_multiple_returns_sorted_unique_ids():
    parsed = parse_one(FORM_SPECS[1], q_m=["c", "b", "c", "b"])
    assert parsed.answers == {"m": ["b", "c"]}
    assert parsed.is_valid


@pytest.mark.parametrize("text", ["", "I think so."])
def test_reflection_is_optional(text):
    parsed = parse_one(FORM_SPECS[7], q_r=text)
    assert parsed.is_valid
    assert parsed.answers == {"r": text}


def test_reflection_may_be_left_out_entirely():
    assert parse_answers([FORM_SPECS[7]], form()) == ParsedAnswers(answers={"r": ""}, errors={})


def test_order_with_duplicate_places_is_an_error():
    parsed = parse_one(FORM_SPECS[5], q_o_x="1", q_o_y="1", q_o_z="2")
    assert parsed.answers == {"o": {"x": "1", "y": "1", "z": "2"}}
    assert errors_of(parsed) == {"o": "Give each item a different place."}


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        (("1", "2", "3"), ["x", "y", "z"]),
        (("3", "2", "1"), ["z", "y", "x"]),
        ((" 2", "3", "1"), ["z", "x", "y"]),
    ],
)
def test_valid_order_gives_item_ids_in_the_chosen_order(places, expected):
    x, y, z = places
    parsed = parse_one(FORM_SPECS[5], q_o_x=x, q_o_y=y, q_o_z=z)
    assert parsed.is_valid
    assert parsed.answers == {"o": expected}


def test_match_may_choose_one_right_side_twice():
    parsed = parse_one(FORM_SPECS[6], q_mt_p1="1", q_mt_p2="1")
    assert parsed.is_valid
    assert parsed.answers == {"mt": {"p1": "p1", "p2": "p1"}}


@pytest.mark.parametrize(
    ("spec", "fields", "message"),
    [
        (FORM_SPECS[0], {"q-s": "zz"}, "Question 1 has no such choice."),
        (FORM_SPECS[0], {"q-s": ["a", "b"]}, "Question 1 was answered more than once."),
        (FORM_SPECS[1], {"q-m": ["a", "zz"]}, "Question 1 has no such choice."),
        (FORM_SPECS[1], {"q-m": [""]}, "Question 1 has no such choice."),
        (FORM_SPECS[2], {"q-tf": "maybe"}, "Question 1 takes true or false."),
        (FORM_SPECS[2], {"q-tf": ["true", "false"]}, "Question 1 was answered more than once."),
        (
            FORM_SPECS[3],
            {"q-st": "x" * 501},
            "The answer to Question 1 is longer than 500 characters.",
        ),
        (FORM_SPECS[3], {"q-st": ["a", "b"]}, "Question 1 was answered more than once."),
        (
            FORM_SPECS[4],
            {"q-n": "1" * 51},
            "The answer to Question 1 is longer than 50 characters.",
        ),
        (
            FORM_SPECS[7],
            {"q-r": "x" * 5001},
            "The answer to Question 1 is longer than 5000 characters.",
        ),
        (FORM_SPECS[5], {"q-o-x": "0"}, "Question 1 has no such place."),
        (FORM_SPECS[5], {"q-o-x": "4"}, "Question 1 has no such place."),
        (FORM_SPECS[5], {"q-o-x": "-1"}, "Question 1 has no such place."),
        (FORM_SPECS[5], {"q-o-x": "first"}, "Question 1 has no such place."),
        (FORM_SPECS[5], {"q-o-x": ["1", "2"]}, "Question 1 was answered more than once."),
        (FORM_SPECS[6], {"q-mt-p1": "zz"}, "Question 1 has no such match."),
        (FORM_SPECS[6], {"q-mt-p1": ["p1", "p2"]}, "Question 1 was answered more than once."),
    ],
)
def test_what_the_form_cannot_send_is_malformed(spec, fields, message):
    with pytest.raises(MalformedSubmission) as raised:
        parse_answers([spec], form(fields))
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("kind", "limit"), [("short_text", 500), ("number", 50), ("reflection", 5000)]
)
def test_text_at_the_length_limit_is_accepted(kind, limit):
    spec = {"id": "t", "type": kind}
    parsed = parse_answers([spec], form({"q-t": "1" * limit}))
    assert parsed.answers == {"t": "1" * limit}


def test_malformed_message_names_the_question_by_its_place():
    with pytest.raises(MalformedSubmission, match=r"^Question 3 takes true or false\.$"):
        parse_answers(FORM_SPECS, form(VALID_FORM, q_tf="yes"))


def test_specs_of_unknown_types_are_skipped():
    specs = [{"id": "x", "type": "essay"}, FORM_SPECS[0]]
    parsed = parse_answers(specs, form({"q-x": "anything", "q-s": "a"}))
    assert parsed.answers == {"s": "a"}
    assert parsed.is_valid


def test_plain_mapping_data_is_read_too():
    data = {"q-s": "a", "q-m": ["b"], "q-o-x": "2", "q-o-y": "1", "q-o-z": "3"}
    parsed = parse_answers([FORM_SPECS[0], FORM_SPECS[1], FORM_SPECS[5]], data)
    assert parsed.answers == {"s": "a", "m": ["b"], "o": ["y", "x", "z"]}
    with pytest.raises(MalformedSubmission):
        parse_answers([FORM_SPECS[0]], {"q-s": ["a", "b"]})


def test_an_absurdly_large_number_is_asked_for_again_and_never_breaks_scoring():
    spec = {"id": "n", "type": "number", "number": "2.5", "tolerance": "0", "points": 1}
    parsed = parse_one(spec, q_n="1e999999999")
    assert parsed.errors == {"n": "Enter a number, such as 12 or 3.5."}
    assert parsed.answers == {"n": "1e999999999"}
    result = score_attempt([spec], {"n": "1e999999999"})
    assert (result.score, result.percent) == (0.0, 0.0)


def test_match_options_are_the_right_sides_in_order_under_values_that_name_no_pair():
    spec = {
        "id": "m",
        "type": "match",
        "pairs": [
            {"id": "p-a", "left": "Speaker", "right": "Lower house"},
            {"id": "p-b", "left": "Lord Speaker", "right": "Upper house"},
            {"id": "p-c", "left": "Clerk", "right": "Lower house"},
        ],
    }
    assert match_options(spec) == [("1", "p-a", "Lower house"), ("2", "p-b", "Upper house")]
    parsed = parse_answers([spec], form({"q-m-p-a": "1", "q-m-p-b": "2", "q-m-p-c": "1"}))
    assert parsed.answers == {"m": {"p-a": "p-a", "p-b": "p-b", "p-c": "p-a"}}
    assert score_attempt([spec | {"points": 1}], parsed.answers).percent == 100


@pytest.mark.parametrize("count", [-1, -100])
def test_draw_questions_below_zero_means_all(count):
    assert draw_questions(["a", "b", "c"], count) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("stored", "count"), [(3, 3), (0, 0), (-2, 0), ("3", 0), (None, 0), (True, 0), (1.5, 0)]
)
def test_draw_count_reads_anything_but_a_whole_number_above_zero_as_no_draw(stored, count):
    assert draw_count({"draw": stored}) == count
