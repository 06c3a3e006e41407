"""The template editor's form, posted as the page editor posts it: units, skeleton, defaults.

Also what Wagtail 8's editor does on its own: its autosave posts the form to the add view and
then to the edit view, asking for JSON, and a draft defers what only publishing needs.
"""

import re

import pytest
import wagtail.admin.views.generic
from django.urls import reverse
from wagtail import blocks
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.editions.factories import add_page_url, edit_url
from tests.utils import list_block
from tests.workshops.factories import slot_form, slotted_workshop_form
from wagtail_learninggroups.blocks import LocalSlotBlock
from wagtail_learninggroups.core.richtext import SanitisedRichTextBlock
from wagtail_learninggroups.models import CurriculumModule, CurriculumUnit, WorkshopTemplatePage
from wagtail_learninggroups.workshops import slots

JSON = {"HTTP_ACCEPT": "application/json"}

#: Wagtail's autosave, by which the editor's views answer a post asking for JSON: not in 7.0.
autosave = pytest.mark.skipif(
    not hasattr(wagtail.admin.views.generic, "JsonPostResponseMixin"),
    reason="this Wagtail has no autosave",
)


def form_data_of(block, value):
    """What the page editor posts for ``value`` of ``block``, for ``nested_form_data``."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child.block_type, form_data_of(child.block, child.value)) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        return list_block([form_data_of(block.child_block, item) for item in value])
    if isinstance(block, blocks.StructBlock):
        return {
            name: form_data_of(child, value[name]) for name, child in block.child_blocks.items()
        }
    if isinstance(block, SanitisedRichTextBlock | blocks.RichTextBlock):
        return rich_text(value.source if value else "")
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    if isinstance(block, blocks.MultipleChoiceBlock):
        return tuple(value or ())
    form_value = block.value_for_form(value)
    return "" if form_value is None else str(form_value)


def page_form(title, body, **fields):
    """The template editor's post: ``body`` as form data; no action saves a draft."""
    data = {"title": title, "slug": "", "summary": "Two sentences.", "audience": "",
            "module": "", "unit": "", "body": body, **fields}  # fmt: skip
    return nested_form_data(data)


# The unit list --------------------------------------------------------------------------------


@pytest.fixture
def curriculum(db):
    budgets = CurriculumModule.objects.create(number=2, title="Budgets")
    elections = CurriculumModule.objects.create(number=1, title="Elections")
    # Created out of order: the list follows the module's order of units.
    scrutiny = CurriculumUnit.objects.create(module=budgets, title="Scrutiny", sort_order=1)
    cycle = CurriculumUnit.objects.create(module=budgets, title="The budget cycle", sort_order=0)
    voting = CurriculumUnit.objects.create(module=elections, title="Voting systems", sort_order=0)
    return budgets, elections, [cycle, scrutiny], voting


