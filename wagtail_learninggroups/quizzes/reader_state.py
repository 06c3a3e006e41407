"""What a quiz shows: its form, its result and its group presentation, as template context.

The form is built from the served questions' specs and the quiz block's value. It carries only
what a participant needs to answer (prompts, images, choice texts, items and pairs, in ids
that say nothing of which is right); the result carries the rest, and only after submitting.
"""

import random

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ..conf import get_setting
from ..core.sign_in import login_url
from . import formatting
from . import specs as quiz_specs

STATE_FORM = "form"
STATE_GROUP = "group"
STATE_SIGN_IN = "sign-in"
STATE_CLOSED = "closed"
STATE_UNAVAILABLE = "unavailable"
STATE_RESULT = "result"

INPUT_KINDS = {
    "single": "radio",
    "true_false": "radio",
    "multiple": "checkbox",
    "short_text": "text",
    "number": "number",
    "reflection": "textarea",
    "order": "order",
    "match": "match",
}


PRESENT_PERMISSION = "wagtail_learninggroups.present_quiz"


def may_present(user, page):
    """Facilitators present group quizzes: those who may edit the page, or hold the permission.

    Participants reading the page on their phones must not reveal the answers ahead of the room.
    """
    if not user.is_authenticated:
        return False
    return user.has_perm(PRESENT_PERMISSION) or page.permissions_for_user(user).can_edit()


def session_key(page_id, quiz_key):
    return f"lg-quiz:{page_id}:{quiz_key}"


def served_ids(request, page_id, value, specs):
    """The ids of the questions served to this person, drawn once and kept until they submit.

    Quizzes that serve every question keep nothing in the session.
    """
    draw = quiz_specs.draw_count(value)
    all_ids = [spec["id"] for spec in specs]
    if not draw or draw >= len(all_ids):
        return all_ids
    name = session_key(page_id, value.get("key"))
    kept = [question_id for question_id in request.session.get(name, ()) if question_id in all_ids]
    if len(kept) == draw:
        return kept
    drawn = quiz_specs.draw_questions(all_ids, draw)
    request.session[name] = drawn
    return drawn


def forget_served(request, page_id, quiz_key):
    """Draw afresh for the next attempt."""
    request.session.pop(session_key(page_id, quiz_key), None)


def quiz_url(name, page_id, quiz_key):
    """One of the quiz's addresses, or ``None`` when the site has not included our URLs."""
    try:
        return reverse(f"wagtail_learninggroups:{name}", args=[page_id, quiz_key])
    except NoReverseMatch:
        return None


def anonymous_allowed():
    return bool(get_setting("QUIZ_ALLOW_ANONYMOUS"))


def _choice_rows(spec, answer, shuffle, rng):
    picked = set(answer) if isinstance(answer, (list, tuple, set)) else {answer}
    rows = [
        {"id": choice["id"], "text": choice["text"], "checked": choice["id"] in picked}
        for choice in spec["choices"]
    ]
    if shuffle:
        rng.shuffle(rows)
    return rows


def _true_false_rows(answer):
    return [
        {"id": "true", "text": _("True"), "checked": answer is True},
        {"id": "false", "text": _("False"), "checked": answer is False},
    ]


def _order_rows(spec, answer, rng):
    if isinstance(answer, list):
        answer = {item_id: str(place) for place, item_id in enumerate(answer, start=1)}
    answer = answer if isinstance(answer, dict) else {}
    rows = [
        {
            "id": item["id"],
            "text": item["text"],
            "name": quiz_specs.field_name(spec["id"], item["id"]),
            "selected": str(answer.get(item["id"], "")),
        }
        for item in spec["items"]
    ]
    rng.shuffle(rows)
    return rows


