"""Damaged and stale StreamField JSON in our page types: rendered, edited and saved safely.

Each file of ``tests/fixtures/damaged/`` and ``tests/fixtures/versions/`` is written straight
into a page's row and latest revision, past every check, as an import or another release
would. The page must render (the damaged part left out and logged), its editor must open, and
saving the editor's form unchanged must keep everything of ours: what can be read, and what
was set aside because it cannot.
"""

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from tests.damaged_data import (
    contains,
    editor_post_data,
    fixture_paths,
    load_fixture,
    revision_json,
    store_raw,
    stored_json,
)
from tests.edition_data import add_page_url, template_slots
from tests.slot_data import slotted_workshop_form
from tests.testapp.models import HostArticlePage, HostLearningPage
from wagtail_learninggroups import tolerance
from wagtail_learninggroups.blocks import LearningGroupsStreamBlock
from wagtail_learninggroups.blocks.fills import SlotFillsBlock
from wagtail_learninggroups.models import Champion, LocalEditionPage, WorkshopTemplatePage

CASES = fixture_paths("damaged") + fixture_paths("versions")
BODY_CASES = [path for path in CASES if load_fixture(path)["field"] == "body"]
FILLS_CASES = [path for path in CASES if load_fixture(path)["field"] == "fills"]
SLOT_KEYS = {"welcome": "welcomeslot1", "speaker": "speakerslot1"}


def case_id(path):
    return path.stem


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def make_body_page(kind, parent):
    """A published page of ``kind`` whose body is one of our streams."""
    parent.refresh_from_db()
    if kind == "template":
        page = WorkshopTemplatePage(
            title="How parliament works", slug="how-parliament-works", summary="Parliament."
        )
    else:
        page = HostLearningPage(title="Know your parliament", slug="know-your-parliament")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def page_views(page):
    """The URLs readers visit: a template's facilitator view and pack too."""
    urls = [page.url]
    if isinstance(page, WorkshopTemplatePage | LocalEditionPage):
        urls += [page.url + "facilitator/", page.url + "print/"]
    return urls


def warnings_logged(caplog):
    return [
        record
        for record in caplog.records
        if record.name.startswith("wagtail_learninggroups") and record.levelno >= logging.WARNING
    ]


def assert_renders(page, case, caplog):
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="wagtail_learninggroups"):
        for url in page_views(page):
            response = Client().get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            for text in case["shows"]:
                assert text in html, (url, text)
    assert bool(warnings_logged(caplog)) == case["logged"], caplog.text


def save_in_editor(admin_client, page, case):
    """Open the page editor, change the title only, and save; return the action used."""
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    action = case.get("action", "action-publish")
    data = editor_post_data(response, action)
    data["title"] += " (edited)"
    if "champion" in case.get("editor_chooses", ()):
        # A spotlight needs a champion: the editor chooses one where none could be shown.
        champion = Champion.objects.create(name="Ana Silva")
        for name, value in data.items():
            if name.endswith("-champion") and value == "":
                data[name] = str(champion.pk)
    response = admin_client.post(edit_url(page), data)
    if response.status_code != 302:
        form = response.context["form"]
        fills_form = getattr(form, "fills_form", None)
        pytest.fail(f"{form.errors!r} {fills_form.errors if fills_form else ''!r}")
    return action


def assert_kept(page, case, action):
    field = case["field"]
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"].endswith(" (edited)")
    versions = {"revision": revision_json(page, field)}
    if action == "action-publish":
        versions["row"] = stored_json(page, field)
    for where, stored in versions.items():
        text = json.dumps(stored, ensure_ascii=False)
        for kept in case["keeps"]:
            assert kept in text, (where, kept, stored)
        for part in case["keeps_exactly"]:
            assert contains(stored, part), (where, part, stored)


@pytest.mark.parametrize("kind", ["template", "host"])
@pytest.mark.parametrize("path", BODY_CASES, ids=case_id)
def test_a_damaged_body_renders_opens_and_saves_without_loss(
    kind, path, root_page, admin_client, caplog
):
    case = load_fixture(path)
    page = make_body_page(kind, root_page)
    store_raw(page, "body", case["stored"])
    assert_renders(page, case, caplog)
    action = save_in_editor(admin_client, page, case)
    assert_kept(page, case, action)
    page.refresh_from_db()
    # What was set aside stays set aside: the saved page renders as before.
    if not case.get("editor_chooses"):
        assert_renders(page, case, caplog)


@pytest.mark.parametrize("path", FILLS_CASES, ids=case_id)
def test_damaged_fills_render_open_and_save_without_loss(
    path, admin_client, root_page, offices, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            add_page_url(WorkshopTemplatePage, root_page),
            slotted_workshop_form(
                welcome_key=SLOT_KEYS["welcome"], speaker_key=SLOT_KEYS["speaker"]
            ),
        )
    assert response.status_code == 302
    template = WorkshopTemplatePage.objects.get()
    assert [slot.key for slot in template_slots(template)][:2] == list(SLOT_KEYS.values())
    nairobi = offices[0]
    edition = LocalEditionPage(
        title="Parliament where you are: Nairobi",
        slug="parliament-where-you-are",
        workshop=template,
        location=nairobi,
    )
    nairobi.page.add_child(instance=edition)
    edition.save_revision().publish()
    case = load_fixture(path, **SLOT_KEYS)
    store_raw(edition, "fills", case["stored"])
    assert_renders(edition, case, caplog)
    action = save_in_editor(admin_client, edition, case)
    assert_kept(edition, case, action)


