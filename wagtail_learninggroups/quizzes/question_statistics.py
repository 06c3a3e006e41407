"""Statistics of each question of a quiz, over its attempts: pure functions of plain values.

Attempts are read as :mod:`.statistics` describes them.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import scoring

#: Spread keys that are not a choice.
NO_ANSWER = "none"
OTHER_CHOICE = "other"
ANSWERED = "answered"

CHOICE_TYPES = ("single", "multiple", "true_false")
#: Types whose answers can be partly right.
PARTIAL_TYPES = ("multiple", "order", "match")

STATUS_LABELS = {
    scoring.CORRECT: _("Correct"),
    scoring.PARTIAL: _("Partly correct"),
    scoring.INCORRECT: _("Incorrect"),
    scoring.UNANSWERED: _("Unanswered"),
    scoring.UNSCORED: _("Not scored"),
    ANSWERED: _("Answered"),
}

TYPE_LABELS = {
    "single": _("Single choice"),
    "multiple": _("Multiple choice"),
    "true_false": _("True or false"),
    "short_text": _("Short text answer"),
    "number": _("Number"),
    "order": _("Put in order"),
    "match": _("Match pairs"),
    "reflection": _("Reflection"),
}


def attempt_value(attempt, name, default=None):
    if isinstance(attempt, Mapping):
        return attempt.get(name, default)
    return getattr(attempt, name, default)


def share(part, whole):
    """``part`` as a percentage of ``whole``, to one decimal; ``None`` when ``whole`` is 0."""
    return round(100.0 * part / whole, 1) if whole else None


def mean(values):
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None


def oldest_first(attempts):
    """The attempts, oldest first; the given order breaks ties and stands in for missing dates."""
    indexed = list(enumerate(attempts))

    def when(pair):
        submitted = attempt_value(pair[1], "submitted_at")
        stamp = submitted.timestamp() if submitted is not None else float("-inf")
        return stamp, pair[0]

    return [attempt for _index, attempt in sorted(indexed, key=when)]


@dataclass(frozen=True)
class Spread:
    """How many attempts gave one answer (a choice, or a status) to a question."""

    key: str
    label: str
    count: int
    share: float
    correct: bool = False


@dataclass(frozen=True)
class QuestionStatistics:
    """How one question was answered across the attempts it was served in."""

    id: str
    number: int
    type: str
    prompt: str
    spec: dict
    attempts: int
    answered: int
    correct: int
    mean_points_share: float | None
    choices: tuple = field(default_factory=tuple)
    statuses: tuple = field(default_factory=tuple)

    @property
    def correct_share(self):
        """The share of attempts that answered it fully correctly, as a percentage."""
        return share(self.correct, self.attempts) if self.type in scoring.SCORED_TYPES else None

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def spread(self):
        """What a chart of the question shows: the choices, or else the statuses."""
        return self.choices or self.statuses


def newest_specs(attempts):
    """``[spec]`` of every question asked, each as its newest attempt had it.

    The newest attempt's questions come first, in its order; questions it did not have (dropped
    since, or not drawn for it) follow, newest first.
    """
    specs, seen = [], set()
    for attempt in reversed(oldest_first(attempts)):
        for spec in attempt_value(attempt, "questions") or ():
            question_id = str(spec.get("id", ""))
            if question_id not in seen and spec.get("type") in scoring.QUESTION_TYPES:
                seen.add(question_id)
                specs.append(spec)
    return specs


def _choice_rows(spec):
    """``[(key, label, correct)]`` of the answers a choice question offers."""
    if spec["type"] == "true_false":
        right = bool(spec.get("answer"))
        return [("true", _("True"), right), ("false", _("False"), not right)]
    return [
        (str(choice["id"]), choice.get("text", ""), bool(choice.get("correct")))
        for choice in spec.get("choices", ())
    ]


def _picked(spec, answer):
    """The choice keys an answer picked."""
    if spec["type"] == "true_false":
        return set() if answer is None else {"true" if answer else "false"}
    if spec["type"] == "multiple":
        return {str(choice) for choice in answer or ()}
    return set() if scoring.is_unanswered(answer) else {str(answer)}


def _status_keys(kind):
    if kind == "reflection":
        return [ANSWERED, scoring.UNANSWERED]
    keys = [scoring.CORRECT, scoring.INCORRECT, scoring.UNANSWERED]
    if kind in PARTIAL_TYPES:
        keys.insert(1, scoring.PARTIAL)
    return keys


@dataclass(frozen=True)
class _Indexed:
    """An attempt's questions and results by question id, and its answers."""

    specs: dict
    answers: dict
    results: dict


