"""Quiz scoring: a pure function of the questions as they were served and the answers given.

Questions are plain dicts (the snapshot kept with each attempt, see :mod:`.specs`) and answers
are plain values, so scoring needs no database, no blocks and no request, and the same function
scores a fresh attempt and re-scores a stored one.

Question types and what an answer is:

============== ============================================= ===================================
type           answer                                        scored
============== ============================================= ===================================
``single``     a choice id                                   all or nothing
``multiple``   a collection of choice ids                    partial credit, never below zero
``true_false`` ``True`` or ``False``                         all or nothing
``short_text`` text                                          accepted answers, case and spacing
                                                             ignored
``number``     a decimal (or its text)                       within the tolerance
``order``      item ids, in the order given                  share of items in their place
``match``      ``{pair id: id of the pair whose right side    share of pairs matched
               was chosen}``
``reflection`` text                                          not scored
============== ============================================= ===================================
"""

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

CORRECT = "correct"
PARTIAL = "partial"
INCORRECT = "incorrect"
UNANSWERED = "unanswered"
UNSCORED = "unscored"

#: Digits grouped in thousands by commas, with an optional decimal point: "1,500", "12,000.5".
THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")

#: Numbers beyond 10 to this power either way are not answers anyone means; refusing them keeps
#: decimal arithmetic away from overflow.
MAX_EXPONENT = 30

SCORED_TYPES = ("single", "multiple", "true_false", "short_text", "number", "order", "match")
QUESTION_TYPES = (*SCORED_TYPES, "reflection")


@dataclass(frozen=True)
class QuestionResult:
    """How one question was answered."""

    id: str
    awarded: float
    possible: float
    status: str


@dataclass(frozen=True)
class AttemptResult:
    """The score of an attempt, and of each of its questions, in the order served."""

    score: float
    maximum: float
    percent: float
    passed: bool
    questions: tuple = field(default_factory=tuple)


def normalise_text(text):
    """Text as short answers compare it: case folded, spacing collapsed, ends trimmed."""
    return " ".join(str(text or "").split()).casefold()


def to_decimal(value):
    """A finite :class:`~decimal.Decimal` from a number or its text, or ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip().replace(" ", "")
    if THOUSANDS.fullmatch(text):
        text = text.replace(",", "")  # 1,500 or 12,000.5: commas group thousands
    try:
        number = Decimal(text.replace(",", "."))  # 3,5: a decimal comma
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number.adjusted()) > MAX_EXPONENT:
        return None
    return number


def points_of(question):
    """The points a question is worth: a non-negative number, 0 for reflections."""
    if question.get("type") not in SCORED_TYPES:
        return 0.0
    try:
        points = float(question.get("points", 1))
    except (TypeError, ValueError):
        return 0.0
    return points if math.isfinite(points) and points > 0 else 0.0


def _share_single(question, answer):
    correct = {c["id"] for c in question.get("choices", ()) if c.get("correct")}
    return 1.0 if answer in correct else 0.0


def _share_multiple(question, answer):
    choices = question.get("choices", ())
    correct = {c["id"] for c in choices if c.get("correct")}
    wrong = {c["id"] for c in choices if not c.get("correct")}
    picked = set(answer or ())
    if not correct:
        return 0.0
    share = len(picked & correct) / len(correct)
    if wrong:
        share -= len(picked & wrong) / len(wrong)
    return max(0.0, share)


def _share_true_false(question, answer):
    return 1.0 if answer is bool(question.get("answer")) else 0.0


def _share_short_text(question, answer):
    accepted = {normalise_text(text) for text in question.get("accepted", ())}
    accepted.discard("")
    return 1.0 if normalise_text(answer) in accepted else 0.0


def _share_number(question, answer):
    given, expected = to_decimal(answer), to_decimal(question.get("number"))
    tolerance = to_decimal(question.get("tolerance")) or Decimal(0)
    if given is None or expected is None:
        return 0.0
    return 1.0 if abs(given - expected) <= abs(tolerance) else 0.0


def _share_order(question, answer):
    items = [item["id"] for item in question.get("items", ())]
    given = list(answer or ())
    if not items:
        return 0.0
    in_place = sum(
        1 for index, item in enumerate(items) if index < len(given) and given[index] == item
    )
    return in_place / len(items)


def _share_match(question, answer):
    pairs = question.get("pairs", ())
    right_of = {pair["id"]: normalise_text(pair.get("right")) for pair in pairs}
    answer = answer if isinstance(answer, Mapping) else {}
    if not pairs:
        return 0.0
    # Two pairs may share a right side: choosing either is right.
    matched = sum(
        1
        for pair in pairs
        if answer.get(pair["id"]) in right_of
        and right_of[answer[pair["id"]]] == right_of[pair["id"]]
    )
    return matched / len(pairs)


_SHARES = {
    "single": _share_single,
    "multiple": _share_multiple,
    "true_false": _share_true_false,
    "short_text": _share_short_text,
    "number": _share_number,
    "order": _share_order,
    "match": _share_match,
}


def is_unanswered(answer):
    """No answer given: nothing, blank text, or an empty collection."""
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, frozenset, Mapping)):
        return not answer
    return False


def score_question(question, answer):
    """Score one answer: a :class:`QuestionResult`."""
    question_id = str(question.get("id", ""))
    possible = points_of(question)
    share_of = _SHARES.get(question.get("type"))
    if share_of is None:
        return QuestionResult(question_id, 0.0, 0.0, UNSCORED)
    if is_unanswered(answer):
        return QuestionResult(question_id, 0.0, possible, UNANSWERED)
    try:
        share = min(1.0, max(0.0, share_of(question, answer)))
    except (TypeError, ArithmeticError):
        # An answer of the wrong shape (a stored attempt edited by hand, say) is simply wrong.
        share = 0.0
    awarded = round(possible * share, 4)
    if share >= 1.0:
        status = CORRECT
    elif share > 0.0:
        status = PARTIAL
    else:
        status = INCORRECT
    return QuestionResult(question_id, awarded, possible, status)


def percent_of(score, maximum):
    """``score`` as a percentage of ``maximum``, to one decimal; 100 when nothing is scored."""
    if maximum <= 0:
        return 100.0
    return round(100.0 * score / maximum, 1)


def score_attempt(questions, answers, pass_mark=0):
    """Score ``answers`` (``{question id: answer}``) to ``questions``: an :class:`AttemptResult`.

    ``pass_mark`` is a percentage; an attempt passes when its percentage reaches it.
    """
    answers = answers if isinstance(answers, Mapping) else {}
    results = tuple(
        score_question(question, answers.get(str(question.get("id", ""))))
        for question in questions
    )
    score = round(sum(result.awarded for result in results), 2)
    maximum = round(sum(result.possible for result in results), 2)
    score = min(score, maximum)
    percent = percent_of(score, maximum)
    # Passing compares the exact share: 69.95% rounds to 70.0 for display, but does not pass 70.
    exact = 100.0 if maximum <= 0 else 100.0 * score / maximum
    return AttemptResult(
        score=score,
        maximum=maximum,
        percent=percent,
        passed=exact >= float(pass_mark or 0),
        questions=results,
    )