def test_our_blocks_in_a_sites_own_stream_render_and_open(root_page, admin_client, caplog):
    """The site's stream keeps Wagtail's rules; our blocks inside it read tolerantly."""
    page = HostArticlePage(title="News", slug="news")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    newer = {
        "heading": "",
        "level": "introductory",
        "objectives": [{"type": "item", "value": "Explain how a bill becomes law", "id": "o-1"}],
    }
    stored = [
        {"type": "heading", "value": "In the news", "id": "h-1"},
        {"type": "objectives", "value": "a struct stored as a string", "id": "b-stringy"},
        {"type": "objectives", "value": newer, "id": "b-newer"},
    ]
    store_raw(page, "body", stored)
    case = {"shows": ["In the news", "Explain how a bill becomes law"], "logged": True}
    assert_renders(page, case, caplog)
    assert admin_client.get(edit_url(page)).status_code == 200
    page = HostArticlePage.objects.get(pk=page.pk)
    assert [child.block_type for child in page.body] == ["heading", "objectives", "objectives"]
    # Read, then saved by code: nothing is lost, not the string, not the unknown field.
    page.save_revision()
    assert revision_json(page, "body") == stored


# The pure functions, on the same fixtures --------------------------------------------------


def block_of(field):
    return LearningGroupsStreamBlock() if field == "body" else SlotFillsBlock()


@pytest.mark.parametrize("through_tolerant", [False, True])
@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_what_is_set_aside_goes_back_where_it_was(path, through_tolerant):
    case = load_fixture(path, **SLOT_KEYS)
    block = block_of(case["field"])
    readable, parts = tolerance.split_readable(
        block, case["stored"], through_tolerant=through_tolerant
    )
    assert tolerance.put_back(readable, parts) == case["stored"]
    if through_tolerant:
        # Nothing of what is left could fail to read.
        assert tolerance.split_readable(block, readable, through_tolerant=True)[1] == []
        if case.get("logged"):
            assert parts


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_a_save_from_what_the_editor_showed_keeps_what_it_could_not(path):
    case = load_fixture(path, **SLOT_KEYS)
    block = block_of(case["field"])
    shown, _parts = tolerance.split_readable(block, case["stored"], through_tolerant=True)
    assert tolerance.keep_set_aside(block, case["stored"], shown) == case["stored"]
    # Kept once, not twice, when the new version already holds it.
    assert tolerance.keep_set_aside(block, case["stored"], case["stored"]) == case["stored"]


def test_the_editor_deleting_a_block_deletes_what_was_set_aside_inside_it():
    block = LearningGroupsStreamBlock()
    questions = [
        {"type": "ranking", "value": {"items": ["a", "b"]}, "id": "q-unknown"},
        {"type": "true_false", "value": {"prompt": "<p>Yes?</p>", "answer": "true"}, "id": "q-1"},
    ]
    quiz = {
        "type": "quiz",
        "value": {"key": "k", "title": "Q", "questions": questions},
        "id": "b-q",
    }
    heading = {"type": "heading", "value": "Kept", "id": "h-1"}
    assert tolerance.keep_set_aside(block, [heading, quiz], [heading]) == [heading]


def test_an_item_whose_neighbour_was_deleted_goes_last():
    block = LearningGroupsStreamBlock()
    unknown = {"type": "poll", "value": {}, "id": "b-poll"}
    first = {"type": "heading", "value": "First", "id": "h-1"}
    second = {"type": "heading", "value": "Second", "id": "h-2"}
    kept = tolerance.keep_set_aside(block, [first, unknown, second], [second])
    assert kept == [second, unknown]


def test_a_new_value_in_a_field_that_could_not_be_read_wins():
    block = LearningGroupsStreamBlock()
    stored = [
        {"type": "preparation", "id": "b-p", "value": {"tasks": {"0": "x"}, "pre_work": []}},
    ]
    tasks = [{"type": "item", "value": {"task": "Book a room", "lead_time": "7"}, "id": "t-1"}]
    edited = [{"type": "preparation", "id": "b-p", "value": {"tasks": tasks, "pre_work": []}}]
    assert tolerance.keep_set_aside(block, stored, edited) == edited


def test_a_chooser_id_stored_as_text_reads_as_the_id():
    block = LearningGroupsStreamBlock()
    stored = [
        {"type": "spotlight", "id": "b-s", "value": {"champion": "12", "headline": ""}},
    ]
    readable, parts = tolerance.split_readable(block, stored, through_tolerant=True)
    assert parts == []
    assert readable[0]["value"]["champion"] == 12


@pytest.mark.django_db
def test_revisions_of_other_models_are_left_alone(root_page):
    """Only models with our blocks take part; a revision saved again is not reworked."""
    page = HostArticlePage(title="Plain", slug="plain", body=[])
    root_page.add_child(instance=page)
    revision = page.save_revision()
    revision.content["title"] = "Changed"
    revision.save()
    assert Revision.objects.get(pk=revision.pk).content["title"] == "Changed"
