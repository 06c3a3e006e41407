"""Champions with offices, portraits, themes and awards, a directory, and pages that show them.

The fixtures that use them are in ``tests/conftest.py``.
"""

from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from wagtail_learninggroups.models import Award, Champion

CHAMPION_OF_THE_YEAR = "Learning champion of the year"
NEWCOMER = "Newcomer award"


def make_photo(title="Portrait", colour="teal"):
    """A small square portrait in the image library."""
    image_file = get_test_image_file(f"{slugify(title)}.png", colour=colour, size=(360, 360))
    return get_image_model().objects.create(title=title, file=image_file)


def make_champion(name, location=None, *, awards=(), themes=(), photo=False, **fields):
    """A champion; ``awards`` as ``(title, year)`` or ``(title, year, citation)`` tuples.

    ``photo=True`` gives them a portrait of their own.
    """
    if photo is True:
        photo = make_photo(f"Portrait of {name}")
    champion = Champion.objects.create(name=name, location=location, photo=photo or None, **fields)
    for order, (title, year, *citation) in enumerate(awards):
        Award.objects.create(
            champion=champion,
            title=title,
            year=year,
            citation=citation[0] if citation else "",
            sort_order=order,
        )
    if themes:
        champion.themes.set(themes)
        champion.save()
    return champion


def spotlight(champion, headline="", quote="", layout="card"):
    """A spotlight block's value as page code writes it."""
    return ("spotlight", {"champion": champion, "headline": headline, "quote": quote,
                          "layout": layout})  # fmt: skip


def champions_list(scope, heading="", office="", region="", theme="", limit=6):
    return ("champions", {"heading": heading, "scope": scope, "office": office,
                          "region": region, "theme": str(theme), "limit": limit})  # fmt: skip


def awards_block(year, award="", heading=""):
    return ("awards", {"heading": heading, "year": year, "award": award})


def publish(page):
    """Publish ``page``'s first revision."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