def _match_rows(spec, answer):
    answer = answer if isinstance(answer, dict) else {}
    options = quiz_specs.match_options(spec)
    right_of = {pair["id"]: pair["right"] for pair in spec["pairs"]}
    value_of = {text: value for value, _pair_id, text in options}
    rows = [
        {
            "id": pair["id"],
            "text": pair["left"],
            "name": quiz_specs.field_name(spec["id"], pair["id"]),
            "selected": value_of.get(right_of.get(answer.get(pair["id"])), ""),
        }
        for pair in spec["pairs"]
    ]
    return rows, [{"id": value, "text": text} for value, _pair_id, text in options]


def form_questions(specs, values_by_id, answers=None, errors=None, shuffle=False, rng=None):
    """The served questions as the form shows them, with any answers kept and error messages."""
    answers, errors, rng = answers or {}, errors or {}, rng or random.SystemRandom()
    rows = []
    for number, spec in enumerate(specs, start=1):
        value = values_by_id.get(spec["id"]) or {}
        answer = answers.get(spec["id"])
        row = {
            "id": spec["id"],
            "number": number,
            "kind": INPUT_KINDS[spec["type"]],
            "type": spec["type"],
            "name": quiz_specs.field_name(spec["id"]),
            "prompt": spec["prompt"],
            "image": value.get("image"),
            "points": spec["points"],
            "error": errors.get(spec["id"]),
            "answer": answer if isinstance(answer, str) else "",
            "unit": spec.get("unit", ""),
            "max_length": quiz_specs.MAX_TEXT_LENGTH.get(spec["type"]),
        }
        if spec["type"] in ("single", "multiple"):
            row["choices"] = _choice_rows(spec, answer, shuffle, rng)
        elif spec["type"] == "true_false":
            row["choices"] = _true_false_rows(answer)
        elif spec["type"] == "order":
            row["items"] = _order_rows(spec, answer, rng)
            row["places"] = list(range(1, len(spec["items"]) + 1))
        elif spec["type"] == "match":
            row["items"], row["options"] = _match_rows(spec, answer)
        rows.append(row)
    return rows


def values_by_id(value):
    """``{question id: block value}`` of a quiz block's value, for images and the like."""
    return {
        str(child.id or f"q{index}"): child.value
        for index, child in enumerate(value.get("questions") or ())
    }


def attempts_made(taker, quiz_page_id, quiz_key):
    """How many attempts ``taker`` made at a quiz, wherever they took it."""
    from .models import QuizAttempt

    return QuizAttempt.objects.of_quiz(quiz_page_id, quiz_key).by_taker(taker).count()


#: What the summary of a person's attempts reads of each: one query, without their answers.
SUMMARY_FIELDS = ("pk", "number", "score", "maximum", "percent", "passed", "rules", "submitted_at")


def past_attempts(taker, quiz_page_id, quiz_key):
    """``taker``'s attempts at a quiz, newest first, with only what their summary shows."""
    from .models import QuizAttempt

    attempts = QuizAttempt.objects.of_quiz(quiz_page_id, quiz_key).by_taker(taker)
    return list(attempts.order_by("-submitted_at", "-pk").only(*SUMMARY_FIELDS))


def best_attempt(attempts):
    """The attempt with the highest score (the latest of equals), or ``None``."""
    if not attempts:
        return None
    return max(attempts, key=lambda attempt: (attempt.percent, attempt.submitted_at, attempt.pk))


def attempt_summary(attempt):
    """One past attempt as the quiz shows it on return: its score in words and its verdict."""
    return {
        "number": attempt.number,
        "score": formatting.attempt_score_text(attempt),
        "passed": attempt.passed,
        "url": reverse("wagtail_learninggroups:quiz_attempt", args=[attempt.pk]),
    }


def returning_context(attempts):
    """The last and the best of a person's attempts (newest first), for the quiz on return.

    ``best_result`` is left out when the last attempt is also the best.
    """
    if not attempts:
        return {}
    last, best = attempts[0], best_attempt(attempts)
    context = {"last_result": attempt_summary(last)}
    if best.pk != last.pk:
        context["best_result"] = attempt_summary(best)
    return context


