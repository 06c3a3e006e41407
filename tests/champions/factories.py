"""Champions with offices, portraits, themes and awards, a directory, and pages that show them.

Test modules take the fixtures with ``from tests.champion_data import *`` (``__all__`` names
the fixtures only; pytest finds fixtures imported into a test module) and import the helpers
they call by name.
"""

import pytest
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from tests.edition_data import make_office
from tests.testapp.models import HostLearningPage
from wagtail_learninggroups.models import Award, Champion, ChampionDirectoryPage, CurriculumModule

__all__ = ["add_host_page", "ana", "cast", "directory", "lima", "themes"]

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


@pytest.fixture
def add_host_page(root_page, django_capture_on_commit_callbacks):
    """Publish a ``HostLearningPage`` with ``body`` under ``parent`` (the site's root page).

    The reference index and the search index, which Wagtail may update once the transaction
    commits, are brought up to date before it returns.
    """

    def add(title, body, slug=None, parent=None, private=False):
        parent = parent or root_page
        parent.refresh_from_db()
        page = HostLearningPage(title=title, slug=slug or slugify(title), body=body)
        with django_capture_on_commit_callbacks(execute=True):
            parent.add_child(instance=page)
            publish(page)
        if private:
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        return page

    return add


@pytest.fixture
def lima(root_page):
    return make_office(root_page, "Lima", region="Americas", time_zone="America/Lima")


@pytest.fixture
def themes(db):
    elections = CurriculumModule.objects.create(number=1, title="Elections")
    budgets = CurriculumModule.objects.create(number=2, title="Budgets")
    return elections, budgets


@pytest.fixture
def ana(offices, themes):
    """Ana Silva of Nairobi: a portrait, a quote, a story, two awards, contacts."""
    return make_champion(
        "Ana Silva",
        offices[0],
        photo=True,
        job_title="Political officer",
        quote="Every session starts with a question nobody can answer alone.",
        story="<p>Ana started the Nairobi group with four colleagues.</p>",
        volunteering_since=2021,
        email="ana.silva@example.org",
        chat_url="https://chat.example.org/ana",
        awards=[
            (NEWCOMER, 2022, "For a first year of monthly sessions."),
            (CHAMPION_OF_THE_YEAR, 2025, "For twelve sessions in a year."),
        ],
        themes=[themes[0]],
    )


@pytest.fixture
def cast(ana, offices, lima, themes):
    """Champions across offices, regions and themes, one of them inactive.

    ``ana`` (Nairobi, Africa; Elections; 2025 and 2022), ``bruno`` (Suva, Pacific; Budgets;
    champion of the year 2024), ``chidi`` (Nairobi; Budgets; no award), ``lucia`` (Lima,
    Americas; newcomer 2025) and ``dora`` (Nairobi, inactive; champion of the year 2025).
    """
    nairobi, suva = offices
    elections, budgets = themes
    return {
        "ana": ana,
        "bruno": make_champion(
            "Bruno Costa",
            suva,
            photo=True,
            job_title="Economic officer",
            quote="Thirty people, one screen.",
            awards=[(CHAMPION_OF_THE_YEAR, 2024, "For taking the programme to Suva.")],
            themes=[budgets],
        ),
        "chidi": make_champion(
            "Chidi Okafor", nairobi, job_title="Press officer", themes=[budgets]
        ),  # fmt: skip
        "lucia": make_champion(
            "Lucía Ramos", lima, job_title="Consular officer", awards=[(NEWCOMER, 2025)]
        ),
        "dora": make_champion(
            "Dora Hidden",
            nairobi,
            active=False,
            job_title="Retired officer",
            email="dora@example.org",
            awards=[(CHAMPION_OF_THE_YEAR, 2025, "For years of sessions.")],
        ),
    }


@pytest.fixture
def directory(root_page):
    """The champions directory, published at ``/champions/``."""
    root_page.refresh_from_db()
    page = ChampionDirectoryPage(
        title="Champions", slug="champions", intro="<p>The people behind our groups.</p>"
    )
    root_page.add_child(instance=page)
    return publish(page)
