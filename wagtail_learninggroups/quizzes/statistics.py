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

from collections import defaultdict
from dataclasses import dataclass

from . import specs as quiz_specs
from .question_statistics import (
    attempt_value,
    mean,
    oldest_first,
    question_statistics,
    share,
)

#: The office key of attempts taken outside any office.
NO_OFFICE = "none"


def current_rules(attempts):
    """The quiz's rules as its newest attempt kept them."""
    ordered = oldest_first(attempts)
    return dict(attempt_value(ordered[-1], "rules") or {}) if ordered else {}


def office_key(attempt):
    """The office an attempt counts under: its id as text, or :data:`NO_OFFICE`."""
    office_id = attempt_value(attempt, "office_id")
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
        return share(self.passed_people, self.people)


def counted_results(attempts, counting, pass_mark):
    """``{taker: (counted percent, passed)}`` under the quiz's rule and pass mark."""
    percents = defaultdict(list)
    for attempt in oldest_first(attempts):
        percents[attempt_value(attempt, "taker")].append(
            float(attempt_value(attempt, "percent") or 0)
        )
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
        mean_percent=mean(float(attempt_value(a, "percent") or 0) for a in attempts),
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
                office=str(attempt_value(newest, "office") or "") if key != NO_OFFICE else "",
                region=str(attempt_value(newest, "region") or "") if key != NO_OFFICE else "",
                summary=summarise(members, counting, pass_mark),
            )
        )
    return sorted(offices, key=lambda o: (o.key == NO_OFFICE, o.office.casefold(), o.key))


# Item analysis -----------------------------------------------------------------------------


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
        title=str(attempt_value(newest, "quiz_title") or rules.get("title") or ""),
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
        groups[(attempt_value(attempt, "page_id"), attempt_value(attempt, "quiz_key"))].append(
            attempt
        )
    entries = []
    for (page_id, quiz_key), members in groups.items():
        newest = oldest_first(members)[-1]
        rules = attempt_value(newest, "rules") or {}
        entries.append(
            QuizEntry(
                page_id=page_id,
                quiz_key=quiz_key,
                title=str(attempt_value(newest, "quiz_title") or rules.get("title") or quiz_key),
                page_title=str(attempt_value(newest, "page_title") or ""),
                summary=summarise(members),
                latest=attempt_value(newest, "submitted_at"),
            )
        )
    return sorted(entries, key=lambda e: (e.title.casefold(), e.page_title.casefold(), e.quiz_key))