def quiz_state(request, page, value, specs, answers=None, errors=None):
    """The context that shows a quiz on ``page`` to the person making ``request``."""
    from .models import quiz_page_id_of, taker_of

    key = value.get("key") or ""
    rules = quiz_specs.quiz_settings(value)
    context = {
        "quiz": value,
        "quiz_key": key,
        "rules": rules,
        "page_url": page.url if page is not None else "",
        "dom_id": f"lg-quiz-{key}",
    }
    action = quiz_url("quiz", page.pk, key) if page is not None and page.pk else None
    if action is None or not specs:
        context["state"] = STATE_UNAVAILABLE
        return context
    context["action"] = action
    context["results_url"] = reverse("wagtail_learninggroups:my_quiz_results")
    context["disabled"] = bool(getattr(request, "is_preview", False)) or not page.live
    if rules["mode"] == quiz_specs.MODE_GROUP:
        context["state"] = STATE_GROUP
        if may_present(request.user, page):
            context["present_url"] = quiz_url("quiz_present", page.pk, key)
        context["questions"] = form_questions(specs, values_by_id(value))
        return context
    if not request.user.is_authenticated and not anonymous_allowed():
        context["state"] = STATE_SIGN_IN
        context["login_url"] = login_url(page.url)
        return context
    limit = rules["attempts_allowed"]
    attempts = []
    if not context["disabled"]:
        # No session yet means no attempt yet: do not start one just to look.
        taker = taker_of(request, create=False)
        attempts = past_attempts(taker, quiz_page_id_of(page), key) if taker else []
    made = len(attempts)
    context.update(returning_context(attempts))
    context["attempts_made"] = made
    context["attempts_left"] = quiz_specs.attempts_left(limit, made)
    if limit and made >= limit:
        context["state"] = STATE_CLOSED
        return context
    if not context["disabled"]:
        specs = quiz_specs.served_specs(specs, served_ids(request, page.pk, value, specs))
    context["state"] = STATE_FORM
    context["questions"] = form_questions(
        specs, values_by_id(value), answers, errors, shuffle=bool(value.get("shuffle_choices"))
    )
    context["errors"] = [row for row in context["questions"] if row["error"]]
    return context


def quiz_block_context(value, parent_context):
    """Context for a quiz block rendered inside a page."""
    request, page = parent_context.get("request"), parent_context.get("page")
    specs = quiz_specs.question_specs(value.get("questions"))
    if request is None or page is None or not getattr(page, "pk", None):
        return {
            "state": STATE_FORM,
            "disabled": True,
            "quiz_key": value.get("key") or "",
            "dom_id": f"lg-quiz-{value.get('key') or 'preview'}",
            "rules": quiz_specs.quiz_settings(value),
            "questions": form_questions(specs, values_by_id(value)),
        }
    return quiz_state(request, page, value, specs)


# Results -----------------------------------------------------------------------------------


def _choice_text(spec, choice_id):
    for choice in spec.get("choices", ()):
        if choice["id"] == choice_id:
            return choice["text"]
    return ""


def describe_answer(spec, answer):
    """A person's answer in words, as the result shows it back to them; ``""`` if unreadable."""
    try:
        return _describe_answer(spec, answer)
    except (TypeError, KeyError, AttributeError, ValueError):
        return ""


def _describe_answer(spec, answer):
    kind = spec.get("type")
    if kind == "single":
        return _choice_text(spec, answer)
    if kind == "multiple":
        return "; ".join(_choice_text(spec, choice_id) for choice_id in answer or ())
    if kind == "true_false":
        return "" if answer is None else (_("True") if answer else _("False"))
    if kind == "order":
        texts = {item["id"]: item["text"] for item in spec.get("items", ())}
        return " → ".join(texts.get(item_id, "") for item_id in answer or ())
    if kind == "match":
        pairs = {pair["id"]: pair for pair in spec.get("pairs", ())}
        answer = answer if isinstance(answer, dict) else {}
        return "; ".join(
            f"{pair['left']} – {pairs[answer[pair['id']]]['right']}"
            for pair in spec.get("pairs", ())
            if answer.get(pair["id"]) in pairs
        )
    return "" if answer is None else str(answer)


