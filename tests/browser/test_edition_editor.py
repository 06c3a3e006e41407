"""A local editor fills an edition in the real Wagtail admin, in Chromium.

The slot's instructions show inside the empty input and give way when the editor types;
publishing with a required slot empty is refused with a message naming it; once filled, the
edition publishes and readers see the office's content in place of the slot.
"""

import pytest

from tests.browser.conftest import publish
from tests.browser.screens import shot
from wagtail_learninggroups.models import LocalEditionPage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


def guidance_shown(line):
    """What the rich text editor draws in an empty line: the slot's guidance, never stored."""
    return line.evaluate("element => getComputedStyle(element, '::before').content")


def test_a_local_editor_fills_and_publishes_an_edition(admin_page, tmp_path, live_server):
    fill_refused_fill_publish(admin_page, tmp_path)


@pytest.mark.parametrize("width", [1280, 390])
def test_suvas_own_editor_signs_in_and_fills_refused_fills_publishes(
    admin_page, tmp_path, django_user_model, width
):
    """As the person who does it: a local editor of Suva, signed in through the admin's sign-in."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    from example_site.intranet.demo.people import DEMO_PEOPLE_PASSWORD

    suva = LocalEditionPage.objects.get(location__slug="suva")
    group = Group.objects.create(name="Suva editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=suva.location.page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editor = django_user_model.objects.create_user("litia", password=DEMO_PEOPLE_PASSWORD)
    editor.groups.add(group)
    context = admin_page.context.browser.new_context(
        viewport={"width": width, "height": 1000}, base_url=admin_page.url.split("/admin/")[0]
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("litia")
    page.get_by_label("Password").fill(DEMO_PEOPLE_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    fill_refused_fill_publish(page, tmp_path, shots=False)
    context.close()


def fill_refused_fill_publish(page, tmp_path, shots=True):
    """Fill Suva's edition, be refused publishing with a required slot empty, fill it, publish."""
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
    if shots:
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
    revisions_before = suva.revisions.count()
    publish(page)
    message = page.locator(".messages")
    assert "cannot be published while required slots are empty" in message.inner_text()
    assert "A colleague who knows the host country’s legislature" in message.inner_text()
    assert "Why parliament matters" not in message.inner_text()  # the typed text was kept
    if shots:
        shot(message, "editor-publish-refused.png", tmp_path)
    suva.refresh_from_db()
    assert not suva.live
    # Nothing says "Saved" beside the refusal: nothing was saved, and Wagtail's autosave of the
    # refused form waits for the editor's next change.
    page.wait_for_timeout(2500)
    assert autosave_state(page) != "saved"
    assert (
        not page.locator("#w-autosave-indicator").get_by_text("Saved").filter(visible=True).count()
    )
    assert suva.revisions.count() == revisions_before

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


def autosave_state(page):
    """What Wagtail's autosave indicator says; ``None`` where Wagtail has none (7.0)."""
    indicator = page.locator("#w-autosave-indicator")
    return indicator.get_attribute("data-w-autosave-state-value") if indicator.count() else None


def test_the_session_time_is_picked_to_the_minute(admin_page):
    page = admin_page
    nairobi = LocalEditionPage.objects.get(location__slug="nairobi")
    page.goto(f"/admin/pages/{nairobi.pk}/edit/")
    date_and_time = page.get_by_role("textbox", name="Date and time", exact=True)
    date_and_time.click()
    # Wagtail's picker lists times in steps of whole hours; ours in steps of five minutes.
    picker = page.locator(".xdsoft_datetimepicker").filter(visible=True)
    picker.locator(".xdsoft_time", has_text="10:35").first.click(timeout=5000)
    assert date_and_time.input_value().endswith("10:35")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    draft = LocalEditionPage.objects.get(pk=nairobi.pk).get_latest_revision_as_object()
    assert draft.session_starts_in_office()[0].strftime("%H:%M") == "10:35"


def quiz_statistics_with_two_attempts():
    """A quiz of every question type, taken by two people: its statistics screen's address."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Site

    from tests.quizzes.factories import (
        QUIZ_KEY,
        correct_answers,
        make_quiz_page,
        post_quiz,
        wrong_answers,
    )

    quiz_page = make_quiz_page(Site.objects.get(is_default_site=True).root_page)
    # Names the demo's own people do not have.
    for name, answers in [("quiz-taker-a", correct_answers()), ("quiz-taker-b", wrong_answers())]:
        client = Client()
        client.force_login(get_user_model().objects.create_user(name, f"{name}@example.org"))
        assert post_quiz(client, quiz_page, answers).status_code == 302  # to the result
    return f"/admin/learninggroups/quiz-statistics/{quiz_page.pk}/{QUIZ_KEY}/"


ADMIN_SCREENS = [
    "edition editor",
    "roll-out form",
    "completeness report",
    "quiz statistics",
    "quiz statistics of one quiz",
    "quiz attempts",
    "champions",
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
        "quiz statistics": "/admin/learninggroups/quiz-statistics/",
        "quiz attempts": "/admin/wagtail_learninggroups/quizattempt/",
        "champions": "/admin/wagtail_learninggroups/champion/",
    }.get(screen) or quiz_statistics_with_two_attempts()
    assert admin_page.goto(path).status == 200
    if screen == "completeness report":
        shot(admin_page, "admin-completeness-report.png", tmp_path)
    if screen == "roll-out form":
        shot(admin_page, "admin-rollout.png", tmp_path)
    if screen == "quiz statistics of one quiz":
        shot(admin_page, "admin-quiz-statistics.png", tmp_path)
    # Our part of the screen: the slots panel, the report's chart and table, the form.
    include = {"edition editor": ".lg-fills", "roll-out form": "main form"}.get(screen, "main")
    result = Axe().run(admin_page, context={"include": [[include]]})
    violations = result.response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], describe(blocking)