def unit_options(html):
    select = re.search(r'<select name="unit".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select)


def test_the_unit_list_holds_the_chosen_modules_units_in_their_order(
    admin_client, template, curriculum
):
    budgets, _elections, (cycle, scrutiny), voting = curriculum
    WorkshopTemplatePage.objects.filter(pk=template.pk).update(module=budgets)
    html = admin_client.get(edit_url(template)).content.decode()
    assert unit_options(html) == [
        ("", "---------"),
        (str(cycle.pk), "The budget cycle"),
        (str(scrutiny.pk), "Scrutiny"),
    ]
    # Every module's units go with it, for the editor's script to follow the module select.
    assert "data-lg-units=" in html and 'data-lg-module-field="id_module"' in html
    assert "wagtail_learninggroups/js/editor.js" in html


def test_a_unit_of_another_module_is_refused(admin_client, template, curriculum):
    budgets, _elections, _units, voting = curriculum
    data = slotted_workshop_form(action="action-save")
    data.update(module=str(budgets.pk), unit=str(voting.pk))
    response = admin_client.post(edit_url(template), data)
    assert response.status_code == 200
    assert "Choose a unit of the chosen module" in response.content.decode()
    template.refresh_from_db()
    assert template.get_latest_revision_as_object().unit_id is None


def test_a_unit_of_the_module_is_kept_and_a_unit_alone_brings_its_module(
    admin_client, template, curriculum
):
    budgets, elections, (_cycle, scrutiny), voting = curriculum
    data = slotted_workshop_form()
    data.update(module=str(budgets.pk), unit=str(scrutiny.pk))
    assert admin_client.post(edit_url(template), data).status_code == 302
    template.refresh_from_db()
    assert (template.module, template.unit) == (budgets, scrutiny)

    data = slotted_workshop_form()
    data.update(module="", unit=str(voting.pk))
    assert admin_client.post(edit_url(template), data).status_code == 302
    template.refresh_from_db()
    assert (template.module, template.unit) == (elections, voting)


@pytest.mark.parametrize("module, unit", [("²", "²"), ("one", "²"), ("", "-1")])
def test_module_and_unit_ids_that_cannot_exist_are_refused_calmly(
    admin_client, template, curriculum, module, unit
):
    data = slotted_workshop_form(action="action-save")
    data.update(module=module, unit=unit)
    assert admin_client.post(edit_url(template), data).status_code == 200


# The skeleton of a new template ---------------------------------------------------------------


def test_a_new_template_starts_from_a_skeleton_that_publishes_as_it_stands(
    admin_client, root_page
):
    url = add_page_url(WorkshopTemplatePage, root_page)
    form = admin_client.get(url).context["form"]
    body = form.initial["body"]
    assert [child.block_type for child in body] == [
        "objectives", "agenda", "discussion", "guidance",
    ]  # fmt: skip
    segments = list(body[1].value["segments"])
    assert len(segments) == 2 and [s["kind"] for s in segments] == ["presentation", "discussion"]
    assert form.initial["summary"]

    # The editor gives it a title, and publishes what the form showed.
    stream_block = WorkshopTemplatePage._meta.get_field("body").stream_block
    data = page_form("Public money", form_data_of(stream_block, body), slug="public-money")
    data["summary"] = form.initial["summary"]
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = WorkshopTemplatePage.objects.get(slug="public-money")
    assert page.live and page.total_minutes == 45
    assert [child.block_type for child in page.body] == [
        "objectives", "agenda", "discussion", "guidance",
    ]  # fmt: skip


def test_an_existing_template_keeps_its_own_body(admin_client, template):
    form = admin_client.get(edit_url(template)).context["form"]
    assert [child.block_type for child in form.initial["body"]] == [
        child.block_type for child in template.body
    ]


# A new slot ------------------------------------------------------------------------------------


def test_a_new_slots_defaults_pass_validation_once_it_has_a_title(admin_client, root_page):
    block = LocalSlotBlock()
    fresh = form_data_of(block, block.get_default())
    assert fresh["when_empty"] == slots.WHEN_EMPTY_FALLBACK and fresh["fallback"]
    fresh["title"] = "A local speaker"
    data = page_form("Slots", streamfield([("slot", fresh)]), slug="slots")
    data["action-publish"] = "1"
    response = admin_client.post(add_page_url(WorkshopTemplatePage, root_page), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    slot = WorkshopTemplatePage.objects.get(slug="slots").body[0].value
    assert slot["fallback"] == "Ask your learning champion."


def test_an_emptied_fallback_is_still_refused(admin_client, root_page):
    data = page_form("Slots", streamfield([("slot", slot_form("A speaker", fallback=""))]))
    data.update({"slug": "slots", "action-publish": "1"})
    response = admin_client.post(add_page_url(WorkshopTemplatePage, root_page), data)
    assert "Write the fallback text, or choose" in response.content.decode()


# A quiz just added -----------------------------------------------------------------------------


def fresh_quiz(title=""):
    """A quiz as the editor posts it right after it was added: no questions yet."""
    return {
        "key": "", "title": title, "introduction": rich_text(""), "questions": streamfield([]),
        "mode": "individual", "pass_mark": "70", "attempts_allowed": "0",
        "counting": "highest", "show_answers": "after_submit", "bands": list_block([]),
        "shuffle_choices": "", "draw": "0",
    }  # fmt: skip


@autosave
def test_a_quiz_without_questions_is_autosaved_and_saved_as_a_draft(admin_client, root_page):
    data = page_form("Budget", streamfield([("quiz", fresh_quiz())]), slug="budget")
    response = admin_client.post(add_page_url(WorkshopTemplatePage, root_page), data, **JSON)
    assert response.status_code == 200 and response.json()["success"], response.content
    page = WorkshopTemplatePage.objects.get(slug="budget")
    data["overwrite_revision_id"] = str(response.json()["revision_id"])
    data["body-0-value-title"] = "Budget check"
    response = admin_client.post(edit_url(page), data, **JSON)
    assert response.json()["success"], response.content
    del data["overwrite_revision_id"]
    data["action-save"] = "1"
    assert admin_client.post(edit_url(page), data).status_code == 302


def test_publishing_a_quiz_needs_a_question(admin_client, root_page):
    data = page_form("Budget", streamfield([("quiz", fresh_quiz("Check"))]), slug="budget")
    data["action-publish"] = "1"
    response = admin_client.post(add_page_url(WorkshopTemplatePage, root_page), data)
    assert response.status_code == 200
    assert "Add a question: a quiz needs one to be published." in response.content.decode()
    assert not WorkshopTemplatePage.objects.filter(slug="budget").exists()


def test_the_editor_is_not_told_that_a_quiz_needs_a_question_before_it_has_one():
    from wagtail_learninggroups.quizzes.blocks import QuestionsBlock

    # The editor's script marks a stream with fewer items than ``min_num`` in red at once.
    assert QuestionsBlock().meta.min_num is None


# The key of slots and quizzes -------------------------------------------------------------------


def test_the_key_block_has_the_editors_definition_that_hides_its_row():
    try:
        from wagtail.admin.telepath import JSContext
    except ImportError:  # Wagtail 7.0
        from wagtail.telepath import JSContext

    from wagtail_learninggroups.blocks import QuizKeyBlock, SlotKeyBlock

    for block in (SlotKeyBlock(), QuizKeyBlock()):
        context = JSContext()
        packed = context.pack(block)
        assert packed["_type"] == "wagtail_learninggroups.blocks.SlotKeyBlock"
        assert "wagtail_learninggroups/js/slot-key.js" in str(context.media)


# Autosave, then publish ------------------------------------------------------------------------


@autosave
def test_a_new_template_autosaved_then_published_at_once_is_live_with_what_was_published(
    admin_client, root_page
):
    """What Wagtail 8's editor posts: the add view's autosave creates the page; autosaves
    then overwrite that revision through the edit view; "Publish" posts the edit view."""
    add_url = add_page_url(WorkshopTemplatePage, root_page)
    data = slotted_workshop_form(action="unused")
    del data["unused"]
    response = admin_client.post(add_url, data, **JSON)
    assert response.json()["success"], response.content
    page = WorkshopTemplatePage.objects.get(slug="parliament-where-you-are")
    assert response.json()["url"] == edit_url(page)
    revision_id = response.json()["revision_id"]

    data["summary"] = "Autosaved summary."
    data["overwrite_revision_id"] = str(revision_id)
    response = admin_client.post(edit_url(page), data, **JSON)
    assert response.json()["success"] and response.json()["revision_id"] == revision_id

    # "Publish" right away: the form carries the revision it loaded, as the editor's does.
    del data["overwrite_revision_id"]
    data.update(
        {
            "summary": "Published summary.",
            "action-publish": "1",
            "loaded_revision_id": str(revision_id),
            "loaded_revision_created_at": response.json()["revision_created_at"],
        }
    )
    response = admin_client.post(edit_url(page), data, follow=True)
    assert "has been published" in response.content.decode()
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert page.summary == "Published summary."
    assert page.live_revision_id == page.latest_revision_id != revision_id
    assert page.live_revision.as_object().summary == "Published summary."
    assert len(slots.find_slots(page.body.stream_block, page.body.raw_data)) == 3
    assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) == edit_url(page)


@autosave
def test_an_autosave_that_loaded_the_page_before_a_publish_saves_it_back_to_draft(
    admin_client, root_page
):
    """What was seen once: "published", and the new template still a draft. Wagtail's doing.

    An autosave request that loaded the page before "Publish" was saved, and saves after it,
    writes the page as it loaded it (``form.save(commit=not page.live)`` with ``live`` still
    false) and overwrites its own revision: Wagtail checks that revision against the latest
    revision *as it loaded it*. Here the publish happens inside the autosave request, at
    Wagtail's ``before_edit_page`` hook, as if the two had raced. The package's revision
    handler is disconnected: the page ends a draft without it.
    """
    from django.db.models.signals import pre_save
    from wagtail import hooks
    from wagtail.models import Revision

    from wagtail_learninggroups.core.signals import register_revision_handlers

    add_url = add_page_url(WorkshopTemplatePage, root_page)
    data = slotted_workshop_form(action="unused")
    del data["unused"]
    autosaved = admin_client.post(add_url, data, **JSON).json()
    page = WorkshopTemplatePage.objects.get(slug="parliament-where-you-are")
    published = []

    def publish_meanwhile(request, edited_page):
        if published:
            return None
        published.append(True)
        response = admin_client.post(edit_url(page), {**data, "action-publish": "1"}, follow=True)
        assert "has been published" in response.content.decode()
        assert WorkshopTemplatePage.objects.get(pk=page.pk).live
        return None

    pre_save.disconnect(
        sender=Revision, dispatch_uid="wagtail_learninggroups.keep_set_aside_content"
    )
    try:
        with hooks.register_temporarily("before_edit_page", publish_meanwhile):
            autosave = {**data, "overwrite_revision_id": str(autosaved["revision_id"])}
            response = admin_client.post(edit_url(page), autosave, **JSON)
    finally:
        register_revision_handlers()
    assert published and response.json()["success"]
    page.refresh_from_db()
    assert not page.live  # Wagtail's autosave wrote back the page as it loaded it
