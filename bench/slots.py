"""A template of many slots and an office's edition that fills every one of them.

The fills take turns through what offices put in slots: text, a person with a photo, an event,
a document and an image, so that a page of many fills loads people, documents and images.
"""

import itertools
from functools import cache

from bench import pages


def slot(key, title, kinds):
    """The stored JSON of a required slot that ``kinds`` of content may fill."""
    return {
        "key": key,
        "title": title,
        "instructions": "",
        "example": "",
        "required": True,
        "kinds": list(kinds),
        "when_empty": "fallback",
        "fallback": "Ask your learning champion.",
    }


def fill_kinds():
    """``(slot kinds, fill content)`` of each kind of fill, as stored JSON."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    document = get_document_model().objects.order_by("pk").first()
    image = get_image_model().objects.order_by("pk").first()
    person = {
        "name": "Marcus Bell",
        "role": "Congressional liaison",
        "photo": image.pk,
        "about": "Six years on a committee staff.",
    }
    event = {
        "title": "Visit of the Foreign Affairs Committee",
        "starts": "2027-04-20T13:00:00+00:00",
        "venue": "The embassy",
        "url": "https://intranet.example/visit",
    }
    return [
        (["text"], ("text", "<p>Our head of office opens the session with a recent vote.</p>")),
        (["person"], ("person", person)),
        (["event"], ("event", event)),
        (["link"], ("document", {"document": document.pk, "title": ""})),
        (["media"], ("image", {"image": image.pk, "alt": "The committee room", "caption": ""})),
    ]


def fill(key, content):
    """The stored JSON of a fill of slot ``key`` holding one block, ``(type, value)``."""
    kind, value = content
    item = {"type": kind, "value": value, "id": pages.new_id()}
    value = {"key": key, "not_applicable": False, "content": [item]}
    return {"type": "fill", "value": value, "id": pages.new_id()}


def office():
    """The demo's Washington office: its location and its section of the intranet."""
    from wagtail_learninggroups.models import Location

    location = Location.objects.select_related("page").get(slug="washington")
    return location, location.page.specific


@cache
def edition_pair(count):
    """An edition of ``count`` filled slots and its plain twin, beside it under its office."""
    from wagtail_learninggroups.blocks import SlotFillContentBlock
    from wagtail_learninggroups.models import LocalEditionPage

    body, fills = [], []
    kinds = itertools.cycle(fill_kinds())
    for number in range(count):
        slot_kinds, content = next(kinds)
        key = f"bench-{count}-{number}"
        value = slot(key, f"Local part {number}", slot_kinds)
        body.append({"type": "slot", "value": value, "id": pages.new_id()})
        fills.append(fill(key, content))
    # What a reader sees of each slot is its fill.
    content_block = SlotFillContentBlock()
    texts = [
        pages.reader_text(content_block.to_python(item["value"]["content"])) for item in fills
    ]
    template = pages.workshop(pages.workshops_index(), f"bench-{count}-slots", body)
    location, section = office()
    edition = LocalEditionPage(
        title=template.title,
        slug=f"bench-{count}-slots",
        workshop=template,
        location=location,
        fills=fills,
    )
    edition = pages.publish(section, edition)
    plain = pages.plain_twin(section, f"bench-{count}-slots-plain", texts)
    return edition, plain
