"""Quiz scoring: examples per question type, then properties over random quizzes and answers."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_learninggroups.quizzes.scoring import (
    CORRECT,
    INCORRECT,
    PARTIAL,
    QUESTION_TYPES,
    UNANSWERED,
    UNSCORED,
    AttemptResult,
    QuestionResult,
    is_unanswered,
    normalise_text,
    percent_of,
    points_of,
    score_attempt,
    score_question,
    to_decimal,
)

# Question specs, as quizzes.question_spec makes them -----------------------------------------


def single(question_id="q1", right="b", ids=("a", "b", "c"), points=1):
    choices = [{"id": choice_id, "correct": choice_id == right} for choice_id in ids]
    return {"id": question_id, "type": "single", "points": points, "choices": choices}


def multiple(question_id="q1", right=("a", "b"), wrong=("c", "d"), points=1):
    choices = [{"id": choice_id, "correct": True} for choice_id in right]
    choices += [{"id": choice_id, "correct": False} for choice_id in wrong]
    return {"id": question_id, "type": "multiple", "points": points, "choices": choices}


def true_false(question_id="q1", answer=True, points=1):
    return {"id": question_id, "type": "true_false", "points": points, "answer": answer}


def short_text(question_id="q1", accepted=("Paris",), points=1):
    return {"id": question_id, "type": "short_text", "points": points, "accepted": list(accepted)}


def number(question_id="q1", expected="2.5", tolerance="0.1", points=1):
    return {
        "id": question_id,
        "type": "number",
        "points": points,
        "number": expected,
        "tolerance": tolerance,
    }


def order(question_id="q1", ids=("a", "b", "c", "d"), points=1):
    items = [{"id": item_id, "text": item_id.upper()} for item_id in ids]
    return {"id": question_id, "type": "order", "points": points, "items": items}


def match(question_id="q1", pairs=(("p1", "France", "Paris"), ("p2", "Italy", "Rome")), points=1):
    return {
        "id": question_id,
        "type": "match",
        "points": points,
        "pairs": [{"id": pid, "left": left, "right": right} for pid, left, right in pairs],
    }


def reflection(question_id="q1", points=0):
    return {"id": question_id, "type": "reflection", "points": points}


def status_and_award(question, answer):
    result = score_question(question, answer)
    return result.status, result.awarded


# Helpers -------------------------------------------------------------------------------------


def test_normalise_text_folds_case_and_collapses_spacing():
    assert normalise_text("  Hello\t  WORLD \n") == "hello world"
    assert normalise_text("Straße") == "strasse"
    assert normalise_text(None) == ""
    assert normalise_text(12) == "12"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2.5", Decimal("2.5")),
        ("2,5", Decimal("2.5")),
        (" 7 ", Decimal("7")),
        (3, Decimal("3")),
        (Decimal("-1.25"), Decimal("-1.25")),
        ("abc", None),
        ("", None),
        (None, None),
        (True, None),
        ("NaN", None),
        ("Infinity", None),
        ("1,2,3", None),
    ],
)
def test_to_decimal(value, expected):
    assert to_decimal(value) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, True),
        ("", True),
        ("   \t", True),
        ([], True),
        ((), True),
        (set(), True),
        ({}, True),
        ("x", False),
        (["a"], False),
        ({"p1": "p1"}, False),
        (False, False),
        (0, False),
    ],
)
def test_is_unanswered(answer, expected):
    assert is_unanswered(answer) is expected


# Single choice -------------------------------------------------------------------------------


def test_single_choice_right_answer_gets_all_points():
    result = score_question(single(points=3), "b")
    assert result == QuestionResult("q1", 3.0, 3.0, CORRECT)
    assert result.status == CORRECT


@pytest.mark.parametrize("answer", ["a", "c", "no-such-choice", "B"])
def test_single_choice_other_answers_get_nothing(answer):
    assert score_question(single(points=3), answer) == QuestionResult("q1", 0.0, 3.0, INCORRECT)


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_single_choice_without_answer_is_unanswered(answer):
    result = score_question(single(points=2), answer)
    assert result == QuestionResult("q1", 0.0, 2.0, UNANSWERED)
    assert result.status != CORRECT


# Multiple choice -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "status", "awarded"),
    [
        (["a", "b"], CORRECT, 2.0),
        (["b", "a"], CORRECT, 2.0),
        (["a"], PARTIAL, 1.0),
        (["a", "a"], PARTIAL, 1.0),
        (["a", "b", "c"], PARTIAL, 1.0),
        (["a", "c"], INCORRECT, 0.0),
        (["c"], INCORRECT, 0.0),
        (["c", "d"], INCORRECT, 0.0),
        (["a", "c", "d"], INCORRECT, 0.0),
        (["a", "b", "c", "d"], INCORRECT, 0.0),
        (["zz"], INCORRECT, 0.0),
        (("a", "b"), CORRECT, 2.0),
        ({"a", "b"}, CORRECT, 2.0),
    ],
)
def test_multiple_choice_partial_credit_never_below_zero(answer, status, awarded):
    assert status_and_award(multiple(points=2), answer) == (status, awarded)


def test_multiple_choice_with_every_choice_correct():
    question = multiple(right=("a", "b", "c"), wrong=(), points=3)
    assert status_and_award(question, ["a", "b", "c"]) == (CORRECT, 3.0)
    assert status_and_award(question, ["a"]) == (PARTIAL, 1.0)


def test_multiple_choice_third_of_a_point_is_rounded_to_four_places():
    question = multiple(right=("a", "b", "c"), wrong=("d",), points=1)
    assert status_and_award(question, ["a"]) == (PARTIAL, 0.3333)
    assert status_and_award(question, ["a", "b"]) == (PARTIAL, 0.6667)


def test_multiple_choice_empty_selection_is_unanswered():
    assert score_question(multiple(points=2), []) == QuestionResult("q1", 0.0, 2.0, UNANSWERED)


# True or false -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "answer", "status"),
    [
        (True, True, CORRECT),
        (True, False, INCORRECT),
        (False, False, CORRECT),
        (False, True, INCORRECT),
        (True, "true", INCORRECT),
        (True, 1, INCORRECT),
    ],
)
def test_true_false(expected, answer, status):
    assert score_question(true_false(answer=expected), answer).status == status


def test_true_false_unanswered():
    assert score_question(true_false(), None).status == UNANSWERED


# Short text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["Paris", "paris", "PARIS", "  paris  ", "ville lumière", "Ville\t  LUMIÈRE\n"]
)
def test_short_text_ignores_case_and_spacing(answer):
    question = short_text(accepted=["Paris", "  Ville   Lumière "], points=2)
    assert status_and_award(question, answer) == (CORRECT, 2.0)


@pytest.mark.parametrize("answer", ["Pari", "Par is", "Paris.", "London"])
def test_short_text_other_answers_are_incorrect(answer):
    question = short_text(accepted=["Paris", "  Ville   Lumière "], points=2)
    assert status_and_award(question, answer) == (INCORRECT, 0.0)


def test_short_text_blank_accepted_answers_accept_nothing():
    question = short_text(accepted=["", "   "])
    assert status_and_award(question, "anything") == (INCORRECT, 0.0)


def test_short_text_blank_answer_is_unanswered():
    assert score_question(short_text(), "  \n ").status == UNANSWERED


# Number --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("2.5", CORRECT),
        (" 2.5 ", CORRECT),
        ("2,5", CORRECT),
        ("2.50", CORRECT),
        ("2.6", CORRECT),
        ("2,6", CORRECT),
        ("2.4", CORRECT),
        ("2.6000", CORRECT),
        ("2.61", INCORRECT),
        ("2.39", INCORRECT),
        ("-2.5", INCORRECT),
        (2.5, CORRECT),
        (Decimal("2.55"), CORRECT),
        ("two and a half", INCORRECT),
        ("NaN", INCORRECT),
        ("Infinity", INCORRECT),
        (True, INCORRECT),
    ],
)
def test_number_within_tolerance(answer, status):
    assert score_question(number(expected="2.5", tolerance="0.1"), answer).status == status


def test_number_boundary_exactly_at_tolerance_is_decimal_exact():
    # In binary floats 0.3 - 0.1 > 0.2; decimals get the boundary right.
    question = number(expected="0.1", tolerance="0.2")
    assert score_question(question, "0.3").status == CORRECT
    assert score_question(question, "-0.1").status == CORRECT
    assert score_question(question, "0.30001").status == INCORRECT


def test_number_without_tolerance_must_be_exact():
    question = number(expected="3", tolerance=None)
    assert score_question(question, "3.00").status == CORRECT
    assert score_question(question, "3.01").status == INCORRECT


def test_number_negative_tolerance_counts_as_its_size():
    question = number(expected="10", tolerance="-1")
    assert score_question(question, "11").status == CORRECT
    assert score_question(question, "9").status == CORRECT
    assert score_question(question, "11.5").status == INCORRECT


def test_number_expected_with_comma_decimal():
    assert score_question(number(expected="1,5", tolerance="0"), "1.5").status == CORRECT


def test_number_without_an_expected_number_is_never_right():
    assert score_question(number(expected="", tolerance="0"), "0").status == INCORRECT


# Order ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "status", "awarded"),
    [
        (["a", "b", "c", "d"], CORRECT, 4.0),
        (["a", "b", "d", "c"], PARTIAL, 2.0),
        (["d", "b", "c", "a"], PARTIAL, 2.0),
        (["b", "a", "d", "c"], INCORRECT, 0.0),
        (["d", "c", "b", "a"], INCORRECT, 0.0),
        (["a"], PARTIAL, 1.0),
        (["x", "b"], PARTIAL, 1.0),
        (("a", "b", "c", "d"), CORRECT, 4.0),
    ],
)
def test_order_scores_the_share_of_items_in_place(answer, status, awarded):
    assert status_and_award(order(points=4), answer) == (status, awarded)


def test_order_share_of_three_items_is_rounded():
    question = order(ids=("a", "b", "c"), points=1)
    assert status_and_award(question, ["a", "c", "b"]) == (PARTIAL, 0.3333)


def test_order_without_items_is_never_right():
    assert status_and_award(order(ids=()), ["a"]) == (INCORRECT, 0.0)


# Match ---------------------------------------------------------------------------------------

SHARED_RIGHT = (("p1", "France", "Paris"), ("p2", "Italy", "Rome"), ("p3", "Lazio", " rome "))


@pytest.mark.parametrize(
    ("answer", "status", "awarded"),
    [
        ({"p1": "p1", "p2": "p2", "p3": "p3"}, CORRECT, 3.0),
        # p2 and p3 share their right side (spacing and case aside): either choice is right.
        ({"p1": "p1", "p2": "p3", "p3": "p2"}, CORRECT, 3.0),
        ({"p1": "p1", "p2": "p3", "p3": "p3"}, CORRECT, 3.0),
        ({"p1": "p2", "p2": "p1", "p3": "p3"}, PARTIAL, 1.0),
        ({"p1": "p1"}, PARTIAL, 1.0),
        ({"p1": "p2", "p2": "p1", "p3": "p1"}, INCORRECT, 0.0),
        ({"p1": "zz", "zz": "p1"}, INCORRECT, 0.0),
        (["p1", "p2", "p3"], INCORRECT, 0.0),
    ],
)
def test_match_scores_the_share_of_pairs_matched(answer, status, awarded):
    assert status_and_award(match(pairs=SHARED_RIGHT, points=3), answer) == (status, awarded)


def test_match_empty_answer_is_unanswered():
    assert score_question(match(), {}).status == UNANSWERED


def test_match_without_pairs_is_never_right():
    assert status_and_award(match(pairs=()), {"p1": "p1"}) == (INCORRECT, 0.0)


# Reflection and unknown types ----------------------------------------------------------------


@pytest.mark.parametrize("answer", ["I learnt a lot.", "", None])
def test_reflection_is_not_scored(answer):
    assert score_question(reflection(points=5), answer) == QuestionResult("q1", 0.0, 0.0, UNSCORED)


def test_unknown_question_type_is_not_scored():
    question = {"id": "q9", "type": "essay", "points": 4}
    assert score_question(question, "x") == QuestionResult("q9", 0.0, 0.0, UNSCORED)


# Points --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (3, 3.0),
        ("2", 2.0),
        (1.5, 1.5),
        (0, 0.0),
        (-2, 0.0),
        ("many", 0.0),
        (None, 0.0),
        ([1], 0.0),
        (float("nan"), 0.0),
        (float("inf"), 0.0),
    ],
)
def test_points_of(points, expected):
    assert points_of(single(points=points)) == expected


def test_points_default_to_one():
    question = single()
    del question["points"]
    assert points_of(question) == 1.0


def test_points_of_reflection_are_zero():
    assert points_of(reflection(points=7)) == 0.0


@pytest.mark.parametrize("points", [0, -3, "many"])
def test_question_worth_nothing_awards_nothing(points):
    result = score_question(single(points=points), "b")
    assert (result.awarded, result.possible, result.status) == (0.0, 0.0, CORRECT)


def test_attempt_ignores_questions_worth_nothing_in_the_maximum():
    questions = [single("q1", points=2), single("q2", points=-5), single("q3", points="x")]
    result = score_attempt(questions, {"q1": "b", "q2": "a", "q3": "a"})
    assert (result.score, result.maximum, result.percent) == (2.0, 2.0, 100.0)


# Attempts ------------------------------------------------------------------------------------


def test_attempt_scores_each_question_in_order():
    questions = [single("q1", points=2), true_false("q2"), order("q3", points=4), reflection("q4")]
    answers = {"q1": "b", "q2": False, "q3": ["a", "b", "d", "c"], "q4": "Thoughts"}
    result = score_attempt(questions, answers, pass_mark=50)
    assert result == AttemptResult(
        score=4.0,
        maximum=7.0,
        percent=57.1,
        passed=True,
        questions=(
            QuestionResult("q1", 2.0, 2.0, CORRECT),
            QuestionResult("q2", 0.0, 1.0, INCORRECT),
            QuestionResult("q3", 2.0, 4.0, PARTIAL),
            QuestionResult("q4", 0.0, 0.0, UNSCORED),
        ),
    )
    by_id = {question.id: question for question in result.questions}
    assert list(by_id) == ["q1", "q2", "q3", "q4"]
    assert by_id["q3"].status == PARTIAL


def test_attempt_missing_answers_are_unanswered():
    result = score_attempt([single("q1"), single("q2")], {"q1": "b"})
    assert [r.status for r in result.questions] == [CORRECT, UNANSWERED]
    assert (result.score, result.maximum, result.percent) == (1.0, 2.0, 50.0)


@pytest.mark.parametrize("answers", [None, [], "q1", 5])
def test_attempt_answers_that_are_not_a_mapping_leave_everything_unanswered(answers):
    result = score_attempt([single("q1"), short_text("q2")], answers)
    assert [r.status for r in result.questions] == [UNANSWERED, UNANSWERED]
    assert (result.score, result.maximum, result.percent) == (0.0, 2.0, 0.0)


def test_attempt_matches_answers_to_question_ids_as_text():
    result = score_attempt([single(7)], {"7": "b"})
    assert result.questions[0] == QuestionResult("7", 1.0, 1.0, CORRECT)


@pytest.mark.parametrize(
    ("right", "percent", "score"),
    [(0, 0.0, 0.0), (1, 33.3, 1.0), (2, 66.7, 2.0), (3, 100.0, 3.0)],
)
def test_attempt_percent_is_rounded_to_one_place(right, percent, score):
    questions = [single(f"q{i}") for i in range(3)]
    answers = {f"q{i}": "b" if i < right else "a" for i in range(3)}
    result = score_attempt(questions, answers)
    assert (result.score, result.maximum, result.percent) == (score, 3.0, percent)


def test_attempt_score_is_rounded_to_two_places():
    question = multiple(right=("a", "b", "c"), wrong=("d",), points=1)
    result = score_attempt([question], {"q1": ["a"]})
    assert (result.score, result.maximum, result.percent) == (0.33, 1.0, 33.0)


@pytest.mark.parametrize(
    ("pass_mark", "passed"),
    [(0, True), (None, True), (49, True), (50, True), ("50", True), (50.1, False), (51, False)],
)
def test_pass_mark_is_reached_at_equal_percent(pass_mark, passed):
    result = score_attempt([single("q1"), single("q2")], {"q1": "b", "q2": "a"}, pass_mark)
    assert result.percent == 50.0
    assert result.passed is passed


def test_pass_mark_of_100_needs_every_point():
    questions = [single("q1"), multiple("q2")]
    assert score_attempt(questions, {"q1": "b", "q2": ["a", "b"]}, 100).passed is True
    assert score_attempt(questions, {"q1": "b", "q2": ["a"]}, 100).passed is False


def test_quiz_of_only_reflections_scores_100_and_passes():
    result = score_attempt([reflection("r1"), reflection("r2")], {"r1": "Yes"}, pass_mark=100)
    assert (result.score, result.maximum, result.percent, result.passed) == (0.0, 0.0, 100.0, True)
    assert [r.status for r in result.questions] == [UNSCORED, UNSCORED]


def test_empty_quiz_scores_100():
    result = score_attempt([], {}, pass_mark=80)
    assert (result.score, result.maximum, result.percent, result.passed) == (0, 0, 100.0, True)
    assert result.questions == ()


@pytest.mark.parametrize(
    ("score", "maximum", "percent"),
    [(0, 0, 100.0), (0, -1, 100.0), (1, 3, 33.3), (2, 3, 66.7), (1, 8, 12.5), (7, 7, 100.0)],
)
def test_percent_of(score, maximum, percent):
    assert percent_of(score, maximum) == percent


# Answers that no form sends must not break scoring -------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (single(), ["b"]),
        (single(), {"b": 1}),
        (multiple(), 5),
        (multiple(), True),
        (multiple(), [["a"]]),
        (order(), 5),
        (order(), 2.5),
        (match(), {"p1": ["p1"]}),
        (number(), "1e999999999"),
        (number(), "-1E+1000000"),
    ],
    ids=[
        "single-list",
        "single-dict",
        "multiple-int",
        "multiple-bool",
        "multiple-nested-list",
        "order-int",
        "order-float",
        "match-list-value",
        "number-huge",
        "number-huge-negative",
    ],
)
def test_garbage_answer_scores_zero_instead_of_raising(question, answer):
    result = score_attempt([question], {"q1": answer})
    assert result.questions[0].awarded == 0.0
    assert result.questions[0].status == INCORRECT


# Properties ----------------------------------------------------------------------------------

IDS = st.text(alphabet="abcdefgh0123456789-_", min_size=1, max_size=5)
ASCII_TEXT = st.text(alphabet="abcXYZ019 \t", min_size=1, max_size=12).filter(str.strip)
POINTS = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=-10, max_value=-1),
    st.sampled_from(["3", "many", None, float("nan")]),
)
DECIMALS = st.decimals(
    min_value=-10000, max_value=10000, places=2, allow_nan=False, allow_infinity=False
)
GARBAGE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=8),
        st.decimals(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=4), children, max_size=4),
    ),
    max_leaves=8,
)


def unique_ids(min_size=1, max_size=6):
    return st.lists(IDS, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def choice_questions(draw, kind):
    ids = draw(unique_ids())
    if kind == "single":
        right = draw(st.sampled_from(ids))
        flags = [choice_id == right for choice_id in ids]
    else:
        flags = draw(st.lists(st.booleans(), min_size=len(ids), max_size=len(ids)))
        if not any(flags):
            flags[draw(st.integers(0, len(ids) - 1))] = True
    choices = [{"id": i, "text": i, "correct": f} for i, f in zip(ids, flags, strict=True)]
    return {"type": kind, "choices": choices}


@st.composite
def questions(draw, kinds=QUESTION_TYPES):
    """A valid question spec of one of ``kinds``, without its id."""
    kind = draw(st.sampled_from(kinds))
    if kind in ("single", "multiple"):
        question = draw(choice_questions(kind))
    elif kind == "true_false":
        question = {"type": kind, "answer": draw(st.booleans())}
    elif kind == "short_text":
        question = {"type": kind, "accepted": draw(st.lists(ASCII_TEXT, min_size=1, max_size=3))}
    elif kind == "number":
        question = {
            "type": kind,
            "number": str(draw(DECIMALS)),
            "tolerance": str(draw(st.decimals(min_value=0, max_value=5, places=2))),
        }
    elif kind == "order":
        question = {"type": kind, "items": [{"id": i, "text": i} for i in draw(unique_ids())]}
    elif kind == "match":
        ids = draw(unique_ids())
        rights = draw(st.lists(st.sampled_from(["Paris", "Rome", " rome", "Oslo"]), min_size=6))
        pairs = [{"id": i, "left": i, "right": rights[n]} for n, i in enumerate(ids)]
        question = {"type": kind, "pairs": pairs}
    else:
        question = {"type": kind}
    question["points"] = draw(POINTS)
    return question


@st.composite
def quizzes(draw, kinds=QUESTION_TYPES, min_size=0):
    """A list of question specs with unique ids."""
    drawn = draw(st.lists(questions(kinds), min_size=min_size, max_size=6))
    return [{**question, "id": f"q{n}"} for n, question in enumerate(drawn)]


@st.composite
def right_answers(draw, question):
    """A fully correct answer to ``question``, in any of the forms that count as correct."""
    kind = question["type"]
    if kind == "single":
        return next(c["id"] for c in question["choices"] if c["correct"])
    if kind == "multiple":
        return draw(st.permutations([c["id"] for c in question["choices"] if c["correct"]]))
    if kind == "true_false":
        return question["answer"]
    if kind == "short_text":
        text = draw(st.sampled_from(question["accepted"]))
        text = draw(st.sampled_from([text, text.upper(), text.lower(), text.swapcase()]))
        padding = st.text(alphabet=" \t\n", max_size=2)
        return draw(padding) + " ".join(text.split()) + draw(padding)
    if kind == "number":
        expected, tolerance = Decimal(question["number"]), Decimal(question["tolerance"])
        given = draw(st.sampled_from([expected, expected + tolerance, expected - tolerance]))
        return draw(st.sampled_from([str(given), str(given).replace(".", ","), given]))
    if kind == "order":
        return [item["id"] for item in question["items"]]
    if kind == "match":
        return {pair["id"]: pair["id"] for pair in question["pairs"]}
    return draw(st.text(max_size=20))


@st.composite
def answers(draw, question):
    """A well-formed answer to ``question``, right or wrong, or none at all."""
    kind = question["type"]
    nothing = st.sampled_from([None, "", "  "])
    if kind in ("single", "multiple"):
        ids = st.sampled_from([c["id"] for c in question["choices"]] + ["unknown"])
        given = ids if kind == "single" else st.lists(ids, max_size=8)
    elif kind == "true_false":
        given = st.one_of(st.booleans(), st.sampled_from(["true", 1, 0]))
    elif kind == "short_text":
        given = st.one_of(st.sampled_from(question["accepted"]), st.text(max_size=12))
    elif kind == "number":
        given = st.one_of(DECIMALS.map(str), st.text(max_size=6), st.floats(-1e6, 1e6))
    elif kind == "order":
        ids = [item["id"] for item in question["items"]]
        given = st.one_of(st.permutations(ids), st.lists(st.sampled_from([*ids, "x"])))
    elif kind == "match":
        ids = [pair["id"] for pair in question["pairs"]]
        given = st.dictionaries(st.sampled_from([*ids, "x"]), st.sampled_from([*ids, "x"]))
    else:
        given = st.text(max_size=20)
    return draw(st.one_of(nothing, given, right_answers(question)))


@st.composite
def quizzes_with_answers(draw, answer_of=answers):
    quiz = draw(quizzes())
    given = {}
    for question in quiz:
        if draw(st.booleans()) or answer_of is right_answers:
            given[question["id"]] = draw(answer_of(question))
    return quiz, given


# No example database: nothing is written into the checkout.
FAST = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FAST
@given(quizzes_with_answers(), st.integers(min_value=0, max_value=100))
def test_property_score_and_percent_stay_in_bounds(quiz_and_answers, pass_mark):
    quiz, given_answers = quiz_and_answers
    result = score_attempt(quiz, given_answers, pass_mark)
    assert 0 <= result.score <= result.maximum
    assert 0 <= result.percent <= 100
    # Passing compares the exact share; the percentage shown is rounded (95 of 96 shows 99.0%
    # and does not pass 99).
    exact = 100.0 if result.maximum <= 0 else 100.0 * result.score / result.maximum
    assert result.passed is (exact >= pass_mark)
    assert len(result.questions) == len(quiz)
    for question, outcome in zip(quiz, result.questions, strict=True):
        assert outcome.id == question["id"]
        assert 0 <= outcome.awarded <= outcome.possible
        assert outcome.possible == points_of(question)
        if question["type"] == "reflection":
            assert outcome.status == UNSCORED


@FAST
@given(quizzes_with_answers(right_answers), st.integers(min_value=0, max_value=100))
def test_property_right_answers_score_the_maximum_and_pass(quiz_and_answers, pass_mark):
    quiz, given_answers = quiz_and_answers
    result = score_attempt(quiz, given_answers, pass_mark)
    assert result.score == result.maximum == round(sum(points_of(q) for q in quiz), 2)
    assert result.percent == 100.0
    assert result.passed is True
    for question, outcome in zip(quiz, result.questions, strict=True):
        expected = UNSCORED if question["type"] == "reflection" else CORRECT
        assert outcome.status == expected
        assert outcome.awarded == outcome.possible


@FAST
@given(questions(kinds=("multiple",)), st.data())
def test_property_order_of_chosen_ids_does_not_change_multiple_choice_score(question, data):
    question["id"] = "q1"
    ids = [choice["id"] for choice in question["choices"]]
    picked = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=8))
    shuffled = data.draw(st.permutations(picked))
    assert score_question(question, shuffled) == score_question(question, picked)
    assert score_question(question, tuple(reversed(picked))) == score_question(question, picked)


@FAST
@given(questions(kinds=("match",)), st.data())
def test_property_order_of_keys_does_not_change_match_score(question, data):
    question["id"] = "q1"
    ids = [pair["id"] for pair in question["pairs"]]
    given_answer = data.draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(ids)))
    reordered = dict(data.draw(st.permutations(list(given_answer.items()))))
    assert sorted(reordered.items()) == sorted(given_answer.items())
    assert score_question(question, reordered) == score_question(question, given_answer)


@FAST
@given(quizzes_with_answers(), st.data())
def test_property_order_of_questions_does_not_change_the_total(quiz_and_answers, data):
    quiz, given_answers = quiz_and_answers
    shuffled = data.draw(st.permutations(quiz))
    original, reordered = (
        score_attempt(quiz, given_answers),
        score_attempt(shuffled, given_answers),
    )
    assert (reordered.score, reordered.maximum, reordered.percent) == (
        original.score,
        original.maximum,
        original.percent,
    )
    assert {q.id: q for q in reordered.questions} == {q.id: q for q in original.questions}


@FAST
@given(
    quizzes(), st.one_of(GARBAGE, st.dictionaries(st.sampled_from(["q0", "q1", "q2"]), GARBAGE))
)
def test_property_score_attempt_never_raises_on_garbage_answers(quiz, garbage):
    result = score_attempt(quiz, garbage)
    assert 0 <= result.score <= result.maximum
    assert 0 <= result.percent <= 100
    assert all(0 <= outcome.awarded <= outcome.possible for outcome in result.questions)


def test_strategies_build_every_question_type():
    """The property tests above see every type (a guard against a narrowed strategy)."""
    seen = set()

    @settings(max_examples=100, deadline=None, database=None)
    @given(questions())
    def collect(question):
        seen.add(question["type"])

    collect()
    assert seen == set(QUESTION_TYPES)


def test_commas_that_group_thousands_are_read_as_such():
    assert score_question(number(expected="1500", tolerance="0"), "1,500").status == CORRECT
    assert score_question(number(expected="12000.5", tolerance="0"), "12,000.5").status == CORRECT
    assert score_question(number(expected="3.5", tolerance="0"), "3,5").status == CORRECT


def test_passing_compares_the_exact_share_not_the_rounded_one():
    questions = [{"id": str(index), "type": "true_false", "answer": True, "points": 1}
                 for index in range(2000)]  # fmt: skip
    answers = {str(index): index >= 601 for index in range(2000)}  # 1399 of 2000: 69.95%
    result = score_attempt(questions, answers, pass_mark=70)
    assert result.percent == 70.0
    assert result.passed is False
