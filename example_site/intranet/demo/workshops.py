"""The demo's second workshop template, and the list of both."""

from example_site.intranet.demo.blocks import e_learning_url, segment
from example_site.intranet.demo.parliament import PARLIAMENT_WORKSHOP, parliament_body

INSIDE_MINISTRY_WORKSHOP = {
    "slug": "how-a-decision-reaches-your-office",
    "module": 1,
    "unit": 1,  # "Inside the ministry"
    "title": "How a decision reaches your office",
    "summary": (
        "Follow one decision from a minister’s desk to an instruction at post, and map the "
        "teams in the ministry that your office deals with most."
    ),
    "audience": "Everyone new to the ministry, and anyone who has wondered who decided that",
}


def inside_ministry_body(documents, unit):
    """A shorter workshop: objectives, agenda, discussion and preparation."""
    course_url = e_learning_url(unit, "inside-the-ministry")
    return [
        (
            "objectives",
            {
                "heading": "",
                "objectives": [
                    "Trace how a decision travels from a minister to an office abroad",
                    "Name the directorates your office works with most, and who leads them",
                    "Know whom to ask when an instruction is unclear",
                ],
            },
        ),
        (
            "agenda",
            {
                "heading": "",
                "segments": [
                    segment("Welcome", 5, "welcome", "Who we are and what we want to find out."),
                    segment(
                        "From the minister’s desk to this office",
                        15,
                        "presentation",
                        "One recent decision, followed step by step until it reached us as an "
                        "instruction.",
                        "Pick a decision your office acted on in the last six months.",
                    ),
                    segment(
                        "Map our contacts",
                        20,
                        "activity",
                        "On a large sheet, draw the teams in the ministry this office deals "
                        "with, and who speaks to whom.",
                        "Keep the map: it makes a useful welcome for new arrivals.",
                        core=True,
                    ),
                    segment(
                        "Where do instructions get stuck?",
                        15,
                        "discussion",
                        "Small groups talk through the questions below, then share one idea.",
                        core=True,
                    ),
                    segment(
                        "Wrap-up",
                        5,
                        "wrap-up",
                        "One thing each of us will do differently, and the next unit to take.",
                    ),
                ],
            },
        ),
        (
            "discussion",
            {
                "title": "Where do instructions get stuck?",
                "prompts": [
                    "Think of an instruction that arrived late or unclear. Where did it slow "
                    "down?",
                    "Who in the ministry would you call first, and who would you not think to "
                    "call?",
                    "What could this office send back that would help the next decision?",
                ],
                "group_size": 3,
                "minutes": 15,
            },
        ),
        (
            "preparation",
            {
                "tasks": [
                    {
                        "task": "Choose a recent decision to follow in the presentation",
                        "lead_time": "7",
                    },
                    {"task": "Find a large sheet of paper and marker pens", "lead_time": "1"},
                ],
                "pre_work": [
                    {"title": "E-learning: Inside the ministry", "url": course_url, "minutes": 30},
                ],
            },
        ),
    ]


WORKSHOPS = [
    (PARLIAMENT_WORKSHOP, parliament_body),
    (INSIDE_MINISTRY_WORKSHOP, inside_ministry_body),
]
