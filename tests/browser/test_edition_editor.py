"""A local editor fills an edition in the real Wagtail admin, in Chromium.

The slot's instructions show inside the empty input and give way when the editor types;
publishing with a required slot empty is refused with a message naming it; once filled, the
edition publishes and readers see the office's content in place of the slot.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from wagtail_learninggroups.models import LocalEditionPage

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "_static" / "screenshots"
SAVE = os.environ.get("LEARNINGGROUPS_SCREENSHOTS") == "1"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


@pytest.fixture
def admin_page(browser, live_server, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("learninggroups-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_load_state("networkidle")


def guidance_shown(line):
    """What the rich text editor draws in an empty line: the slot's guidance, never stored."""
    return line.evaluate("element => getComputedStyle(element, '::before').content")


def shot(page, name, tmp_path, locator=None):
    target = (DOCS_SCREENSHOTS if SAVE else tmp_path) / name
    (locator or page).screenshot(path=target)
    assert target.stat().st_size > 2000


def test_a_local_editor_fills_and_publishes_an_edition(admin_page, tmp_path, live_server):
    page = admin_page
    suva = LocalEditionPage.objects.get(location__slug="suva")
    page.goto(f"/admin/pages/{suva.pk}/edit/")

    why_here = page.locator("#lg-slot-demo-why-here")
    first_line = why_here.locator(".Draftail-block--unstyled").first
    assert "a recent vote at home or in the host country" in guidance_shown(first_line)
    expert = page.locator("#lg-slot-demo-local-expert")
    name = expert.get_by_role("textbox").first
    assert "Who opens the discussion" in name.get_attribute("placeholder")
    # The editor as a local editor first sees the slots, just below the session details.
    why_here.scroll_into_view_if_needed()
    page.mouse.move(640, 500)
    page.mouse.wheel(0, 650)
    page.wait_for_timeout(300)
    shot(page, "editor-local-edition.png", tmp_path)

    # The guidance gives way as soon as the editor types.
    why_here.locator("[contenteditable=true]").click()
    page.keyboard.type("Fiji's parliament is reviewing the climate mobility bill.")
    assert "a recent vote" not in guidance_shown(
        why_here.locator(".Draftail-block--unstyled").first
    )

    # The rich text editor writes its hidden input a moment after the last key, as it does
    # for a person who pauses before clicking.
    page.wait_for_function(
        """() => document.querySelector('[name="lg-fill-demo-why-here-0-value"]')
            .value.includes('climate mobility')"""
    )
    # Publishing with the local expert still empty is refused, naming the slot.
    publish(page)
    message = page.locator(".messages")
    assert "cannot be published while required slots are empty" in message.inner_text()
    assert "A colleague who knows the host country’s legislature" in message.inner_text()
    assert "Why parliament matters" not in message.inner_text()  # the typed text was kept
    shot(page, "editor-publish-refused.png", tmp_path, message)
    suva.refresh_from_db()
    assert not suva.live

    expert = page.locator("#lg-slot-demo-local-expert")
    boxes = expert.get_by_role("textbox")
    boxes.nth(0).fill("Litia Vunibola")
    boxes.nth(1).fill("Political assistant, formerly a clerk of the parliamentary committees")
    publish(page)
    suva.refresh_from_db()
    assert suva.live

    assert page.goto("/offices/suva/how-parliament-works/").status == 200
    text = page.locator("main").inner_text()
    assert "Fiji's parliament is reviewing the climate mobility bill." in text
    assert "Litia Vunibola" in text
    assert "Each office adds" not in text


ADMIN_SCREENS = [
    "edition editor",
    "roll-out form",
    "completeness report",
]


@pytest.mark.parametrize("screen", ADMIN_SCREENS)
def test_our_admin_screens_have_no_serious_accessibility_violations(admin_page, screen, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import BLOCKING, describe
    from wagtail_learninggroups.models import WorkshopTemplatePage

    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    nairobi = LocalEditionPage.objects.get(location__slug="nairobi")
    path = {
        "edition editor": f"/admin/pages/{nairobi.pk}/edit/",
        "roll-out form": f"/admin/learninggroups/rollout/{template.pk}/",
        "completeness report": "/admin/learninggroups/reports/completeness/",
    }[screen]
    assert admin_page.goto(path).status == 200
    if screen == "completeness report":
        shot(admin_page, "admin-completeness-report.png", tmp_path)
    if screen == "roll-out form":
        shot(admin_page, "admin-rollout.png", tmp_path)
    # Our part of the screen: the slots panel, the report's chart and table, the form.
    include = {"edition editor": ".lg-fills", "roll-out form": "main form",
               "completeness report": "main"}[screen]  # fmt: skip
    result = Axe().run(admin_page, context={"include": [[include]]})
    violations = result.response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], describe(blocking)
