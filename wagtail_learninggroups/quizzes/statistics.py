"""Quiz statistics: how a quiz went, for whom, and how each of its questions was answered.

Everything here is pure: attempts come in as plain dicts or objects and summaries go out, so
the numbers can be checked by hand. An attempt needs these keys (or attributes):

``taker``
    who made it (``"user:<id>"`` or ``"session:…"``): a person's attempts are counted
    together for the pass rate;
``percent``, ``submitted_at``
    its score as a percentage and when it was made (``submitted_at`` may be left out, in
    which case the attempts are taken to come oldest first);
``answers``, ``questions``, ``results``, ``rules``
    as :class:`~wagtail_learninggroups.models.QuizAttempt` keeps them;
``office_id``, ``office``, ``region``
    the office it was taken for, if any;
``page_id``, ``quiz_key``, ``quiz_title``, ``page_title``
    for :func:`quiz_index` only.

The pass rate counts people, not attempts: each person passes or not by the attempt that counts
under the quiz's rule (highest, latest, first or average), measured against the pass mark. The
rule and the pass mark are the quiz's current ones, read from its newest attempt. Questions are
matched across attempts by id; their text and choices come from the newest attempt that had
them, so an edited or randomly drawn quiz still adds up.
"""

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import scoring
from . import specs as quiz_specs

#: The office key of attempts taken outside any office.
NO_OFFICE = "none"

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


def _get(attempt, name, default=None):
    if isinstance(attempt, Mapping):
        return attempt.get(name, default)
    return getattr(attempt, name, default)


def _share(part, whole):
    """``part`` as a percentage of ``whole``, to one decimal; ``None`` when ``whole`` is 0."""
    return round(100.0 * part / whole, 1) if whole else None


def _mean(values):
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None


def oldest_first(attempts):
    """The attempts, oldest first; the given order breaks ties and stands in for missing dates."""
    indexed = list(enumerate(attempts))

    def when(pair):
        submitted = _get(pair[1], "submitted_at")
        stamp = submitted.timestamp() if submitted is not None else float("-inf")
        return stamp, pair[0]

    return [attempt for _index, attempt in sorted(indexed, key=when)]


def current_rules(attempts):
    """The quiz's rules as its newest attempt kept them."""
    ordered = oldest_first(attempts)
    return dict(_get(ordered[-1], "rules") or {}) if ordered else {}


def office_key(attempt):
    """The office an attempt counts under: its id as text, or :data:`NO_OFFICE`."""
    office_id = _get(attempt, "office_id")
    return NO_OFFICE if office_id is None else str(office_id)


# Summaries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Attempts, people, mean score and pass rate of a set of attempts."""

    attempts: int
    people: int
    mean_percent: float | None
    passed_people: int

    @property
    def pass_rate(self):
        """The share of people who pass by the attempt that counts, as a percentage."""
        return _share(self.passed_people, self.people)


def counted_results(attempts, counting, pass_mark):
    """``{taker: (counted percent, passed)}`` under the quiz's rule and pass mark."""
    percents = defaultdict(list)
    for attempt in oldest_first(attempts):
        percents[_get(attempt, "taker")].append(float(_get(attempt, "percent") or 0))
    results = {}
    for taker, values in percents.items():
        counted = quiz_specs.counted_percent(values, counting)
        results[taker] = (counted, counted >= float(pass_mark or 0))
    return results


def _rule(attempts, counting, pass_mark):
    """The counting rule and pass mark given, or else those of the newest attempt."""
    if counting and pass_mark is not None:
        return counting, pass_mark
    rules = current_rules(attempts)
    counting = counting or rules.get("counting") or quiz_specs.COUNT_HIGHEST
    if pass_mark is None:
        pass_mark = rules.get("pass_mark") or 0
    return counting, pass_mark


def summarise(attempts, counting=None, pass_mark=None):
    """A :class:`Summary`; the rule and pass mark default to those of the newest attempt."""
    attempts = list(attempts)
    counting, pass_mark = _rule(attempts, counting, pass_mark)
    people = counted_results(attempts, counting, pass_mark)
    return Summary(
        attempts=len(attempts),
        people=len(people),
        mean_percent=_mean(float(_get(a, "percent") or 0) for a in attempts),
        passed_people=sum(1 for _counted, passed in people.values() if passed),
    )


