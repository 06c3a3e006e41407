"""Quizzes as plain data: the questions as served, the answers as posted, and the quiz's rules.

Everything here is pure. :func:`question_specs` turns a quiz block's value into plain dicts, the
*specs*, which the attempt keeps as its snapshot and :mod:`.scoring` scores. :func:`parse_answers`
reads a submitted form against those specs. The remaining functions are the quiz's rules: which
questions are drawn, which attempt counts, which feedback band applies and whether the answers may
be shown.
"""

import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .scoring import QUESTION_TYPES, SCORED_TYPES, to_decimal

#: The question blocks of a quiz's stream, by the type their specs carry.
BLOCK_TYPES = {
    "single_choice": "single",
    "multiple_choice": "multiple",
    "true_false": "true_false",
    "short_text": "short_text",
    "number": "number",
    "order": "order",
    "match": "match",
    "reflection": "reflection",
}

MODE_INDIVIDUAL = "individual"
MODE_GROUP = "group"

SHOW_AFTER_SUBMIT = "after_submit"
SHOW_AFTER_PASS = "after_pass"  # noqa: S105 - a choice, not a password
SHOW_NEVER = "never"

COUNT_HIGHEST = "highest"
COUNT_LATEST = "latest"
COUNT_FIRST = "first"
COUNT_AVERAGE = "average"

#: Longest answer accepted per type; longer is a malformed submission, since the inputs say so.
MAX_TEXT_LENGTH = {"short_text": 500, "number": 50, "reflection": 5000}


def field_name(question_id, part=None):
    """The form field of a question (or of one item or pair of it)."""
    return f"q-{question_id}" if part is None else f"q-{question_id}-{part}"


# Specs -------------------------------------------------------------------------------------


def rich_source(value):
    """The stored (database) HTML of a rich text value, or ``""``."""
    if value is None:
        return ""
    return str(getattr(value, "source", value) or "")


def fallback_item_id(question_id, index):
    """An id for a list item stored without one (JSON older than Wagtail's item ids).

    It must not be the index: the order of an "order" question's items is its answer, and the
    item ids are in the page. A keyed digest of the index is stable and says nothing.
    """
    return salted_hmac("wagtail_learninggroups.quiz-item", f"{question_id}:{index}").hexdigest()[
        :12
    ]


def _item_ids(list_value, question_id=""):
    """``(id, value)`` for the items of a ListBlock value."""
    bound = getattr(list_value, "bound_blocks", None)
    if bound is None:
        items = [(None, item) for item in list_value or ()]
    else:
        # ``original_id`` is the id stored with the item; ``id`` would be a fresh one made up
        # for an item stored without, different on every read.
        items = [(getattr(child, "original_id", child.id), child.value) for child in bound]
    return [
        (str(item_id) if item_id else fallback_item_id(question_id, index), value)
        for index, (item_id, value) in enumerate(items)
    ]


def _image_id(value):
    return getattr(value, "pk", None) if value is not None else None


def question_spec(block_type, value, question_id):
    """The spec of one question block: a JSON-ready dict, or ``None`` for an unknown type."""
    kind = BLOCK_TYPES.get(block_type)
    if kind is None or not isinstance(value, Mapping):
        return None
    spec = {
        "id": str(question_id),
        "type": kind,
        "prompt": rich_source(value.get("prompt")),
        "image": _image_id(value.get("image")),
        "points": float(value.get("points") or 0) if kind in SCORED_TYPES else 0.0,
        "explanation": rich_source(value.get("explanation")),
    }
    if kind in ("single", "multiple"):
        spec["choices"] = [
            {
                "id": choice_id,
                "text": str(choice.get("text") or ""),
                "correct": bool(choice.get("correct")),
                "feedback": str(choice.get("feedback") or ""),
            }
            for choice_id, choice in _item_ids(value.get("choices"), question_id)
        ]
    elif kind == "true_false":
        spec["answer"] = value.get("answer") == "true"
    elif kind == "short_text":
        spec["accepted"] = [
            str(text) for _id, text in _item_ids(value.get("accepted"), question_id) if text
        ]
    elif kind == "number":
        spec["number"] = str(value.get("answer") if value.get("answer") is not None else "")
        spec["tolerance"] = str(value.get("tolerance") or 0)
        spec["unit"] = str(value.get("unit") or "")
    elif kind == "order":
        spec["items"] = [
            {"id": item_id, "text": str(text)}
            for item_id, text in _item_ids(value.get("items"), question_id)
        ]
    elif kind == "match":
        spec["pairs"] = [
            {
                "id": pair_id,
                "left": str(pair.get("left") or ""),
                "right": str(pair.get("right") or ""),
            }
            for pair_id, pair in _item_ids(value.get("pairs"), question_id)
        ]
    return spec


