"""Champions in Chromium, on the demo intranet: the directory by keyboard, and axe-core.

A reader narrows the directory to an office with the keyboard alone and opens a champion's
profile; axe-core finds nothing serious on the directory, a profile, an award page and a page
with a spotlight, a list and an awards block.

With ``LEARNINGGROUPS_SCREENSHOTS=1`` the champions' pictures are saved to
``docs/_static/screenshots/`` for the docs; otherwise they go to a temporary folder.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.screens import shot
from tests.champions.factories import awards_block, champions_list, publish, spotlight
from tests.testapp.models import HostLearningPage
from wagtail_learninggroups.models import Champion, ChampionDirectoryPage

pytestmark = [
    # Serialized rollback restores the page tree that migrations create, which a flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


@pytest.fixture
def directory(settings):
    """The demo intranet, with its champions and their directory."""
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    return ChampionDirectoryPage.objects.get()


@pytest.fixture
def page(browser, live_server, directory):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    yield context.new_page()
    context.close()


def focused(page):
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            return {
                tag: element.tagName.toLowerCase(),
                name: element.getAttribute("name"),
                text: element.innerText || "",
                href: element.getAttribute("href"),
            };
        }"""
    )


def tab_to(page, matches, limit=60):
    """Press Tab until the focused element ``matches``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
    pytest.fail(f"Tab never reached the element wanted; last focused: {focused(page)}")


def names(page):
    return [
        name.strip() for name in page.locator(".lg-directory .lg-champion__name").all_inner_texts()
    ]


def test_a_reader_filters_by_office_with_the_keyboard_and_opens_a_profile(page, directory):
    assert page.goto(directory.url).status == 200
    everyone = names(page)
    assert len(everyone) == Champion.objects.active().count() > 1
    assert "Mere Tuilagi" in everyone

    tab_to(page, lambda element: element["name"] == "office")
    page.keyboard.type("Suva")
    assert page.locator('select[name="office"] option:checked').inner_text() == "Suva"
    tab_to(
        page, lambda element: element["tag"] == "button" and "Find champions" in element["text"]
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "office=suva" in page.url
    assert names(page) == ["Mere Tuilagi"]
    assert page.locator('select[name="office"]').input_value() == "suva"
    assert page.locator(".lg-directory__count").inner_text().strip() == "One champion"

    tab_to(
        page, lambda element: element["tag"] == "a" and element["text"].strip() == "Mere Tuilagi"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"{directory.url}mere-tuilagi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mere Tuilagi"
    assert "Learning champion of the year" in page.locator(".lg-profile__awards").inner_text()


def test_champion_screens_have_no_serious_accessibility_violations(page, directory, tmp_path):
    """axe-core on the directory, a profile, an award page and a page of champions blocks.

    The champions' pictures for the docs are taken on the way.
    """
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import BLOCKING, describe

    amara = Champion.objects.get(slug="amara-okafor")
    award = amara.awards.first()
    home = directory.get_parent()
    blocks_page = HostLearningPage(
        title="Our champions",
        slug="our-champions",
        body=[
            spotlight(amara, layout="feature"),
            champions_list("all", heading="Everyone"),
            awards_block(award.year),
        ],
    )
    home.add_child(instance=blocks_page)
    publish(blocks_page)

    axe = Axe()
    found = {}

    def check(screen, path):
        assert page.goto(path).status == 200, path
        violations = axe.run(page).response["violations"]
        blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
        if blocking:
            found[screen] = describe(blocking)

    check("the directory", directory.url)
    shot(page, "champions-directory.png", tmp_path)
    check("the directory, filtered to nothing", directory.url + "?office=nowhere")
    check("a profile", f"{directory.url}{amara.slug}/")
    shot(page, "champion-profile.png", tmp_path)
    check("an award page", f"{directory.url}awards/{award.title_slug}/")
    assert amara.name in page.locator(".lg-award-page").inner_text()
    check("a page with a spotlight, a list and awards", blocks_page.url)
    assert page.locator(".lg-spotlight").count() == 1
    assert page.locator(".lg-champions .lg-champion").count() > 1
    assert award.title in page.locator(".lg-awards").inner_text()

    # The spotlight for the docs, as the demo's home page (in the intranet's look) shows it.
    assert page.goto("/").status == 200
    home_spotlight = page.locator(".lg-spotlight").first
    assert Champion.objects.get(slug="daniel-akol").name in home_spotlight.inner_text()
    shot(home_spotlight, "champion-spotlight.png", tmp_path)

    report = "\n".join(f"{screen}:\n{violations}" for screen, violations in found.items())
    assert found == {}, report
