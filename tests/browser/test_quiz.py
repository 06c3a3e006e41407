"""Quizzes as staff take them, in Chromium: with and without JavaScript, and by keyboard alone.

A member answers every question type and sees the result in place (with the script) or on the
attempt's page (without); a form sent incomplete comes back with an error summary that links to
each question and keeps the answers given; nothing on the page gives the answers away before
submitting; a group quiz is presented one question at a time with the answer revealed on demand;
and axe-core finds nothing serious on any of these screens.

With ``LEARNINGGROUPS_SCREENSHOTS=1`` the quiz's pictures are saved to
``docs/_static/screenshots/`` for the docs; otherwise they go to a temporary folder.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.browser.screens import shot
from tests.quizzes.factories import QUIZ_KEY, make_quiz_page, quiz_url
from wagtail_learninggroups.models import QuizAttempt

DOM_ID = f"lg-quiz-{QUIZ_KEY}"
#: The questions that must be answered (all but the reflection), in the order they are shown.
REQUIRED = ["q-single", "q-multiple", "q-tf", "q-text", "q-number", "q-order", "q-match"]
#: The place of each item of the order question; the form shows the items shuffled.
PLACES = {"q-q-order-i-first": "1", "q-q-order-i-committee": "2", "q-q-order-i-third": "3"}
#: The match of each item of the match question, as the options read.
MATCHES = {"q-q-match-p-speaker": "Lower house", "q-q-match-p-lord": "Upper house"}

#: What only the answer key holds: none of it may reach the browser before submitting.
SECRETS = [
    "Because:",  # every explanation starts so
    "Yes.",  # choice feedback
    "Not here.",
    "A court.",
    "The Speaker",  # an accepted answer that is no item of any question
    "Revisit the e-learning.",  # score bands
    "Well done.",
    "±",  # the tolerance as results show it
    "The answer:",
    "Your result",
]
#: Words of the answer key that have no business in the form's markup, in any case.
SECRET_WORDS = ["correct", "explanation", "feedback", "tolerance", "accepted", "data-correct"]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def question(page, question_id):
    return page.locator(f"fieldset#{DOM_ID}-{question_id}")


def choose(page, question_id, label):
    question(page, question_id).get_by_label(label, exact=True).check()


def answer_everything(page):
    """Answer every question right, as a person with a mouse does."""
    choose(page, "q-single", "The voters")
    choose(page, "q-multiple", "Lower house")
    choose(page, "q-multiple", "Upper house")
    choose(page, "q-tf", "True")
    question(page, "q-text").get_by_role("textbox").fill("the speaker")
    question(page, "q-number").get_by_role("textbox").fill("349")
    for name, place in PLACES.items():
        page.locator(f'select[name="{name}"]').select_option(place)
    for name, match in MATCHES.items():
        page.locator(f'select[name="{name}"]').select_option(label=match)
    question(page, "q-reflect").get_by_role("textbox").fill("How long it takes to pass a bill.")


def submit(page):
    page.get_by_role("button", name="Submit answers").click()


def active_element(page):
    """What has keyboard focus: its tag, id, name, value, checked state and data attributes."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            return {
                tag: element.tagName.toLowerCase(),
                id: element.id,
                name: element.getAttribute("name"),
                value: element.value === undefined ? null : element.value,
                checked: Boolean(element.checked),
                data: element.getAttributeNames().filter(name => name.startsWith("data-")),
            };
        }"""
    )


def wait_for_focus_on(page, attribute):
    page.wait_for_function(
        "attribute => document.activeElement && document.activeElement.hasAttribute(attribute)",
        arg=attribute,
    )


def assert_no_secrets(html, where):
    for secret in SECRETS:
        assert secret not in html, f"{where} holds {secret!r} before the quiz is submitted"
    lowered = html.lower()
    for word in SECRET_WORDS:
        assert word not in lowered, f"{where} holds {word!r} before the quiz is submitted"
    # The correct number, as a number of its own (not part of a token or an id).
    assert not re.search(r"(?<![\w.-])349(?![\w.-])", html), f"{where} holds the number 349"


@pytest.fixture
def open_context(browser, live_server):
    """Open a browser context on the live server, signed in as ``user`` if given."""
    contexts = []

    def open_(user=None, javascript=True):
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=javascript,
            viewport={"width": 1280, "height": 900},
        )
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
        contexts.append(context)
        return context

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def member_page(open_context, member):
    """A page of a browser, with JavaScript, signed in as a member."""
    return open_context(member).new_page()


def test_with_javascript_the_result_replaces_the_quiz_in_place(member_page, quiz_page, member):
    page = member_page
    assert page.goto(quiz_page.url).status == 200
    address = page.url
    quiz = page.locator(f"section#{DOM_ID}")
    assert quiz.get_by_role("heading", name="Parliament check").is_visible()

    answer_everything(page)
    with page.expect_response(
        lambda response: (
            response.request.method == "POST"
            and response.request.headers.get("x-lg-quiz") == "fragment"
        )
    ) as posted:
        submit(page)
    assert posted.value.status == 200

    result = quiz.locator("[data-lg-quiz-result]")
    result.get_by_role("heading", name="Your result").wait_for()
    wait_for_focus_on(page, "data-lg-quiz-result")
    assert page.url == address
    text = result.inner_text()
    assert "8 of 8 points (100%)" in text
    assert "Passed" in text
    assert "Well done." in text
    assert "data-lg-quiz-result" in active_element(page)["data"]
    assert page.locator("form[data-lg-quiz-form]").count() == 0

    attempt = QuizAttempt.objects.get(user=member)
    assert (attempt.percent, attempt.passed) == (100, True)


def test_without_javascript_errors_keep_the_answers_and_the_result_is_a_page(
    open_context, member, quiz_page
):
    page = open_context(member, javascript=False).new_page()
    assert page.goto(quiz_page.url).status == 200
    standalone = quiz_url(quiz_page)

    # Nothing answered: every question but the reflection is named in the summary, and each
    # link points at its question's fieldset.
    with page.expect_navigation():
        submit(page)
    assert page.url.endswith(standalone)
    summary = page.locator("[data-lg-quiz-errors]")
    assert summary.get_by_role("heading", name="Some answers need another look").is_visible()
    links = summary.get_by_role("link")
    assert [link.get_attribute("href") for link in links.all()] == [
        f"#{DOM_ID}-{question_id}" for question_id in REQUIRED
    ]
    for link in links.all():
        fieldset_id = link.get_attribute("href").removeprefix("#")
        target = page.locator(f"fieldset#{fieldset_id}")
        assert target.count() == 1
        # The question says what is wrong with it, too.
        assert target.get_attribute("aria-describedby") == f"{fieldset_id}-error"
    # Following a link of the summary takes the reader to the question.
    links.nth(3).click()
    assert page.url.endswith(f"{standalone}#{DOM_ID}-q-text")

    # Some answers given: they are kept, and only the rest is named.
    choose(page, "q-single", "The voters")
    question(page, "q-text").get_by_role("textbox").fill("The Speaker")
    page.locator('select[name="q-q-order-i-first"]').select_option("1")
    with page.expect_navigation():
        submit(page)
    assert question(page, "q-single").get_by_label("The voters", exact=True).is_checked()
    assert question(page, "q-text").get_by_role("textbox").input_value() == "The Speaker"
    assert page.locator('select[name="q-q-order-i-first"]').input_value() == "1"
    hrefs = [link.get_attribute("href") for link in summary.get_by_role("link").all()]
    answered = {"q-single", "q-text"}
    assert hrefs == [f"#{DOM_ID}-{qid}" for qid in REQUIRED if qid not in answered]

    # Everything answered: the form goes to the attempt's own page with the score.
    answer_everything(page)
    with page.expect_navigation():
        submit(page)
    attempt = QuizAttempt.objects.get(user=member)
    assert page.url.endswith(reverse("wagtail_learninggroups:quiz_attempt", args=[attempt.pk]))
    result = page.locator("[data-lg-quiz-result]")
    assert result.get_by_role("heading", name="Your result").is_visible()
    assert "8 of 8 points (100%)" in result.inner_text()
    assert "Passed" in result.inner_text()


def test_keyboard_alone_answers_and_submits_the_quiz(member_page, quiz_page, member):
    page = member_page
    keyboard = page.keyboard
    assert page.goto(quiz_page.url).status == 200
    address = page.url

    def at(name, value=None):
        element = active_element(page)
        assert element["name"] == name, element
        if value is not None:
            assert element["value"] == value, element
        return element

    # Single choice: into the group on its first choice, then the arrows move the choice.
    keyboard.press("Tab")
    at("q-q-single", "c-voters")
    keyboard.press("ArrowDown")
    assert at("q-q-single", "c-king")["checked"]
    keyboard.press("ArrowUp")
    assert at("q-q-single", "c-voters")["checked"]

    # Multiple choice: each box is a stop of its own; Space ticks it.
    keyboard.press("Tab")
    at("q-q-multiple", "c-lower")
    keyboard.press("Space")
    keyboard.press("Tab")
    at("q-q-multiple", "c-upper")
    keyboard.press("Space")
    keyboard.press("Tab")
    keyboard.press("Tab")
    assert not at("q-q-multiple", "c-cabinet")["checked"]

    # True or false.
    keyboard.press("Tab")
    at("q-q-tf", "true")
    keyboard.press("Space")
    assert at("q-q-tf", "true")["checked"]

    # Short text and number; Shift+Tab goes back.
    keyboard.press("Tab")
    at("q-q-text")
    keyboard.type("The Speaker")
    keyboard.press("Tab")
    at("q-q-number")
    keyboard.type("348")
    keyboard.press("Shift+Tab")
    assert at("q-q-text")["value"] == "The Speaker"
    keyboard.press("Tab")
    assert at("q-q-number")["value"] == "348"

    # Order: the items come shuffled; typing a place picks it in the focused list.
    for _item in PLACES:
        keyboard.press("Tab")
        name = active_element(page)["name"]
        keyboard.type(PLACES[name])
        at(name, PLACES[name])

    # Match: typing the first letter picks the option.
    for name, match in MATCHES.items():
        keyboard.press("Tab")
        at(name)
        keyboard.type(match[0])
        assert page.locator(f'select[name="{name}"] option:checked').inner_text() == match

    keyboard.press("Tab")
    at("q-q-reflect")
    keyboard.type("How long it takes to pass a bill.")

    keyboard.press("Tab")
    assert active_element(page)["tag"] == "button"
    keyboard.press("Enter")

    wait_for_focus_on(page, "data-lg-quiz-result")
    assert page.url == address
    result = page.locator("[data-lg-quiz-result]")
    assert result.get_by_role("heading", name="Your result").is_visible()
    assert "8 of 8 points (100%)" in result.inner_text()
    assert "Passed" in result.inner_text()
    assert QuizAttempt.objects.get(user=member).percent == 100


def test_nothing_gives_the_answers_away_before_submitting(member_page, quiz_page):
    page = member_page
    response = page.goto(quiz_page.url)
    assert "Who elects members of parliament?" in response.text()
    assert_no_secrets(response.text(), "the page")
    assert_no_secrets(page.content(), "the page's document")
    standalone = page.request.get(quiz_url(quiz_page))
    assert standalone.status == 200
    assert "Who elects members of parliament?" in standalone.text()
    assert_no_secrets(standalone.text(), "the quiz's own address")

    # Sent half answered, with a wrong choice picked (whose feedback is a secret too): the
    # fragment that comes back shows the errors and still nothing of the answers.
    choose(page, "q-single", "The king")
    choose(page, "q-multiple", "Supreme court")
    question(page, "q-text").get_by_role("textbox").fill("President")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        submit(page)
    fragment = posted.value.text()
    assert "data-lg-quiz-errors" in fragment
    assert_no_secrets(fragment, "the fragment of a form sent with errors")
    wait_for_focus_on(page, "data-lg-quiz-errors")
    assert_no_secrets(page.content(), "the page showing errors")

    # The checks above would see the secrets: the result, once the rest is answered (wrongly),
    # shows them.
    choose(page, "q-tf", "False")
    question(page, "q-number").get_by_role("textbox").fill("12")
    for name, place in zip(PLACES, ["3", "1", "2"], strict=True):
        page.locator(f'select[name="{name}"]').select_option(place)
    for name, match in zip(MATCHES, ["Upper house", "Lower house"], strict=True):
        page.locator(f'select[name="{name}"]').select_option(label=match)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        submit(page)
    result = posted.value.text()
    assert "data-lg-quiz-result" in result
    shown = [secret for secret in SECRETS if secret in result]
    assert shown == [secret for secret in SECRETS if secret not in {"Yes.", "Well done."}]


def test_match_options_do_not_say_which_item_they_match(member_page, quiz_page):
    """Each list of the match question offers the same options under values that name no item.

    Were an option's value the id that its right item's list carries in its name, reading the
    page's source would give the matches away.
    """
    page = member_page
    assert page.goto(quiz_page.url).status == 200
    selects = question(page, "q-match").locator("select")
    assert selects.count() == 2
    offered = None
    for select in selects.all():
        name = select.get_attribute("name")
        values = [
            value
            for value in select.locator("option").evaluate_all(
                "options => options.map(option => option.value)"
            )
            if value
        ]
        offered = offered or values
        assert values == offered, "every item is offered the same options"
        giveaway = [value for value in values if name.endswith(f"-{value}")]
        assert giveaway == [], (
            f"the list {name!r} carries in its name the value of its right option {giveaway!r}"
        )


def test_group_quiz_presents_questions_and_reveals_answers_on_demand(
    open_context, root_page, facilitator
):
    group = make_quiz_page(root_page, slug="group-quiz", mode="group")
    present = reverse("wagtail_learninggroups:quiz_present", args=[group.pk, QUIZ_KEY])
    answer = reverse("wagtail_learninggroups:quiz_present_answer", args=[group.pk, QUIZ_KEY, 1])

    # With JavaScript: the answer appears in place and takes focus.
    page = open_context(facilitator).new_page()
    assert page.goto(group.url).status == 200
    assert page.locator("form[data-lg-quiz-form]").count() == 0
    page.get_by_role("link", name="Present to the room").click()
    page.wait_for_url(f"**{present}")
    assert "Question 1 of 8" in page.locator(".lg-present").inner_text()
    assert "Who elects members of parliament?" in page.locator(".lg-present").inner_text()
    region = page.locator("[data-lg-answer]")
    assert region.inner_text().strip() == ""
    assert "Because:" not in page.content()
    address = page.url
    page.get_by_role("link", name="Reveal the answer").click()
    region.locator("[data-lg-revealed]").wait_for()
    wait_for_focus_on(page, "data-lg-revealed")
    assert page.url == address
    assert "The answer: The voters" in region.inner_text()
    assert "Because: Who elects members of parliament?" in region.inner_text()
    assert page.get_by_role("link", name="Reveal the answer").count() == 0

    # Without JavaScript: the link leads to a page with the answer.
    page = open_context(facilitator, javascript=False).new_page()
    assert page.goto(present).status == 200
    assert "Because:" not in page.content()
    with page.expect_navigation():
        page.get_by_role("link", name="Reveal the answer").click()
    assert page.url.endswith(answer)
    revealed = page.locator("[data-lg-answer] [data-lg-revealed]")
    assert "The answer: The voters" in revealed.inner_text()
    assert "Because: Who elects members of parliament?" in revealed.inner_text()
    assert page.get_by_role("link", name="Next question").is_visible()


def test_quiz_screens_have_no_serious_accessibility_violations(
    member_page, quiz_page, root_page, tmp_path, open_context, facilitator
):
    """axe-core on the form, the form with errors, the result, My quiz results and a group quiz.

    The quiz's pictures for the docs are taken on the way.
    """
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import BLOCKING, describe

    group = make_quiz_page(root_page, slug="group-quiz", mode="group")
    axe = Axe()
    page = member_page
    quiz = page.locator(f"section#{DOM_ID}")
    found = {}

    def check(screen):
        violations = axe.run(page).response["violations"]
        blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
        if blocking:
            found[screen] = describe(blocking)

    assert page.goto(quiz_page.url).status == 200
    shot(quiz, "quiz-form.png", tmp_path)
    check("the quiz's form")

    choose(page, "q-single", "The voters")
    submit(page)
    wait_for_focus_on(page, "data-lg-quiz-errors")
    shot(quiz, "quiz-errors.png", tmp_path)
    check("the form with errors")

    answer_everything(page)
    submit(page)
    wait_for_focus_on(page, "data-lg-quiz-result")
    shot(quiz, "quiz-result.png", tmp_path)
    check("the result")

    assert page.goto(reverse("wagtail_learninggroups:my_quiz_results")).status == 200
    assert page.get_by_role("heading", name="Parliament check").is_visible()
    check("My quiz results")

    present = reverse("wagtail_learninggroups:quiz_present", args=[group.pk, QUIZ_KEY])
    page = open_context(facilitator).new_page()  # only facilitators present a group quiz
    assert page.goto(present).status == 200
    check("the group presenter's page")
    page.get_by_role("link", name="Reveal the answer").click()
    wait_for_focus_on(page, "data-lg-revealed")
    check("the group presenter's page with the answer")

    report = "\n".join(f"{screen}:\n{violations}" for screen, violations in found.items())
    assert found == {}, report
