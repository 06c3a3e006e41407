"""A complete workshop, as the page editor posts it and as it is stored."""

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
