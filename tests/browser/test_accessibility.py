"""axe-core (bundled by axe-playwright-python, nothing fetched) on every public page type."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.demo_paths import WORKSHOP_VIEWS

PAGES = [
    "/",
    "/workshops/",
    *WORKSHOP_VIEWS,
    "/learning/",
    "/offices/",
    "/offices/juba/",
    "/search/?q=parliament",
]
BLOCKING = {"serious", "critical"}

pytestmark = [
    # Serialized rollback restores the page tree that migrations create, which a flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(f"    {node['target']}: {node['html'][:120]}" for node in violation["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, live_server, settings, path):
    from axe_playwright_python.sync_playwright import Axe

    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    call_command("update_index", stdout=StringIO())
    page = browser.new_page()
    assert page.goto(live_server.url + path).status == 200
    violations = Axe().run(page).response["violations"]
    page.close()
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert blocking == [], describe(blocking)
