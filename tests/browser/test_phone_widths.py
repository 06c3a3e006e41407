"""Every reader page of the demo intranet fits a phone: nothing scrolls sideways.

Staff open workshops on their phones on the way to a session. At 320 px (a small phone) and at
390 px (a common one) each page the demo builds must lay out at the screen's width and stay
within it: ``document.documentElement.scrollWidth`` is no wider than ``window.innerWidth``.

The pages are found from the demo's page tree, so a page added to the demo is checked too. A
reader, signed in so that pages show the most, visits every live page, the facilitator view and
the facilitator pack of each workshop and edition, a champion's profile and an award page, their
quiz results and one attempt's result (after taking the demo's quiz, so the results hold a
table), their office, the sign-in page and the results of a search.
"""

from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from wagtail_learninggroups.models import (
    Champion,
    ChampionDirectoryPage,
    LocalEditionPage,
    WorkshopTemplatePage,
)

pytestmark = [
    # Serialized rollback restores the page tree that migrations create, which a flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]

#: A small phone and a common one, in CSS pixels.
PHONE_WIDTHS = [320, 390]

#: How wide the page is, how wide the window is, and the outermost elements that reach past the
#: phone's width (so that a failure says what to fix, not only where). A phone browser zooms out
#: to show a page wider than the screen, which widens the window too: the phone's own width
#: is the measure, and the window must keep it.
MEASURE = """(width) => {
    const name = (element) => element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + [...element.classList].map((c) => "." + c).join("");
    const right = (element) => element.getBoundingClientRect().right + window.scrollX;
    const sticksOut = (element) => right(element) > width + 0.5;
    const culprits = [...document.body.querySelectorAll("*")]
        .filter((element) => sticksOut(element) && !sticksOut(element.parentElement))
        .slice(0, 3)
        .map((element) => `${name(element)} to ${Math.round(right(element))} px`);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        culprits,
    };
}"""

#: Answers the quiz on the page with whatever comes first: the first choice of each question,
#: "1" in each text box, and a different option in each list, so that the form is accepted.
ANSWER_ANYTHING = """(form) => {
    for (const fieldset of form.querySelectorAll("fieldset")) {
        for (const type of ["radio", "checkbox"]) {
            const first = fieldset.querySelector(`input[type="${type}"]`);
            if (first) first.checked = true;
        }
        fieldset.querySelectorAll('input[type="text"], textarea').forEach((box) => {
            box.value = "1";
        });
        fieldset.querySelectorAll("select").forEach((list, index) => {
            list.selectedIndex = Math.min(index + 1, list.options.length - 1);
        });
    }
}"""


@pytest.fixture
def demo_site(settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    call_command("update_index", stdout=StringIO())  # so that the search finds pages
    return Site.objects.get(is_default_site=True)


def reader_paths(site):
    """The address of every page a reader of the demo can open, found from its page tree."""
    paths = []
    pages = site.root_page.get_descendants(inclusive=True).live().public().specific()
    for page in pages:
        paths.append(page.url)
        if isinstance(page, (WorkshopTemplatePage, LocalEditionPage)):
            paths += [page.url + "facilitator/", page.url + "print/"]
        if isinstance(page, ChampionDirectoryPage):
            # The champion with the most awards has the fullest profile.
            champion = (
                Champion.objects.filter(active=True)
                .annotate(award_count=Count("awards"))
                .order_by("-award_count", "name")
                .first()
            )
            award = champion.awards.first() if champion else None
            assert award is not None, "the demo has no champion with an award"
            paths += [page.profile_url(champion), page.award_url(award.title)]
    workshops = [path for path in paths if path.endswith("/print/")]
    assert len(workshops) >= 2, f"the demo should have a template and an edition: {paths}"
    paths += [
        reverse("search") + "?q=parliament",
        reverse("login"),
        reverse("wagtail_learninggroups:my_office"),
    ]
    return paths


def sign_in_a_reader(context, live_server):
    """Sign the browser in as a member of staff without access to the admin.

    Signed in, pages show the most: the quiz's form rather than a link to sign in, and the
    champions' contact details.
    """
    reader = get_user_model().objects.create_user("reader", "reader@example.org", "reader-pw")
    client = Client()
    client.force_login(reader)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def take_the_demo_quiz(page):
    """Submit the demo workshop's quiz, so that "My quiz results" lists an attempt."""
    workshop = WorkshopTemplatePage.objects.live().filter(slug="how-parliament-works").first()
    assert workshop is not None, "the demo has no workshop on parliament"
    page.goto(workshop.url)
    form = page.locator("form.lg-quiz__form").first
    form.evaluate(ANSWER_ANYTHING)
    form.get_by_role("button", name="Submit answers").click()
    page.locator(".lg-quiz__score").first.wait_for()


@pytest.mark.parametrize("width", PHONE_WIDTHS, ids=[f"{width}px" for width in PHONE_WIDTHS])
def test_no_reader_page_scrolls_sideways_on_a_phone(browser, live_server, demo_site, width):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
    )
    sign_in_a_reader(context, live_server)
    page = context.new_page()
    take_the_demo_quiz(page)
    my_results = reverse("wagtail_learninggroups:my_quiz_results")
    page.goto(my_results)
    attempt = page.locator(".lg-my-results table a").first
    assert attempt.count() == 1, "the quiz taken at the start is not among my results"
    paths = [*reader_paths(demo_site), my_results, attempt.get_attribute("href")]

    too_wide = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        measured = page.evaluate(MEASURE, width)
        if measured["innerWidth"] != width or measured["scrollWidth"] > measured["innerWidth"]:
            culprits = "; ".join(measured["culprits"]) or "nothing reaches past the phone's width"
            too_wide.append(
                f"{path}: {measured['scrollWidth']} px wide, window {measured['innerWidth']} px "
                f"({culprits})"
            )
    context.close()

    assert too_wide == [], f"At {width} px, pages scroll sideways:\n" + "\n".join(too_wide)
