"""A central editor writes a workshop template in the real Wagtail admin, in Chromium.

The editor adds a new template, gives it an agenda, a local-content slot, a quiz and a champion
spotlight through the page editor's own controls (the block picker, the rich text editor and the
champion chooser), publishes it, and readers then see all four on the live page.
"""

import pytest

from tests.browser.conftest import publish
from tests.browser.screens import shot
from wagtail_learninggroups.models import WorkshopIndexPage, WorkshopTemplatePage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]


#: The stream's own "Insert a block" buttons; the rich text editor's toolbar has one too.
STREAM_INSERT = 'button.c-sf-add-button[title="Insert a block"]'


def insert_block(page, name, into=None):
    """Open the block picker at the end of a stream (the page body unless ``into``) and pick.

    Each block in a stream is followed by an insert button, so the last one in the stream adds
    at its end.
    """
    scope = into if into is not None else page.locator('[data-contentpath="body"]')
    scope.locator(STREAM_INSERT).last.click()
    page.get_by_role("listbox", name="Search options…").get_by_role(
        "option", name=name, exact=True
    ).click()


def block(page, prefix):
    """The editor's whole block whose fields are named ``prefix-value-...``, e.g. ``body-1``."""
    inside = page.locator(f'[name^="{prefix}-value-"]')
    return page.locator('[data-contentpath="body"] [data-contentpath]').filter(has=inside).first


def rich_text(page, field_name):
    """The rich text editor that writes the hidden input called ``field_name``."""
    hidden_input = page.locator(f'input[name="{field_name}"]')
    return hidden_input.locator("xpath=..").locator("[contenteditable=true]")


def type_rich_text(page, field_name, text):
    rich_text(page, field_name).click()
    page.keyboard.type(text)
    # Draftail writes its hidden input a moment after the last key, as for a person pausing.
    page.wait_for_function(
        "([name, text]) => document.querySelector(`[name='${name}']`).value.includes(text)",
        arg=[field_name, text],
    )


def test_a_central_editor_adds_agenda_slot_quiz_and_spotlight_and_publishes(admin_page, tmp_path):
    page = admin_page
    index = WorkshopIndexPage.objects.get(slug="workshops")
    page.goto(f"/admin/pages/{index.pk}/add_subpage/")
    # The index allows one page type, so Wagtail opens its form straight away.
    assert "New: Workshop template" in page.locator("main").inner_text()
    page.get_by_role("textbox", name="Title*").fill("Public money at home")
    page.get_by_role("textbox", name="Summary*").fill(
        "Where the national budget comes from and who checks it."
    )

    # 1. A timed agenda with one segment.
    insert_block(page, "Agenda")
    page.locator('[name="body-0-value-heading"]').fill("Running order")
    page.locator('[name="body-0-value-segments-0-value-title"]').fill("Follow one tax dollar")
    page.locator('[name="body-0-value-segments-0-value-minutes"]').fill("20")
    page.locator('[name="body-0-value-segments-0-value-kind"]').select_option(label="Activity")
    page.locator('[name="body-0-value-segments-0-value-description"]').fill(
        "In pairs, trace a tax payment to the programme it pays for."
    )

    # 2. A required slot each office fills with its own story.
    insert_block(page, "Local content slot")
    slot = block(page, "body-1")
    slot.get_by_role("textbox", name="What each office adds*").fill(
        "A budget debate in the host country"
    )
    slot.get_by_role("textbox", name="Instructions for local editors").fill(
        "Two sentences on this year's budget debate where your office is."
    )
    slot.get_by_role("checkbox", name="Required").check()
    slot.get_by_role("checkbox", name="Text", exact=True).check()
    slot.get_by_role("textbox", name="Fallback text").fill(
        "Ask your learning champion about the local budget."
    )

    # 3. A quiz with one true-or-false question.
    insert_block(page, "Quiz")
    page.locator('[name="body-2-value-title"]').fill("Budget check")
    questions = block(page, "body-2").locator('[data-contentpath="questions"]')
    insert_block(page, "True or false", into=questions)
    type_rich_text(
        page, "body-2-value-questions-0-value-prompt", "Parliament approves the budget."
    )
    questions.get_by_role("combobox", name="The statement is*").select_option(label="True")

    # 4. A spotlight on a champion, picked in Wagtail's chooser.
    insert_block(page, "Champion spotlight")
    page.get_by_role("button", name="Choose a champion").click()
    page.locator(".modal").get_by_role("link", name="Amara Okafor").click()
    page.locator(".modal").wait_for(state="hidden")
    page.locator('[name="body-3-value-headline"]').fill(
        "Meet the champion who runs budget clinics"
    )

    # For the docs: the slot and the start of the quiz, as the central editor sees them.
    block(page, "body-1").scroll_into_view_if_needed()
    shot(page, "editor-workshop-template.png", tmp_path)

    publish(page)
    assert page.locator(".messages").get_by_text("published").count() == 1, page.locator(
        ".messages"
    ).inner_text()

    template = WorkshopTemplatePage.objects.get(slug="public-money-at-home")
    assert template.live
    assert [block.block_type for block in template.body] == [
        "agenda", "slot", "quiz", "spotlight",
    ]  # fmt: skip
    slot, quiz_block = template.body[1].value, template.body[2].value
    assert slot["key"] and slot["required"]
    assert quiz_block["key"]

    # Readers see all four on the live page.
    assert page.goto(template.url).status == 200
    main = page.locator("main")
    agenda = main.locator(".lg-agenda")
    assert "Follow one tax dollar" in agenda.inner_text()
    assert "20" in agenda.inner_text()
    # On the template, the slot shows where each office's content will go.
    assert "Each office adds: A budget debate in the host country" in main.inner_text()
    assert main.get_by_role("heading", name="Budget check").is_visible()
    quiz_form = main.locator("form").filter(has_text="Parliament approves the budget.")
    assert quiz_form.get_by_role("radio").count() == 2
    assert quiz_form.get_by_role("button", name="Submit answers").is_visible()
    spotlight_card = main.locator(".lg-spotlight")
    assert "Amara Okafor" in spotlight_card.inner_text()
    assert "Meet the champion who runs budget clinics" in spotlight_card.inner_text()
