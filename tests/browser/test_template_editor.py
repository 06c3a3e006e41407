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
    page.locator('[name="title"]').fill("Public money at home")
    page.get_by_role("textbox", name="Summary*").fill(
        "Where the national budget comes from and who checks it."
    )

    # 1. The template starts from a skeleton: objectives, a timed agenda of two segments (the
    # second a discussion), a discussion and a tip. The editor rewrites its first segment.
    assert page.locator('[name="body-1-value-segments-0-value-title"]').input_value()
    assert page.locator('[name="body-1-value-segments-1-value-kind"]').input_value() == (
        "discussion"
    )
    page.locator('[name="body-1-value-heading"]').fill("Running order")
    page.locator('[name="body-1-value-segments-0-value-title"]').fill("Follow one tax dollar")
    page.locator('[name="body-1-value-segments-0-value-minutes"]').fill("20")
    page.locator('[name="body-1-value-segments-0-value-kind"]').select_option(label="Activity")
    page.locator('[name="body-1-value-segments-0-value-description"]').fill(
        "In pairs, trace a tax payment to the programme it pays for."
    )

    # 2. A required slot each office fills with its own story; its fallback is left as it came.
    insert_block(page, "Local content slot")
    slot = block(page, "body-4")
    slot.get_by_role("textbox", name="What each office adds*").fill(
        "A budget debate in the host country"
    )
    slot.get_by_role("textbox", name="Instructions for local editors").fill(
        "Two sentences on this year's budget debate where your office is."
    )
    slot.get_by_role("checkbox", name="Required").check()
    slot.get_by_role("checkbox", name="Text", exact=True).check()

    # 3. A quiz with one true-or-false question. Just added, it is not marked in red for
    # having no question yet.
    insert_block(page, "Quiz")
    assert not page.get_by_text("The minimum number of items is 1").first.is_visible()
    page.locator('[name="body-5-value-title"]').fill("Budget check")
    questions = block(page, "body-5").locator('[data-contentpath="questions"]')
    insert_block(page, "True or false", into=questions)
    type_rich_text(
        page, "body-5-value-questions-0-value-prompt", "Parliament approves the budget."
    )
    questions.get_by_role("combobox", name="The statement is*").select_option(label="True")

    # 4. A spotlight on a champion, picked in Wagtail's chooser.
    insert_block(page, "Champion spotlight")
    page.get_by_role("button", name="Choose a champion").click()
    page.locator(".modal").get_by_role("link", name="Amara Okafor").click()
    page.locator(".modal").wait_for(state="hidden")
    page.locator('[name="body-6-value-headline"]').fill(
        "Meet the champion who runs budget clinics"
    )

    # For the docs: the slot and the start of the quiz, as the central editor sees them.
    block(page, "body-4").scroll_into_view_if_needed()
    shot(page, "editor-workshop-template.png", tmp_path)

    # The rich text editors write their hidden inputs a moment after the last key, as for a
    # person who pauses before publishing; under load that moment is longer.
    page.wait_for_timeout(1000)
    publish(page)
    assert page.locator(".messages").get_by_text("published").count() == 1, page.locator(
        ".messages"
    ).inner_text()

    template = WorkshopTemplatePage.objects.get(slug="public-money-at-home")
    assert template.live
    assert [block.block_type for block in template.body] == [
        "objectives", "agenda", "discussion", "guidance", "slot", "quiz", "spotlight",
    ]  # fmt: skip
    slot, quiz_block = template.body[4].value, template.body[5].value
    assert slot["key"] and slot["required"]
    assert slot["fallback"] == "Ask your learning champion."
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


def test_a_template_with_only_its_title_written_publishes_its_skeleton(admin_page):
    page = admin_page
    index = WorkshopIndexPage.objects.get(slug="workshops")
    page.goto(f"/admin/pages/{index.pk}/add_subpage/")
    page.locator('[name="title"]').fill("Elections at home")
    page.locator('[name="title"]').blur()  # Wagtail makes the slug from the title on leaving it
    page.wait_for_function("() => document.querySelector('[name=\"slug\"]').value")
    publish(page)
    assert "published" in page.locator(".messages").inner_text()
    template = WorkshopTemplatePage.objects.get(slug="elections-at-home")
    assert template.live and template.summary
    assert [block.block_type for block in template.body] == [
        "objectives", "agenda", "discussion", "guidance",
    ]  # fmt: skip


def edit_demo_template(page):
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    page.goto(f"/admin/pages/{template.pk}/edit/")
    return template


def test_the_unit_list_follows_the_module_chosen(admin_page):
    from wagtail_learninggroups.models import CurriculumModule

    page = admin_page
    edit_demo_template(page)
    units = page.get_by_role("combobox", name="Curriculum unit")
    for module in CurriculumModule.objects.filter(units__isnull=False).distinct()[:2]:
        page.get_by_role("combobox", name="Curriculum module").select_option(label=str(module))
        titles = [title for title in units.locator("option").all_inner_texts() if title != "-" * 9]
        assert titles == [unit.title for unit in module.units.order_by("sort_order", "pk")]


def test_a_new_quiz_is_autosaved_and_no_key_label_stands_over_nothing(admin_page):
    page = admin_page
    edit_demo_template(page)
    # The keys of the template's slots and quizzes are hidden, and so are their labels.
    assert page.locator("label", has_text="Key").filter(visible=True).count() == 0
    # Wagtail watches the form for changes once it has been open for two seconds.
    page.wait_for_timeout(2500)
    insert_block(page, "Quiz")
    assert page.locator("label", has_text="Key").filter(visible=True).count() == 0
    assert page.get_by_text("The minimum number of items").filter(visible=True).count() == 0
    if not page.locator("#w-autosave-indicator").count():
        return  # Wagtail 7.0 has no autosave
    # Wagtail autosaves the draft, quiz and all, and nothing is marked in red.
    page.wait_for_function(
        "() => document.querySelector('#w-autosave-indicator')"
        ".getAttribute('data-w-autosave-state-value') === 'saved'"
    )
    assert page.get_by_text("The minimum number of items").filter(visible=True).count() == 0


def test_the_side_outline_names_agenda_segments_by_their_titles(admin_page):
    page = admin_page
    edit_demo_template(page)
    outline = page.locator(".w-minimap").get_by_role("link").all_inner_texts()
    assert "Break" in [label.strip() for label in outline]
    assert not [label for label in outline if "(10 min)" in label]