def question_specs(questions):
    """The specs of a quiz's questions (a StreamValue), in the editor's order."""
    specs = []
    for index, child in enumerate(questions or ()):
        spec = question_spec(child.block_type, child.value, child.id or f"q{index}")
        if spec is not None:
            specs.append(spec)
    return specs


def quiz_settings(value):
    """The rules of a quiz block's value, as the attempt keeps them."""
    return {
        "title": str(value.get("title") or ""),
        "pass_mark": int(value.get("pass_mark") or 0),
        "attempts_allowed": int(value.get("attempts_allowed") or 0),
        "counting": value.get("counting") or COUNT_HIGHEST,
        "show_answers": value.get("show_answers") or SHOW_AFTER_SUBMIT,
        "mode": value.get("mode") or MODE_INDIVIDUAL,
        "bands": [
            {"from": int(band.get("from_percent") or 0), "message": str(band.get("message") or "")}
            for _id, band in _item_ids(value.get("bands"))
        ],
    }


def match_options(spec):
    """What each item of a match question may be matched with: ``[(value, pair id, text)]``.

    The right sides in alphabetical order, each text once. The values are their places in this
    list, so they say nothing of which item each belongs to.
    """
    options, seen = [], set()
    rights = [(str(pair.get("right", "")), pair["id"]) for pair in spec.get("pairs", ())]
    for text, pair_id in sorted(rights, key=lambda right: (right[0].casefold(), right[0])):
        if text not in seen:
            seen.add(text)
            options.append((str(len(options) + 1), pair_id, text))
    return options


# The rules ---------------------------------------------------------------------------------


def draw_count(value):
    """How many questions a quiz's stored value draws: a whole number above 0, or 0 for all.

    Stored JSON may hold anything here (a negative number, text): that reads as "no draw".
    """
    draw = value.get("draw") if hasattr(value, "get") else None
    if isinstance(draw, bool) or not isinstance(draw, int):
        return 0
    return max(draw, 0)


def draw_questions(question_ids, count, rng=None):
    """The ids of the questions served: ``count`` of them at random, or all when ``count`` is 0.

    The drawn questions keep the editor's order, so that a quiz still reads as written.
    """
    question_ids = list(question_ids)
    if not isinstance(count, int) or count <= 0 or count >= len(question_ids):
        return question_ids
    drawn = set((rng or random.SystemRandom()).sample(question_ids, count))
    return [question_id for question_id in question_ids if question_id in drawn]


def served_specs(specs, served_ids):
    """The specs of the served questions, in the editor's order; every question when unknown."""
    if not served_ids:
        return list(specs)
    served = set(served_ids)
    chosen = [spec for spec in specs if spec["id"] in served]
    return chosen or list(specs)


def answers_visible(show_answers, passed):
    """Whether the attempt's result may mark each question and show explanations."""
    if show_answers == SHOW_NEVER:
        return False
    if show_answers == SHOW_AFTER_PASS:
        return bool(passed)
    return True


def band_message(bands, percent):
    """The overall feedback for ``percent``: the band with the highest start at or below it."""
    best = None
    for band in bands or ():
        start = band.get("from", 0)
        if start <= percent and (best is None or start >= best["from"]):
            best = band
    return best["message"] if best else ""


def counted_percent(percents, counting):
    """The percentage that counts among a person's attempts (oldest first), or ``None``."""
    percents = list(percents)
    if not percents:
        return None
    if counting == COUNT_LATEST:
        return percents[-1]
    if counting == COUNT_FIRST:
        return percents[0]
    if counting == COUNT_AVERAGE:
        return round(sum(percents) / len(percents), 1)
    return max(percents)


def attempts_left(attempts_allowed, attempts_made):
    """Attempts still allowed, or ``None`` when they are unlimited."""
    if not attempts_allowed:
        return None
    return max(0, attempts_allowed - attempts_made)


# Reading a submission ----------------------------------------------------------------------


class MalformedSubmission(ValueError):
    """A submission that the quiz's form cannot have produced; its message says what is wrong."""


@dataclass
class ParsedAnswers:
    """A submission read against the served questions."""

    answers: dict = field(default_factory=dict)
    #: ``{question id: message}`` for the questions that need another look.
    errors: dict = field(default_factory=dict)

    @property
    def is_valid(self):
        return not self.errors


def _refuse_nul(values, label):
    # No database stores a NUL character in text (PostgreSQL's jsonb refuses it), and no form
    # sends one.
    if any("\x00" in str(value) for value in values):
        raise MalformedSubmission(
            _("%(question)s holds a character that cannot be stored.") % {"question": label}
        )


