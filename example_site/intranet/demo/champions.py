"""Demo champions: invented volunteers with illustrated portraits drawn here, and their awards.

The people are made up. Their portraits are drawn by :func:`portrait_png` (a head and shoulders
on a coloured ground), so the demo ships no photographs of anyone.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from wagtail_learninggroups.models import Award, Champion, CurriculumModule, Location

#: Name, slug, office, job title, quote, story, themes (module numbers), since, colours, awards.
CHAMPIONS = [
    {
        "name": "Amara Okafor",
        "slug": "amara-okafor",
        "office": "nairobi",
        "job_title": "Political officer",
        "quote": "Our best sessions start with a question nobody in the room can answer alone.",
        "story": (
            "<p>Amara started the Nairobi learning group with four colleagues and a borrowed "
            "projector. Two years on, it meets every month and new arrivals ask when the next "
            "session is before they ask where the canteen is.</p>"
        ),
        "themes": [2],
        "since": 2023,
        "colours": ("#1d5e8c", "#f2c94c"),
        "awards": [
            (
                "Learning champion of the year",
                2026,
                "For twelve sessions in a year, three of them run by colleagues she had coached.",
            )
        ],  # fmt: skip
        "email": "amara.okafor@example.org",
    },
    {
        "name": "Hannah Brooks",
        "slug": "hannah-brooks",
        "office": "washington",
        "job_title": "Economic officer",
        "quote": "Thirty people, one screen, and everyone leaves with something to try.",
        "story": "<p>Hannah runs the Washington group over lunch, in person and online.</p>",
        "themes": [1, 2],
        "since": 2024,
        "colours": ("#6639ba", "#f6f8fa"),
        "awards": [
            (
                "Newcomer of the year",
                2025,
                "For bringing the programme to a team of thirty within her first year.",
            )
        ],  # fmt: skip
        "email": "hannah.brooks@example.org",
    },
    {
        "name": "Mere Tuilagi",
        "slug": "mere-tuilagi",
        "office": "suva",
        "job_title": "Office manager",
        "quote": "A small team can learn a lot together if someone books the room.",
        "story": "<p>Mere keeps the Suva group going across three time zones of visitors.</p>",
        "themes": [1],
        "since": 2022,
        "colours": ("#1a7f37", "#ffe8c2"),
        "awards": [
            (
                "Learning champion of the year",
                2025,
                "For keeping a team of four learning through a year of staff changes.",
            )
        ],  # fmt: skip
        "email": "mere.tuilagi@example.org",
    },
    {
        "name": "Daniel Akol",
        "slug": "daniel-akol",
        "office": "juba",
        "job_title": "Consular officer",
        "quote": "The e-learning gives us the facts; the group gives us the courage.",
        "story": "<p>Daniel prints the facilitator pack for colleagues on slow connections.</p>",
        "themes": [2],
        "since": 2025,
        "colours": ("#a40e26", "#f6f8fa"),
        "awards": [],
        "email": "",
    },
    {
        "name": "Sigrún Jónsdóttir",
        "slug": "sigrun-jonsdottir",
        "office": "reykjavik",
        "job_title": "Deputy head of mission",
        "quote": "I learn as much from running a session as from taking one.",
        "story": "<p>Sigrún joins the Reykjavik group as a participant, not as the boss.</p>",
        "themes": [1, 2],
        "since": 2024,
        "colours": ("#7a4f00", "#d0e7ff"),
        "awards": [],
        "email": "sigrun.jonsdottir@example.org",
    },
]


def portrait_png(background, figure, size=480):
    """An illustrated portrait: a head and shoulders in ``figure`` on a ``background`` ground."""
    image = PillowImage.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    unit = size // 12
    draw.ellipse((4 * unit, 2 * unit, 8 * unit, 6 * unit), fill=figure)
    draw.rounded_rectangle(
        (2 * unit, 7 * unit, 10 * unit, 13 * unit), radius=3 * unit, fill=figure
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_portrait(data):
    Image = get_image_model()
    title = f"Portrait of {data['name']} (illustration)"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    background, figure = data["colours"]
    filename = f"champion-{data['slug']}.png"
    image = Image(title=title, file=ContentFile(portrait_png(background, figure), name=filename))
    image.save()
    return image


def ensure_champions(report):
    """Create each demo champion whose slug is free, with portrait and awards."""
    modules = {module.number: module for module in CurriculumModule.objects.all()}
    for data in CHAMPIONS:
        existing = Champion.objects.filter(slug=data["slug"]).first()
        if existing is not None:
            report.add(f"Champion “{existing.name}”", created=False)
            continue
        champion = Champion.objects.create(
            name=data["name"],
            slug=data["slug"],
            job_title=data["job_title"],
            location=Location.objects.filter(slug=data["office"]).first(),
            photo=ensure_portrait(data),
            quote=data["quote"],
            story=data["story"],
            volunteering_since=data["since"],
            email=data["email"],
        )
        champion.themes.set([modules[number] for number in data["themes"] if number in modules])
        champion.save()
        for title, year, citation in data["awards"]:
            Award.objects.create(champion=champion, title=title, year=year, citation=citation)
        report.add(f"Champion “{champion.name}”", created=True)


def spotlight(slug, layout="card"):
    """A spotlight block value for the demo champion with ``slug``, or ``None``."""
    champion = Champion.objects.filter(slug=slug).first()
    if champion is None:
        return None
    return ("spotlight", {"champion": champion, "headline": "", "quote": "", "layout": layout})