def _index(attempt):
    answers = attempt_value(attempt, "answers")
    return _Indexed(
        specs={str(s.get("id", "")): s for s in attempt_value(attempt, "questions") or ()},
        answers=answers if isinstance(answers, Mapping) else {},
        results={str(r.get("id", "")): r for r in attempt_value(attempt, "results") or ()},
    )


def _outcome(indexed, question_id):
    """``(answer, result)`` of a question in an attempt, or ``None`` if it was not served."""
    spec = indexed.specs.get(question_id)
    if spec is None:
        return None
    answer = indexed.answers.get(question_id)
    result = indexed.results.get(question_id)
    if result is None:
        scored = scoring.score_question(spec, answer)
        result = {"awarded": scored.awarded, "possible": scored.possible, "status": scored.status}
    return answer, result


def analyse_question(spec, attempts, number=1):
    """The :class:`QuestionStatistics` of the question ``spec`` over ``attempts``."""
    return _analyse(spec, [_index(attempt) for attempt in attempts], number)


def _analyse(spec, indexed_attempts, number):
    question_id, kind = str(spec.get("id", "")), spec.get("type")
    known = {key for key, _label, _right in _choice_rows(spec)} if kind in CHOICE_TYPES else set()
    served = answered = correct = 0
    point_shares, statuses, picks = [], Counter(), Counter()
    for indexed in indexed_attempts:
        found = _outcome(indexed, question_id)
        if found is None:
            continue
        answer, result = found
        served += 1
        blank = scoring.is_unanswered(answer)
        answered += not blank
        status = result.get("status")
        correct += status == scoring.CORRECT
        possible = float(result.get("possible") or 0)
        if possible > 0:
            point_shares.append(100.0 * float(result.get("awarded") or 0) / possible)
        if kind == "reflection":
            status = scoring.UNANSWERED if blank else ANSWERED
        statuses[status] += 1
        if kind in CHOICE_TYPES:
            if blank:
                picks[NO_ANSWER] += 1
                continue
            picked = _picked(spec, answer)
            for key in picked & known:
                picks[key] += 1
            if picked - known:
                picks[OTHER_CHOICE] += 1
    choices = ()
    if kind in CHOICE_TYPES:
        rows = _choice_rows(spec)
        if picks[OTHER_CHOICE]:
            rows.append((OTHER_CHOICE, _("A choice no longer in the quiz"), False))
        rows.append((NO_ANSWER, _("No answer"), False))
        choices = tuple(
            Spread(key, str(label), picks[key], share(picks[key], served) or 0.0, right)
            for key, label, right in rows
        )
    return QuestionStatistics(
        id=question_id,
        number=number,
        type=kind,
        prompt=spec.get("prompt", ""),
        spec=spec,
        attempts=served,
        answered=answered,
        correct=correct if kind in scoring.SCORED_TYPES else 0,
        mean_points_share=mean(point_shares),
        choices=choices,
        statuses=tuple(
            Spread(
                key,
                str(STATUS_LABELS[key]),
                statuses[key],
                share(statuses[key], served) or 0.0,
                key == scoring.CORRECT,
            )
            for key in _status_keys(kind)
        ),
    )


def question_statistics(attempts):
    """A :class:`QuestionStatistics` per question asked, in the newest attempt's order."""
    attempts = list(attempts)
    indexed = [_index(attempt) for attempt in attempts]
    return [
        _analyse(spec, indexed, number)
        for number, spec in enumerate(newest_specs(attempts), start=1)
    ]
