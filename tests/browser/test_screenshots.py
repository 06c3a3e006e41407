"""The demo's pages and blocks as a reader sees them, in a real browser.

``make screenshots`` runs this file with ``LEARNINGGROUPS_SCREENSHOTS=1`` to regenerate the
pictures in ``docs/_static/screenshots/`` from the demo content, so the docs show what the code
does today. Without it, the same checks run and the pictures go to a temporary folder.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.screens import shot

WORKSHOP = "/workshops/how-parliament-works/"
FACILITATOR = WORKSHOP + "facilitator/"
EDITION = "/offices/washington/how-parliament-works/"

# (file name, path, element to photograph or None for the top of the page)
SHOTS = [
    ("demo-home.png", "/", None),
    ("page-index.png", "/workshops/", None),
    ("page-workshop.png", WORKSHOP, None),
    ("page-facilitator.png", FACILITATOR, None),
    ("block-objectives.png", WORKSHOP, ".lg-objectives"),
    ("block-agenda.png", FACILITATOR, ".lg-agenda"),
    ("block-discussion.png", WORKSHOP, ".lg-discussion"),
    ("block-resources.png", WORKSHOP, ".lg-resources"),
    ("block-guidance.png", FACILITATOR, ".lg-guidance"),
    ("block-preparation.png", FACILITATOR, ".lg-preparation"),
    ("block-slot-placeholder.png", WORKSHOP, ".lg-slot--placeholder"),
    ("page-edition.png", EDITION, None),
    ("block-slot-filled.png", EDITION, ".lg-agenda"),
]

pytestmark = [
    # Serialized rollback restores the page tree that migrations create, which a flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


@pytest.fixture
def demo_site(settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def page(browser, live_server, demo_site):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("name", "path", "selector"), SHOTS, ids=[shot[0] for shot in SHOTS])
def test_demo_page_and_block_as_a_reader_sees_them(page, tmp_path, name, path, selector):
    response = page.goto(path)
    assert response.status == 200
    if selector is None:
        shot(page, name, tmp_path)
    else:
        element = page.locator(selector).first
        assert element.is_visible(), f"{selector} is not visible on {path}"
        shot(element, name, tmp_path)
