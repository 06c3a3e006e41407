"""A member of staff's path, as they walk it: sign in, find their office's edition, take its
quiz, see their results; at 1280 px and at 390 px, with axe on every screen."""

from io import StringIO

import pytest
from django.core.management import call_command

from example_site.intranet.demo.people import DEMO_PEOPLE_PASSWORD
from wagtail_learninggroups.models import LocalEditionPage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]
BLOCKING = {"serious", "critical"}


def check(page, where, width):
    """No serious axe finding, and nothing wider than the screen."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    blocking = [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], (where, width, blocking)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, (where, width, scroll)


def answer_every_question(page):
    for question in page.locator(".lg-question").all():
        for kind in ("radio", "checkbox"):
            choices = question.get_by_role(kind)
            if choices.count():
                choices.first.check()
        # Orders and matches take each position once: the n-th menu gets the n-th choice.
        for number, select in enumerate(question.locator("select").all(), start=1):
            select.select_option(index=number)
        for box in question.get_by_role("textbox").all():
            box.fill("Committees examine the bill line by line.")


@pytest.mark.parametrize("width", [1280, 390])
def test_staff_sign_in_find_their_edition_take_its_quiz_and_see_their_results(
    browser, live_server, settings, width
):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    settings.WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
    call_command("load_demo_content", stdout=StringIO())
    nairobi = LocalEditionPage.objects.get(location__slug="nairobi")
    # The demo's Nairobi edition is a draft: here its editor has published it.
    nairobi.save_revision().publish()
    template = nairobi.workshop
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url
    )
    page = context.new_page()

    # Sign in, through the intranet's own sign-in, from the workshop's page.
    page.goto(template.url)
    page.get_by_role("link", name="Sign in").first.click()
    check(page, "sign-in", width)
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(DEMO_PEOPLE_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{template.url}")
    assert page.get_by_text("Amina Odhiambo").first.is_visible()

    # Find the office's edition from the template.
    assert page.get_by_text("Your office: Nairobi").is_visible()
    check(page, "template", width)
    page.get_by_role("link", name="Read Nairobi’s edition").click()
    page.wait_for_url(f"**{nairobi.url}")
    check(page, "edition", width)

    # Take its quiz.
    answer_every_question(page)
    page.get_by_role("button", name="Submit answers").click()
    page.get_by_role("heading", name="Your result").wait_for()
    assert " points (" in page.locator(".lg-quiz").first.inner_text()
    check(page, "result", width)

    # See the results, from the header.
    if width < 600 and page.get_by_role("link", name="My quiz results").count() == 0:
        pytest.fail("My quiz results is not reachable on a phone")
    page.get_by_role("link", name="My quiz results").first.click()
    page.wait_for_url("**/learning-groups/quiz/my-results/")
    assert page.get_by_role("heading", name="Check your understanding").is_visible()
    check(page, "my results", width)
    context.close()
