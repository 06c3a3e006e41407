"""Quizzes: a page of many questions, and a submission against a plain form view.

A submission is the way a browser without our script sends it: a POST to the quiz endpoint
that scores the answers, keeps the attempt and redirects to the result. The baseline is a plain
Django view (``bench.views``) that keeps the same form data as one row and redirects.
"""

import copy
from functools import cache

from django.urls import reverse

from bench import browse, pages
from bench.measure import CPU, WALL, measure_pair
from bench.rows import queries_row, time_row

#: A member of staff who takes quizzes, signed in as quizzes require.
MEMBER = "bench-member"


def demo_quiz():
    """The stored JSON of the demo workshop's quiz block."""
    return next(b for b in pages.demo_workshop().body.raw_data if b["type"] == "quiz")


def quiz_block(key, questions=None, **rules):
    """The demo quiz under ``key``, with ``questions`` (stored JSON) instead of its own."""
    block = copy.deepcopy(demo_quiz())
    block["id"] = pages.new_id()
    block["value"].update(key=key, **rules)
    if questions is not None:
        block["value"]["questions"] = questions
    return block


def question_text(spec):
    """What a reader reads of one question: the prompt and what there is to choose from."""
    parts = [pages.reader_text(spec["prompt"])]
    parts += [choice["text"] for choice in spec.get("choices", ())]
    parts += [item["text"] for item in spec.get("items", ())]
    parts += [f"{pair['left']} {pair['right']}" for pair in spec.get("pairs", ())]
    return " ".join(parts)


def specs_of(page):
    """The specs (plain dicts) of the questions of the first quiz on ``page``."""
    from wagtail_learninggroups.quizzes.specs import question_specs

    quiz = next(child.value for child in page.body if child.block_type == "quiz")
    return question_specs(quiz["questions"])


@cache
def questions_pair(count):
    """A template holding one quiz of ``count`` questions, and its plain twin beside it."""
    questions = pages.repeated(demo_quiz()["value"]["questions"], count)
    index = pages.workshops_index()
    block = quiz_block(f"bench-quiz-{count}", questions, attempts_allowed=0)
    ours = pages.workshop(index, f"bench-{count}-questions", [block])
    plain = pages.plain_twin(
        index, f"bench-{count}-questions-plain", [question_text(s) for s in specs_of(ours)]
    )
    return ours, plain


def correct_answers(specs):
    """The form data of an attempt that gets every question right."""
    from wagtail_learninggroups.quizzes.specs import field_name, match_options

    data = {}
    for spec in specs:
        name, kind = field_name(spec["id"]), spec["type"]
        if kind == "single":
            data[name] = next(c["id"] for c in spec["choices"] if c["correct"])
        elif kind == "multiple":
            data[name] = [c["id"] for c in spec["choices"] if c["correct"]]
        elif kind == "true_false":
            data[name] = "true" if spec["answer"] else "false"
        elif kind == "order":
            for place, item in enumerate(spec["items"], start=1):
                data[field_name(spec["id"], item["id"])] = str(place)
        elif kind == "match":
            option_of = {pair_id: value for value, pair_id, _text in match_options(spec)}
            for pair in spec["pairs"]:
                data[field_name(spec["id"], pair["id"])] = option_of[pair["id"]]
        elif kind == "short_text":
            data[name] = spec["accepted"][0]
        elif kind == "number":
            data[name] = spec["number"]
        else:  # A reflection: any answer will do.
            data[name] = "A thought."
    return data


def run():
    # The demo workshop with its quiz, where one person may submit as often as they like.
    body = [
        quiz_block("bench-submissions", attempts_allowed=0) if b["type"] == "quiz" else b
        for b in pages.demo_workshop().body.raw_data
    ]
    page = pages.workshop(pages.workshops_index(), "bench-quiz-submissions", body)
    answers = correct_answers(specs_of(page))
    client = browse.signed_in(MEMBER)
    quiz_url = reverse("wagtail_learninggroups:quiz", args=[page.pk, "bench-submissions"])
    plain_url = reverse("bench_form_submission", args=[page.pk])
    submit, plain = browse.post(client, quiz_url, answers), browse.post(client, plain_url, answers)
    name = "Quiz submission vs a plain POST view saving one row"
    # Both write: elapsed time counts the wait for the disk, which costs both sides alike and so
    # varies with the disk; CPU time shows what the two views themselves cost.
    elapsed = measure_pair(submit, plain, clock=WALL)
    cpu = measure_pair(submit, plain, clock=CPU)
    return [
        time_row(f"{name}, elapsed", *elapsed, "≤ 2x"),
        time_row(f"{name}, CPU", *cpu, "≤ 2x"),
        queries_row(name, *cpu, "—"),
    ]
