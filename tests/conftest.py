import pytest
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from tests.champions.factories import CHAMPION_OF_THE_YEAR, NEWCOMER, make_champion, publish
from tests.editions.factories import add_page_url, edition_form, make_office
from tests.quizzes.factories import make_quiz_page
from tests.testapp.models import HostLearningPage
from tests.workshops.factories import slotted_workshop_form
from wagtail_learninggroups.models import (
    ChampionDirectoryPage,
    CurriculumModule,
    LocalEditionPage,
    WorkshopTemplatePage,
)

"""The fixtures of the whole suite: every test folder may take them.

Fixtures live in conftest.py files only (a folder's own for those only it uses); the helpers
that build content are plain functions in each folder's ``factories`` module.
"""


@pytest.fixture
def root_page(db):
    """The page at the root of the default site, as Wagtail's initial migration creates it."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def tree_root(db):
    return Page.get_first_root_node()


@pytest.fixture
def admin_client(client, django_user_model):
    """A client signed in as a superuser of the Wagtail admin."""
    user = django_user_model.objects.create_superuser("central-editor", "ce@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches.

    The render cache keeps pages' blocks by page id, and a later test may reuse an id.
    """
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def make_document(db):
    """Create a Wagtail document holding ``size`` bytes."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    def make(title="Slides", filename="slides.pdf", size=2048):
        document = get_document_model()(title=title, file=ContentFile(b"%" * size, name=filename))
        # As Wagtail's upload form does: record the size and hash with the file.
        document._set_document_file_metadata()
        document.save()
        return document

    return make


def pytest_terminal_summary(terminalreporter):
    """Print the page budgets' figures (tests/test_page_budget.py) at the end of the run.

    Read from the tests' reports, which pytest-xdist's workers send back to the main process,
    so the figures show however many processes ran the suite.
    """
    reports = [
        report
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
    ]
    tables = [
        value for report in reports for name, value in report.user_properties if name == "budget"
    ]
    if tables:
        terminalreporter.section("Page budgets")
        for table in tables:
            terminalreporter.write_line(table)


@pytest.fixture
def offices(root_page):
    nairobi = make_office(root_page, "Nairobi")
    suva = make_office(root_page, "Suva", region="Pacific", time_zone="Pacific/Fiji")
    return nairobi, suva


@pytest.fixture
def template(admin_client, root_page, django_capture_on_commit_callbacks):
    root_page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            add_page_url(WorkshopTemplatePage, root_page), slotted_workshop_form()
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return WorkshopTemplatePage.objects.get(slug="parliament-where-you-are")


@pytest.fixture
def edition(admin_client, template, offices, django_capture_on_commit_callbacks):
    """Nairobi's edition of the template, as a draft with nothing filled."""
    nairobi = offices[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            add_page_url(LocalEditionPage, nairobi.page), edition_form(template, nairobi)
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return LocalEditionPage.objects.get(location=nairobi)


@pytest.fixture
def quiz_page(root_page):
    return make_quiz_page(root_page)


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("amina", "amina@example.org", "pw")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def facilitator(django_user_model):
    """A signed-in person allowed to present group quizzes, though not to edit pages."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("tomas", "tomas@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="present_quiz"))
    return user


@pytest.fixture
def facilitator_client(facilitator):
    from django.test import Client

    client = Client()
    client.force_login(facilitator)
    return client


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
