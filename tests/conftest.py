import pytest
from wagtail.models import Page, Site

# Offices, a slotted template and editions, for every test that needs them.
pytest_plugins = ["tests.edition_data", "tests.quiz_data"]


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