@dataclass(frozen=True)
class OfficeSummary:
    """How the attempts taken for one office went."""

    key: str
    office: str
    region: str
    summary: Summary


def by_office(attempts, counting=None, pass_mark=None):
    """An :class:`OfficeSummary` per office, by name; attempts without an office come last."""
    attempts = list(attempts)
    counting, pass_mark = _rule(attempts, counting, pass_mark)
    groups = defaultdict(list)
    for attempt in attempts:
        groups[office_key(attempt)].append(attempt)
    offices = []
    for key, members in groups.items():
        newest = oldest_first(members)[-1]
        offices.append(
            OfficeSummary(
                key=key,
                office=str(_get(newest, "office") or "") if key != NO_OFFICE else "",
                region=str(_get(newest, "region") or "") if key != NO_OFFICE else "",
                summary=summarise(members, counting, pass_mark),
            )
        )
    return sorted(offices, key=lambda o: (o.key == NO_OFFICE, o.office.casefold(), o.key))


# Item analysis -----------------------------------------------------------------------------


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
        return _share(self.correct, self.attempts) if self.type in scoring.SCORED_TYPES else None

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
        for spec in _get(attempt, "questions") or ():
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
    answers = _get(attempt, "answers")
    return _Indexed(
        specs={str(s.get("id", "")): s for s in _get(attempt, "questions") or ()},
        answers=answers if isinstance(answers, Mapping) else {},
        results={str(r.get("id", "")): r for r in _get(attempt, "results") or ()},
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
            Spread(key, str(label), picks[key], _share(picks[key], served) or 0.0, right)
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
        mean_points_share=_mean(point_shares),
        choices=choices,
        statuses=tuple(
            Spread(
                key,
                str(STATUS_LABELS[key]),
                statuses[key],
                _share(statuses[key], served) or 0.0,
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


# A quiz, and the quizzes -------------------------------------------------------------------


@dataclass(frozen=True)
class QuizStatistics:
    """The statistics of one quiz, narrowed to one office or not."""

    title: str
    rules: dict
    summary: Summary
    offices: list
    questions: list


def quiz_statistics(attempts, office=None):
    """The statistics of a quiz's ``attempts``.

    ``office`` (an :func:`office_key`) narrows the summary and the questions to one office; the
    offices are always compared over all attempts, under the quiz's current rule and pass mark.
    """
    attempts = list(attempts)
    rules = current_rules(attempts)
    counting = rules.get("counting") or quiz_specs.COUNT_HIGHEST
    pass_mark = rules.get("pass_mark") or 0
    chosen = attempts if office is None else [a for a in attempts if office_key(a) == office]
    newest = oldest_first(attempts)[-1] if attempts else {}
    return QuizStatistics(
        title=str(_get(newest, "quiz_title") or rules.get("title") or ""),
        rules=rules,
        summary=summarise(chosen, counting, pass_mark),
        offices=by_office(attempts, counting, pass_mark),
        questions=question_statistics(chosen),
    )


@dataclass(frozen=True)
class QuizEntry:
    """One quiz in the list of quizzes that have attempts."""

    page_id: int | None
    quiz_key: str
    title: str
    page_title: str
    summary: Summary
    latest: object = None


def quiz_index(attempts):
    """A :class:`QuizEntry` per quiz (``page_id`` and ``quiz_key``), by title."""
    groups = defaultdict(list)
    for attempt in attempts:
        groups[(_get(attempt, "page_id"), _get(attempt, "quiz_key"))].append(attempt)
    entries = []
    for (page_id, quiz_key), members in groups.items():
        newest = oldest_first(members)[-1]
        rules = _get(newest, "rules") or {}
        entries.append(
            QuizEntry(
                page_id=page_id,
                quiz_key=quiz_key,
                title=str(_get(newest, "quiz_title") or rules.get("title") or quiz_key),
                page_title=str(_get(newest, "page_title") or ""),
                summary=summarise(members),
                latest=_get(newest, "submitted_at"),
            )
        )
    return sorted(entries, key=lambda e: (e.title.casefold(), e.page_title.casefold(), e.quiz_key))