def _one(data, name, label):
    values = data.getlist(name) if hasattr(data, "getlist") else _as_list(data.get(name))
    _refuse_nul(values, label)
    if len(values) > 1:
        raise MalformedSubmission(
            _("%(question)s was answered more than once.") % {"question": label}
        )
    return values[0] if values else ""


def _many(data, name, label):
    values = data.getlist(name) if hasattr(data, "getlist") else _as_list(data.get(name))
    _refuse_nul(values, label)
    return values


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _check_length(text, kind, label):
    limit = MAX_TEXT_LENGTH.get(kind)
    if limit and len(text) > limit:
        raise MalformedSubmission(
            _("The answer to %(question)s is longer than %(limit)s characters.")
            % {"question": label, "limit": limit}
        )


def _parse_question(spec, data, label):  # noqa: C901 - one branch per question type
    """``(answer, error message or None)``; raises :class:`MalformedSubmission`."""
    kind, name = spec["type"], field_name(spec["id"])
    if kind in ("single", "true_false", "short_text", "number", "reflection"):
        text = _one(data, name, label)
        _check_length(text, kind, label)
    if kind == "single":
        if not text:
            return None, _("Choose an answer.")
        if text not in {choice["id"] for choice in spec["choices"]}:
            raise MalformedSubmission(_("%(question)s has no such choice.") % {"question": label})
        return text, None
    if kind == "multiple":
        picked = _many(data, name, label)
        known = {choice["id"] for choice in spec["choices"]}
        if any(choice_id not in known for choice_id in picked):
            raise MalformedSubmission(_("%(question)s has no such choice.") % {"question": label})
        if not picked:
            return [], _("Choose at least one answer.")
        return sorted(set(picked)), None
    if kind == "true_false":
        if not text:
            return None, _("Choose true or false.")
        if text not in ("true", "false"):
            raise MalformedSubmission(_("%(question)s takes true or false.") % {"question": label})
        return text == "true", None
    if kind == "short_text":
        text = text.strip()
        return text, None if text else _("Write an answer.")
    if kind == "number":
        text = text.strip()
        if not text:
            return "", _("Enter a number.")
        number = to_decimal(text)
        if number is None:
            return text, _("Enter a number, such as 12 or 3.5.")
        return str(number), None
    if kind == "reflection":
        return text.strip(), None
    if kind == "order":
        return _parse_order(spec, data, label)
    if kind == "match":
        return _parse_match(spec, data, label)
    raise MalformedSubmission(_("%(question)s cannot be answered.") % {"question": label})


def _parse_order(spec, data, label):
    items = spec.get("items", ())
    positions = {}
    for item in items:
        text = _one(data, field_name(spec["id"], item["id"]), label)
        if not text:
            continue
        try:
            position = int(text)
        except ValueError:
            position = 0
        if not 1 <= position <= len(items):
            raise MalformedSubmission(_("%(question)s has no such place.") % {"question": label})
        positions[item["id"]] = position
    kept = {item_id: str(position) for item_id, position in positions.items()}
    if len(positions) < len(items):
        return kept, _("Give every item a place.")
    if len(set(positions.values())) < len(items):
        return kept, _("Give each item a different place.")
    return [item_id for item_id, _position in sorted(positions.items(), key=lambda p: p[1])], None


def _parse_match(spec, data, label):
    pairs = spec.get("pairs", ())
    pair_of_option = {value: pair_id for value, pair_id, _text in match_options(spec)}
    chosen = {}
    for pair in pairs:
        text = _one(data, field_name(spec["id"], pair["id"]), label)
        if not text:
            continue
        if text not in pair_of_option:
            raise MalformedSubmission(_("%(question)s has no such match.") % {"question": label})
        chosen[pair["id"]] = pair_of_option[text]
    if len(chosen) < len(pairs):
        return chosen, _("Match every item.")
    return chosen, None


def parse_answers(specs, data):
    """Read ``data`` (a ``QueryDict`` or a mapping) against the served ``specs``.

    Raises :class:`MalformedSubmission` for what the form cannot send (an unknown choice, two
    answers to a one-answer question, an over-long text); a missing or invalid answer is an
    error message on its question instead, so the form can be shown again with the answers kept.
    """
    parsed = ParsedAnswers()
    for number, spec in enumerate(specs, start=1):
        if spec.get("type") not in QUESTION_TYPES:
            continue
        label = _("Question %(number)s") % {"number": number}
        answer, error = _parse_question(spec, data, label)
        parsed.answers[spec["id"]] = answer
        if error:
            parsed.errors[spec["id"]] = error
    return parsed
