"""Light pages: what we ship to browsers and the demo workshop's HTML stay within budget.

Staff read these pages on slow office links. The CSS and JavaScript readers load together stay
under 30 KB uncompressed (the admin's, which editors load in Wagtail's admin, have a budget of
their own), and each view of the demo workshop is under 100 KB of HTML (images aside: they
load separately, as renditions sized for the page). The figures are printed on every run, so a
change that spends the budget shows how much it spent: they are printed at the end of the run,
under "Page budgets", also when the suite runs in several processes.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

import wagtail_learninggroups
from tests.demo_paths import WORKSHOP_VIEWS as DEMO_WORKSHOP_VIEWS

STATIC = Path(wagtail_learninggroups.__file__).parent / "static" / "wagtail_learninggroups"
CSS_AND_JS_BUDGET = 30 * 1024
ADMIN_CSS_AND_JS_BUDGET = 20 * 1024
#: What only the Wagtail admin loads: editors' screens, not readers' pages.
ADMIN_FILES = {
    "css/learninggroups-admin.css",
    "js/editor.js",
    "js/rollout.js",
    "js/slot-key.js",
}
HTML_BUDGET = 100 * 1024


def kilobytes(size):
    return f"{size / 1024:.1f} KB"


def report(record_property, title, sizes, budget):
    """Keep one table of sizes against its budget for the end of the run (see conftest.py)."""
    lines = [f"{title} (budget {kilobytes(budget)})"]
    lines += [f"  {kilobytes(size):>9}  {name}" for name, size in sizes.items()]
    record_property("budget", "\n".join(lines))


def static_sizes():
    files = sorted(STATIC.rglob("*.css")) + sorted(STATIC.rglob("*.js"))
    return {str(path.relative_to(STATIC)): path.stat().st_size for path in files}


def test_the_css_and_javascript_readers_load_stay_under_30_kb(record_property):
    sizes = {name: size for name, size in static_sizes().items() if name not in ADMIN_FILES}
    assert "css/learninggroups.css" in sizes and "js/quiz.js" in sizes  # the budget counts both
    sizes["in all"] = sum(sizes.values())
    report(record_property, "Readers' CSS and JavaScript, uncompressed", sizes, CSS_AND_JS_BUDGET)
    assert sizes["in all"] < CSS_AND_JS_BUDGET


def test_the_admins_css_and_javascript_stay_under_20_kb(record_property):
    sizes = {name: size for name, size in static_sizes().items() if name in ADMIN_FILES}
    assert "css/learninggroups-admin.css" in sizes
    sizes["in all"] = sum(sizes.values())
    report(
        record_property, "Admin CSS and JavaScript, uncompressed", sizes, ADMIN_CSS_AND_JS_BUDGET
    )
    assert sizes["in all"] < ADMIN_CSS_AND_JS_BUDGET


@pytest.mark.django_db
@pytest.mark.urls("example_site.urls")
def test_each_view_of_the_demo_workshop_is_under_100_kb_of_html(client, settings, record_property):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    sizes = {}
    for path in DEMO_WORKSHOP_VIEWS:
        response = client.get(path)
        assert response.status_code == 200, path
        sizes[path] = len(response.content)
    report(record_property, "HTML of the demo workshop's views, images aside", sizes, HTML_BUDGET)
    # The demo workshop is a full one: agenda, slots, resources, guidance, quiz and spotlight.
    assert min(sizes.values()) > 10 * 1024
    over = {path: kilobytes(size) for path, size in sizes.items() if size >= HTML_BUDGET}
    assert over == {}
