"""A complete workshop, and slots, as the page editor posts them and as they are stored."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.utils import list_block


def segment(title, minutes, kind, core=False, description="", notes="", local=()):
    return {
        "title": title,
        "minutes": str(minutes),
        "kind": kind,
        "core": "on" if core else "",
        "description": description,
        "facilitator_notes": notes,
        "local": streamfield(list(local)),
    }


def workshop_body_form(document_pk):
    """Form data of a body holding every block of the package."""
    return streamfield(
        [
            ("heading", "Why parliament matters to us"),
            ("text", rich_text("<p>Every office works with legislators sooner or later.</p>")),
            (
                "objectives",
                {"heading": "", "objectives": list_block(["Explain how a bill becomes law"])},
            ),
            (
                "agenda",
                {
                    "heading": "",
                    "segments": list_block(
                        [
                            segment("Welcome", 10, "welcome"),
                            segment("How a bill becomes law", 20, "video", notes="Test sound."),
                            segment("Scrutiny in practice", 30, "discussion", core=True),
                            segment("Wrap-up", 10, "wrap-up"),
                        ]
                    ),
                },
            ),
            (
                "discussion",
                {
                    "title": "Parliament where you are",
                    "prompts": list_block(["Which committee would question our ambassador?"]),
                    "group_size": "4",
                    "minutes": "20",
                },
            ),
            (
                "resources",
                {
                    "heading": "",
                    "resources": streamfield(
                        [
                            (
                                "document",
                                {
                                    "document": str(document_pk),
                                    "title": "",
                                    "kind": "slides",
                                    "description": "",
                                },
                            ),
                            (
                                "e_learning",
                                {
                                    "url": "https://learning.example.org/parliament",
                                    "title": "Parliament in 30 minutes",
                                    "provider": "Learning team",
                                    "minutes": "30",
                                },
                            ),
                        ]
                    ),
                },
            ),
            (
                "guidance",
                {
                    "kind": "tip",
                    "title": "Silence is fine",
                    "text": rich_text("<p>After a question, count to ten before you help.</p>"),
                    "checklist": list_block([]),
                },
            ),
            (
                "preparation",
                {
                    "tasks": list_block(
                        [{"task": "Book a room with a screen", "lead_time": "14"}]
                    ),
                    "pre_work": list_block(
                        [{"title": "Parliament in 30 minutes", "url": "", "minutes": "30"}]
                    ),
                },
            ),
        ]
    )


def workshop_form(document_pk, **fields):
    data = {
        "title": "How parliament works",
        "slug": "how-parliament-works",
        "summary": "What parliament does, and how an office works with it.",
        "audience": "All staff",
        "module": "",
        "unit": "",
        "body": workshop_body_form(document_pk),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def slot_form(title, key="", required=True, kinds=("text",), fallback="Ask your champion.",
              instructions="", example="", when_empty="fallback"):  # fmt: skip
    """Form data of a LocalSlotBlock; a new slot posts an empty key."""
    return {
        "key": key,
        "title": title,
        "instructions": instructions,
        "example": example,
        "required": "on" if required else "",
        "kinds": tuple(kinds),  # a tuple posts one value per kind; a list would be indexed
        "when_empty": when_empty,
        "fallback": fallback,
    }


def slotted_body_form(speaker_key="", welcome_key="", event_key=""):
    """A body with a slot before the agenda, one in a segment, and an optional one after."""
    return streamfield(
        [
            ("heading", "Parliament where you are"),
            (
                "slot",
                slot_form(
                    "A welcome from the head of office",
                    key=welcome_key,
                    instructions="Two or three sentences on why this matters here.",
                ),
            ),
            (
                "agenda",
                {
                    "heading": "",
                    "segments": list_block(
                        [
                            segment("How a bill becomes law", 20, "video"),
                            segment(
                                "Local voices",
                                15,
                                "presentation",
                                local=[
                                    (
                                        "slot",
                                        slot_form(
                                            "A colleague who has worked with parliament",
                                            key=speaker_key,
                                            kinds=("person",),
                                        ),
                                    )
                                ],
                            ),
                            segment("What would we change?", 30, "discussion", core=True),
                        ]
                    ),
                },
            ),
            (
                "slot",
                slot_form(
                    "A visit to parliament",
                    key=event_key,
                    required=False,
                    kinds=("event", "link"),
                    when_empty="nothing",
                    fallback="",
                ),
            ),
        ]
    )


def slotted_workshop_form(action="action-publish", **keys):
    return nested_form_data(
        {
            "title": "Parliament where you are",
            "slug": "parliament-where-you-are",
            "summary": "How parliament touches the work of your office.",
            "audience": "All staff",
            "module": "",
            "unit": "",
            "body": slotted_body_form(**keys),
            action: "1",
        }
    )
