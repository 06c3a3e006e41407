"""Building blocks of the demo workshops: agenda segments, slots, quiz questions, guidance."""

from example_site.intranet.demo.champions import spotlight

ELEARNING = "https://learning.intranet.example/courses/"


VIDEOS = "https://video.intranet.example/academy/"


def segment(title, minutes, kind, description, notes="", core=False, local=()):
    return {
        "title": title,
        "minutes": minutes,
        "kind": kind,
        "core": core,
        "description": description,
        "facilitator_notes": notes,
        "local": list(local),
    }


# The demo's slots carry fixed keys, so that the demo editions can fill them. Slots made in the
# admin get generated keys.
SLOT_WHY_HERE = "demo-why-here"


SLOT_LOCAL_EXPERT = "demo-local-expert"


SLOT_NEXT_VISIT = "demo-next-visit"


def slot(key, title, kinds, instructions="", example="", required=True, fallback=""):
    return {
        "key": key,
        "title": title,
        "instructions": instructions,
        "example": example,
        "required": required,
        "kinds": list(kinds),
        "when_empty": "fallback" if fallback else "nothing",
        "fallback": fallback,
    }


#: The demo quiz's fixed key, like the slots': quizzes made in the admin get generated keys.
QUIZ_PARLIAMENT = "demo-parliament-quiz"


def choice(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback}


def question(prompt, explanation, points=1, **fields):
    return {"prompt": f"<p>{prompt}</p>", "image": None, "points": points,
            "explanation": f"<p>{explanation}</p>", **fields}  # fmt: skip


def guidance(kind, title, text="", checklist=()):
    return ("guidance", {"kind": kind, "title": title, "text": text, "checklist": list(checklist)})


def e_learning_url(unit, fallback_path):
    return (unit.e_learning_url if unit else "") or f"{ELEARNING}{fallback_path}"


def champion_spotlights():
    """A spotlight of the demo's award-winning champion, when she is there."""
    block = spotlight("amara-okafor", layout="feature")
    return [("heading", "Meet a champion"), block] if block else []
