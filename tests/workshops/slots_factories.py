"""Slots as the page editor posts them, and a workshop template that holds some."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.utils import list_block
from tests.workshop_data import segment


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
