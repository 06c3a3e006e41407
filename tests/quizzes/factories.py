"""A quiz with every question type on a host page, and the answers people send."""

from django.urls import reverse

from tests.testapp.models import HostLearningPage

QUIZ_KEY = "quizkey00001"


def item(value, item_id):
    """A ListBlock item as Wagtail stores it."""
    return {"type": "item", "value": value, "id": item_id}


def rich(text):
    return f"<p>{text}</p>"


def question(block_type, question_id, prompt, **fields):
    value = {"prompt": rich(prompt), "image": None, "explanation": rich(f"Because: {prompt}")}
    if block_type != "reflection":
        value["points"] = fields.pop("points", 1)
    value.update(fields)
    return {"type": block_type, "value": value, "id": question_id}


def all_question_types():
    """One question of each type, with stable ids, as stored JSON."""
    return [
        question(
            "single_choice",
            "q-single",
            "Who elects members of parliament?",
            choices=[
                item({"text": "The voters", "correct": True, "feedback": "Yes."}, "c-voters"),
                item({"text": "The king", "correct": False, "feedback": "Not here."}, "c-king"),
                item({"text": "The courts", "correct": False, "feedback": ""}, "c-courts"),
            ],
        ),
        question(
            "multiple_choice",
            "q-multiple",
            "Which are chambers of parliament?",
            points=2,
            choices=[
                item({"text": "Lower house", "correct": True, "feedback": ""}, "c-lower"),
                item({"text": "Upper house", "correct": True, "feedback": ""}, "c-upper"),
                item({"text": "Supreme court", "correct": False, "feedback": "A court."}, "c-sc"),
                item({"text": "Cabinet", "correct": False, "feedback": ""}, "c-cabinet"),
            ],
        ),
        question("true_false", "q-tf", "A bill becomes law after royal assent.", answer="true"),
        question(
            "short_text",
            "q-text",
            "What is the head of the lower house called?",
            accepted=[item("Speaker", "a1"), item("The Speaker", "a2")],
        ),
        question(
            "number",
            "q-number",
            "How many members sit in the assembly?",
            answer="349",
            tolerance="1",
            unit="members",
        ),
        question(
            "order",
            "q-order",
            "Put the stages of a bill in order.",
            items=[
                item("First reading", "i-first"),
                item("Committee stage", "i-committee"),
                item("Third reading", "i-third"),
            ],
        ),
        question(
            "match",
            "q-match",
            "Match each role to its house.",
            pairs=[
                item({"left": "Speaker", "right": "Lower house"}, "p-speaker"),
                item({"left": "Lord Speaker", "right": "Upper house"}, "p-lord"),
            ],
        ),
        question("reflection", "q-reflect", "What surprised you?"),
    ]


def quiz_value(**rules):
    value = {
        "key": QUIZ_KEY,
        "title": "Parliament check",
        "introduction": rich("Ten minutes, no notes."),
        "questions": all_question_types(),
        "mode": "individual",
        "pass_mark": 70,
        "attempts_allowed": 0,
        "counting": "highest",
        "show_answers": "after_submit",
        "bands": [
            item({"from_percent": 0, "message": "Revisit the e-learning."}, "b-low"),
            item({"from_percent": 80, "message": "Well done."}, "b-high"),
        ],
        "shuffle_choices": False,
        "draw": 0,
    }
    value.update(rules)
    return value


def make_quiz_page(parent, slug="quiz-host", **rules):
    parent.refresh_from_db()
    page = HostLearningPage(
        title="Know your parliament",
        slug=slug,
        body=[{"type": "quiz", "value": quiz_value(**rules), "id": "block-quiz"}],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def quiz_url(page, key=QUIZ_KEY):
    return reverse("wagtail_learninggroups:quiz", args=[page.pk, key])


def correct_answers():
    """The form data of an attempt that gets every question right."""
    return {
        "q-q-single": "c-voters",
        "q-q-multiple": ["c-lower", "c-upper"],
        "q-q-tf": "true",
        "q-q-text": "  the   SPEAKER ",
        "q-q-number": "348.5",
        "q-q-order-i-first": "1",
        "q-q-order-i-committee": "2",
        "q-q-order-i-third": "3",
        # The options are the right sides in alphabetical order: Lower house, Upper house.
        "q-q-match-p-speaker": "1",
        "q-q-match-p-lord": "2",
        "q-q-reflect": "How long,\nit takes, to pass a bill.",
    }


def wrong_answers():
    """The form data of a complete attempt that gets every scored question wrong."""
    return {
        "q-q-single": "c-king",
        "q-q-multiple": ["c-sc", "c-cabinet"],
        "q-q-tf": "false",
        "q-q-text": "President",
        "q-q-number": "12",
        "q-q-order-i-first": "3",
        "q-q-order-i-committee": "1",
        "q-q-order-i-third": "2",
        "q-q-match-p-speaker": "2",
        "q-q-match-p-lord": "1",
        "q-q-reflect": "",
    }


def post_quiz(client, page, data, fragment=False, key=QUIZ_KEY):
    headers = {"X-LG-Quiz": "fragment"} if fragment else {}
    return client.post(quiz_url(page, key), data, headers=headers)
