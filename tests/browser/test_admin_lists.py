"""The admin's listings read well at a desktop width: no word broken, states on one line.

wagtail-modeladmin gives every cell of its listings the class "title", which Wagtail's admin
styles let break anywhere in a word, so a narrow column showed "Washingt on". The completeness
report's "No edition" is a label, which wrapped in a squeezed column.
"""

import pytest

from wagtail_learninggroups.models import WorkshopTemplatePage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]

#: The pieces of text (between spaces, slashes and hyphens, where a line may break) of each cell
#: of the listing that the browser draws on more than one line.
BROKEN_WORDS = """() => [...document.querySelectorAll("main table.listing td")].flatMap((cell) => {
    const broken = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        for (const word of node.data.matchAll(/[^\\s\\/-]+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            if (range.getClientRects().length > 1) broken.push(word[0]);
        }
    }
    return broken;
})"""

LISTINGS = {
    "champions": "/admin/wagtail_learninggroups/champion/",
    "locations": "/admin/wagtail_learninggroups/location/",
    "curriculum": "/admin/wagtail_learninggroups/curriculummodule/",
    "quiz attempts": "/admin/wagtail_learninggroups/quizattempt/",
}


def take_a_quiz_twice():
    """Two attempts at a quiz of every question type, so the listing of attempts has rows."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Site

    from tests.quizzes.factories import correct_answers, make_quiz_page, post_quiz, wrong_answers

    quiz_page = make_quiz_page(Site.objects.get(is_default_site=True).root_page)
    for name, answers in [
        ("listing-reader-1", correct_answers()),
        ("listing-reader-2", wrong_answers()),
    ]:
        client = Client()
        client.force_login(get_user_model().objects.create_user(name, f"{name}@example.org"))
        assert post_quiz(client, quiz_page, answers).status_code == 302


@pytest.mark.parametrize("listing", LISTINGS)
def test_modeladmin_listings_break_no_word_at_1280_px(admin_page, listing):
    if listing == "quiz attempts":
        take_a_quiz_twice()
    assert admin_page.goto(LISTINGS[listing]).status == 200
    assert admin_page.locator("main table.listing td").count() > 0
    assert admin_page.evaluate(BROKEN_WORDS) == []


def test_the_office_washington_is_on_one_line_in_the_champions_listing(admin_page):
    admin_page.goto(LISTINGS["champions"])
    cell = admin_page.locator("main table.listing td", has_text="Washington").first
    lines = cell.evaluate(
        """(cell) => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            while (walker.nextNode() && !walker.currentNode.data.includes("Washington"));
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            return range.getClientRects().length;
        }"""
    )
    assert lines == 1, "Washington is drawn on more than one line"


def test_the_no_edition_state_is_a_label_on_one_line(admin_page):
    # A long title, as real workshops have, takes the width of the report's table.
    WorkshopTemplatePage.objects.filter(slug="how-parliament-works").update(
        title="How parliament works: from a bill's first reading to the law your office applies"
    )
    admin_page.goto("/admin/learninggroups/reports/completeness/")
    tags = admin_page.locator("main table.listing td .w-status", has_text="No edition")
    assert tags.count() > 0
    for tag in tags.all():
        shape = tag.evaluate(
            """(tag) => ({
                element: tag.tagName,
                inside: Boolean(tag.closest("a, button")),
                role: tag.getAttribute("role"),
                height: tag.getBoundingClientRect().height,
                line: parseFloat(getComputedStyle(tag).lineHeight),
            })"""
        )
        assert shape["element"] == "SPAN" and not shape["inside"] and shape["role"] is None
        # One line of text, with the label's padding and border.
        assert shape["height"] < 1.5 * shape["line"], shape