def describe_correct(spec):
    """The right answer in words, for results that may show it; ``""`` if unreadable."""
    try:
        return _describe_correct(spec)
    except (TypeError, KeyError, AttributeError, ValueError):
        return ""


def _describe_correct(spec):
    kind = spec.get("type")
    if kind in ("single", "multiple"):
        return "; ".join(choice["text"] for choice in spec["choices"] if choice["correct"])
    if kind == "true_false":
        return _("True") if spec.get("answer") else _("False")
    if kind == "short_text":
        return " / ".join(spec.get("accepted", ()))
    if kind == "number":
        tolerance = spec.get("tolerance") or "0"
        unit = f" {spec['unit']}" if spec.get("unit") else ""
        if quiz_specs.to_decimal(tolerance):
            return f"{spec.get('number')}{unit} (± {tolerance})"
        return f"{spec.get('number')}{unit}"
    if kind == "order":
        return " → ".join(item["text"] for item in spec.get("items", ()))
    if kind == "match":
        return "; ".join(f"{pair['left']} – {pair['right']}" for pair in spec.get("pairs", ()))
    return ""


def _choice_feedback(spec, answer):
    if spec.get("type") not in ("single", "multiple"):
        return []
    try:
        picked = set(answer) if isinstance(answer, list) else {answer}
    except TypeError:
        return []
    return [
        {
            "text": choice.get("text", ""),
            "feedback": choice["feedback"],
            "correct": choice.get("correct"),
        }
        for choice in spec.get("choices", ())
        if isinstance(choice, dict) and choice.get("id") in picked and choice.get("feedback")
    ]


def result_questions(attempt):
    """Each question of an attempt with the answer given and, as the quiz allows, its marking."""
    visible = attempt.answers_visible
    results = {result.get("id"): result for result in attempt.results or ()}
    rows = []
    for number, spec in enumerate(attempt.questions or (), start=1):
        answer = (attempt.answers or {}).get(spec.get("id"))
        result = results.get(spec.get("id"), {})
        row = {
            "number": number,
            "type": spec.get("type"),
            "prompt": spec.get("prompt", ""),
            "answer": describe_answer(spec, answer),
            "status": result.get("status", ""),
            "awarded": result.get("awarded", 0),
            "possible": result.get("possible", 0),
        }
        if visible:
            row["correct_answer"] = describe_correct(spec)
            row["explanation"] = spec.get("explanation", "")
            row["choice_feedback"] = _choice_feedback(spec, answer)
        rows.append(row)
    return rows


def result_context(attempt, request=None):
    """The context that shows an attempt's result to the person who made it."""
    rules = attempt.rules or {}
    limit = int(rules.get("attempts_allowed") or 0)
    context = {
        "state": STATE_RESULT,
        "attempt": attempt,
        "rules": rules,
        "quiz_key": attempt.quiz_key,
        "dom_id": f"lg-quiz-{attempt.quiz_key}",
        "answers_visible": attempt.answers_visible,
        "feedback": attempt.feedback,
        "result_questions": result_questions(attempt),
        "results_url": reverse("wagtail_learninggroups:my_quiz_results"),
    }
    if attempt.page_id:
        made = attempts_made(attempt.taker, attempt.quiz_page_id, attempt.quiz_key)
        context["attempts_left"] = quiz_specs.attempts_left(limit, made)
        context["retry_url"] = quiz_url("quiz", attempt.page_id, attempt.quiz_key)
    return context
