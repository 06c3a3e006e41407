"""Damaged and stale StreamField JSON in our page types: rendered, edited and saved safely.

Each file of ``tests/fixtures/damaged/`` and ``tests/fixtures/versions/`` is written straight
into a page's row and latest revision, past every check, as an import or another release
would. The page must render (the damaged part left out and logged), its editor must open, and
saving the editor's form unchanged must keep everything of ours: what can be read, and what
was set aside because it cannot.
"""

import copy
import inspect
import json
import logging

import pytest
from django.test import Client
from django.urls import reverse
from wagtail import blocks
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Page, Revision

from tests.core.damaged import (
    contains,
    editor_post_data,
    fixture_paths,
    is_given_id,
    load_fixture,
    revision_json,
    store_raw,
    stored_json,
    without_given_ids,
)
from tests.editions.factories import add_page_url, template_slots
from tests.testapp.models import HostArticlePage, HostLearningPage
from tests.workshops.factories import slotted_workshop_form
from wagtail_learninggroups.blocks import LearningGroupsStreamBlock
from wagtail_learninggroups.core import tolerance, write_back
from wagtail_learninggroups.core.caches import BoundedCache, recently_logged
from wagtail_learninggroups.editions.fill_blocks import SlotFillsBlock
from wagtail_learninggroups.models import Champion, LocalEditionPage, WorkshopTemplatePage

CASES = fixture_paths("damaged") + fixture_paths("versions")
BODY_CASES = [path for path in CASES if load_fixture(path)["field"] == "body"]
FILLS_CASES = [path for path in CASES if load_fixture(path)["field"] == "fills"]
SLOT_KEYS = {"welcome": "welcomeslot1", "speaker": "speakerslot1"}


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test reads its pages for the first time, as a new process would, and logs them."""
    recently_logged.clear()


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
    recently_logged.clear()
    with caplog.at_level(logging.WARNING, logger="wagtail_learninggroups"):
        for url in page_views(page):
            response = Client().get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            for text in case["shows"]:
                assert text in html, (url, text)
    assert bool(warnings_logged(caplog)) == case["logged"], caplog.text


def save_in_editor(admin_client, page, case):
    """Open the page editor, change the title only, and save (``saves`` times); return the action.

    Saving more than once shows that nothing stored grows or shrinks from one save to the next.
    """
    for _save in range(case.get("saves", 1)):
        action = save_once(admin_client, page, case)
    return action


def save_once(admin_client, page, case):
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    editor = response.content.decode()
    for text in case.get("editor_shows", ()):
        assert text in editor, text
    action = case.get("action", "action-publish")
    data = editor_post_data(response, action)
    if not data["title"].endswith(" (edited)"):
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
        for kept in case.get("keeps_once", ()):
            assert text.count(kept) == 1, (where, kept, stored)


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
    # Items stored without an id are read with one, which saving keeps: nothing else changes.
    assert without_given_ids(write_back.put_back(readable, parts)) == case["stored"]
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
    kept = write_back.keep_set_aside(block, case["stored"], shown)
    assert without_given_ids(kept) == case["stored"]
    # Kept once, not twice, when the new version already holds it.
    assert write_back.keep_set_aside(block, case["stored"], case["stored"]) == case["stored"]


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
    assert write_back.keep_set_aside(block, [heading, quiz], [heading]) == [heading]


def test_an_item_whose_neighbour_was_deleted_goes_last():
    block = LearningGroupsStreamBlock()
    unknown = {"type": "poll", "value": {}, "id": "b-poll"}
    first = {"type": "heading", "value": "First", "id": "h-1"}
    second = {"type": "heading", "value": "Second", "id": "h-2"}
    kept = write_back.keep_set_aside(block, [first, unknown, second], [second])
    assert kept == [second, unknown]


def test_a_new_value_in_a_field_that_could_not_be_read_wins():
    block = LearningGroupsStreamBlock()
    stored = [
        {"type": "preparation", "id": "b-p", "value": {"tasks": {"0": "x"}, "pre_work": []}},
    ]
    tasks = [{"type": "item", "value": {"task": "Book a room", "lead_time": "7"}, "id": "t-1"}]
    edited = [{"type": "preparation", "id": "b-p", "value": {"tasks": tasks, "pre_work": []}}]
    assert write_back.keep_set_aside(block, stored, edited) == edited


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


# Saves from code: what was kept is kept once -----------------------------------------------

POLL = {"type": "poll", "value": {"question": "Which committee matters most?"}}


def test_an_item_kept_by_a_save_from_code_is_not_put_back_again():
    """Code deleted the item before an unknown one, and the save put that one back last."""
    block = LearningGroupsStreamBlock()
    unknown = {**POLL, "id": "b-poll"}
    first = {"type": "heading", "value": "First", "id": "h-1"}
    second = {"type": "heading", "value": "Second", "id": "h-2"}
    saved = [second, unknown]
    assert write_back.keep_set_aside(block, [first, unknown, second], saved) == saved


@pytest.mark.parametrize("ids", [False, True], ids=["stored-without-ids", "stored-with-ids"])
def test_saves_from_code_keep_an_unknown_item_once(root_page, ids):
    page = make_body_page("host", root_page)
    stored = [{"type": "heading", "value": "First"}, POLL, {"type": "heading", "value": "Second"}]
    if ids:
        stored = [{**item, "id": f"b-{index}"} for index, item in enumerate(stored)]
    store_raw(page, "body", stored)

    def latest():
        return HostLearningPage.objects.get(pk=page.pk).get_latest_revision_as_object()

    for _ in range(2):
        latest().save_revision()
    assert [item["type"] for item in revision_json(page, "body")] == ["heading", "poll", "heading"]
    edited = latest()
    del edited.body[0]  # the poll's neighbour: the poll goes last
    edited.save_revision()
    assert [item["type"] for item in revision_json(page, "body")] == ["heading", "poll"]


# Numbers, choices and ids that only look readable ------------------------------------------


def quiz_with(question_type, **fields):
    question = {"prompt": "<p>How many?</p>", "image": None, "points": 1, "explanation": ""}
    value = {"key": "quiz1", "title": "Check", "questions": []}
    value["questions"].append({"type": question_type, "value": {**question, **fields}, "id": "q"})
    return [{"type": "quiz", "value": value, "id": "b-quiz"}]


@pytest.mark.parametrize(
    ("question_type", "field", "stored"),
    [
        ("true_false", "points", "two"),
        ("true_false", "points", True),
        ("true_false", "points", 2.5),
        ("true_false", "points", [1]),
        ("number", "answer", "many"),
        ("number", "answer", "NaN"),
        ("number", "tolerance", {"at most": 1}),
    ],
)
def test_a_number_field_holding_something_else_is_set_aside(question_type, field, stored):
    block = LearningGroupsStreamBlock()
    raw = quiz_with(question_type, **{field: stored})
    readable, parts = tolerance.split_readable(block, raw, through_tolerant=True)
    assert [(part.key, part.raw) for part in parts] == [(field, stored)]
    assert field not in readable[0]["value"]["questions"][0]["value"]
    assert write_back.put_back(readable, parts) == raw


@pytest.mark.parametrize(
    "fields",
    [{"points": 3}, {"answer": "2.50", "tolerance": None}, {"answer": 2.5, "tolerance": 0}],
)
def test_numbers_as_wagtail_stores_them_are_read(fields):
    question_type = "number" if "answer" in fields else "true_false"
    raw = quiz_with(question_type, **fields)
    assert tolerance.split_readable(LearningGroupsStreamBlock(), raw)[1] == []


@pytest.mark.parametrize(
    ("field", "stored", "readable"),
    [
        ("champion", 2**40, True),
        ("champion", 2**63, False),
        ("champion", -(2**63) - 1, False),
        ("champion", float("inf"), False),
        ("image", 2**63, False),
    ],
)
def test_a_chooser_id_beyond_what_the_database_holds_is_set_aside(field, stored, readable):
    """An id the primary key's column cannot hold makes the database raise, or its driver."""
    if field == "champion":
        raw = [{"type": "spotlight", "id": "b-s", "value": {"champion": stored, "headline": ""}}]
    else:
        raw = quiz_with("true_false", image=stored, answer="true")
    parts = tolerance.split_readable(LearningGroupsStreamBlock(), raw, through_tolerant=True)[1]
    assert [part.key for part in parts] == ([] if readable else [field])


AGENDA_SEGMENT = {
    "minutes": 10,
    "kind": "welcome",
    "core": False,
    "description": "",
    "facilitator_notes": "",
    "local": [],
}


def agenda(*segments, **fields):
    value = {"heading": "", "segments": list(segments), **fields}
    return [{"type": "agenda", "id": "b-agenda", "value": value}]


def segment(title, **fields):
    return {"title": title, **AGENDA_SEGMENT, **fields}


def test_reading_a_choice_does_not_convert_it(monkeypatch):
    """Wagtail's conversion of a choice cannot fail, and it is the costliest part of a read."""

    def fails(self, value):
        raise AssertionError("converted")

    monkeypatch.setattr(blocks.ChoiceBlock, "to_python", fails)
    monkeypatch.setattr(blocks.MultipleChoiceBlock, "to_python", fails)
    raw = agenda(segment("Welcome"), segment("Talk", kind="presentation"))
    raw += [{"type": "slot", "id": "b-slot", "value": {"key": "s1", "kinds": ["speaker"]}}]
    assert (
        tolerance.split_readable(LearningGroupsStreamBlock(), raw, through_tolerant=True)[1] == []
    )


@pytest.mark.parametrize("stored", [{"kind": "welcome"}, ["welcome"], 7])
def test_a_choice_holding_something_else_is_set_aside(stored):
    raw = agenda(segment("Welcome", kind=stored))
    parts = tolerance.split_readable(LearningGroupsStreamBlock(), raw, through_tolerant=True)[1]
    assert [(part.key, part.raw) for part in parts] == [("kind", stored)]


# Items stored without ids ------------------------------------------------------------------

WITHOUT_IDS = agenda(segment("Welcome"), segment("Talk", room_booking="B-12"), segment("Close"))


def segments_of(stored):
    return [item["value"] for item in stored[0]["value"]["segments"]]


def test_items_stored_without_ids_are_read_with_the_same_ids_each_time():
    block = LearningGroupsStreamBlock()
    shown, _parts = tolerance.split_readable(block, WITHOUT_IDS, through_tolerant=True)
    ids = [item["id"] for item in shown[0]["value"]["segments"]]
    assert all(is_given_id(item_id) for item_id in ids)
    assert len(set(ids)) == 3
    # The page editor shows the agenda as the agenda block reads it: with the same ids.
    agenda_value = block.child_blocks["agenda"].to_python(copy.deepcopy(WITHOUT_IDS[0]["value"]))
    assert [child.id for child in agenda_value["segments"].bound_blocks] == ids


def test_a_field_kept_in_an_item_without_id_stays_there_when_an_item_above_goes():
    block = LearningGroupsStreamBlock()
    shown, _parts = tolerance.split_readable(block, WITHOUT_IDS, through_tolerant=True)
    edited = copy.deepcopy(shown)
    del edited[0]["value"]["segments"][0]  # the editor deletes "Welcome"
    kept = write_back.keep_set_aside(block, WITHOUT_IDS, edited)
    assert [(item["title"], item.get("room_booking")) for item in segments_of(kept)] == [
        ("Talk", "B-12"),
        ("Close", None),
    ]


def test_a_field_kept_in_an_item_without_id_never_goes_into_another():
    """Items that were not read from this version (other ids): the field cannot be placed."""
    block = LearningGroupsStreamBlock()
    edited = agenda(
        {"type": "item", "value": segment("Talk"), "id": "s-2"},
        {"type": "item", "value": segment("Close"), "id": "s-3"},
    )
    kept = write_back.keep_set_aside(block, WITHOUT_IDS, edited)
    assert [item.get("room_booking") for item in segments_of(kept)] == [None, None]


def test_the_editor_deleting_an_item_above_leaves_a_kept_field_in_place(root_page, admin_client):
    page = make_body_page("host", root_page)
    store_raw(page, "body", WITHOUT_IDS)
    data = editor_post_data(admin_client.get(edit_url(page)), "action-save")
    data["body-0-value-segments-0-deleted"] = "1"  # "Welcome"
    assert admin_client.post(edit_url(page), data).status_code == 302
    segments = segments_of(revision_json(page, "body"))
    assert [(item["title"], item.get("room_booking")) for item in segments] == [
        ("Talk", "B-12"),
        ("Close", None),
    ]


def test_a_sites_own_stream_without_ids_saved_once_from_code_keeps_parts_in_the_editor(
    root_page, admin_client
):
    """The page editor gives the site's items new ids: saved from code, they have ids to keep."""
    page = HostArticlePage(title="News", slug="news")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    objectives = [{"type": "item", "value": "Explain how a bill becomes law", "id": "o-1"}]
    newer = {"heading": "", "level": "introductory", "objectives": objectives}
    store_raw(page, "body", [{"type": "objectives", "value": newer}])
    HostArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().save_revision()
    data = editor_post_data(admin_client.get(edit_url(page)), "action-save")
    assert admin_client.post(edit_url(page), data).status_code == 302
    assert revision_json(page, "body")[0]["value"]["level"] == "introductory"


# Revisions that are not edits --------------------------------------------------------------


def test_copying_a_page_leaves_its_old_revisions_as_they_were(root_page):
    """Not even a poll that a later revision added, or one that a script removed for good."""
    page = make_body_page("host", root_page)
    first = [{"type": "heading", "value": "First", "id": "h-1"}]
    for body in (first, [*first, {**POLL, "id": "b-poll"}], first):
        page = HostLearningPage.objects.get(pk=page.pk)
        page.save_revision()
        store_raw(page, "body", body)
    original = HostLearningPage.objects.get(pk=page.pk)
    bodies = [json.loads(rev.content["body"]) for rev in original.revisions.order_by("created_at")]
    copied = CopyPageAction(
        original, to=root_page, update_attrs={"slug": "copy", "title": "Copy"}
    ).execute()
    revisions = copied.revisions.order_by("created_at", "id")
    assert [json.loads(rev.content["body"]) for rev in revisions][: len(bodies)] == bodies
    # The copy's own revision is an edit of the latest, as any save.
    assert json.loads(revisions.last().content["body"]) == first


@pytest.mark.skipif(
    "overwrite_revision" not in inspect.signature(Page.save_revision).parameters,
    reason="this version of Wagtail cannot overwrite a revision",
)
def test_an_autosave_overwriting_a_revision_keeps_what_was_set_aside(root_page, admin_user):
    page = make_body_page("host", root_page)
    stored = [{"type": "heading", "value": "First", "id": "h-1"}, {**POLL, "id": "b-poll"}]
    store_raw(page, "body", stored)
    draft = HostLearningPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    revision = draft.save_revision(user=admin_user)
    edited = HostLearningPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    edited.body = [("heading", "First, edited")]  # as the editor posts it: no poll
    assert edited.save_revision(user=admin_user, overwrite_revision=revision).pk == revision.pk
    assert {**POLL, "id": "b-poll"} in revision_json(page, "body")


def test_a_revision_saved_again_by_code_is_left_as_it_is(root_page):
    """How content kept for good is removed: the code's change is not undone."""
    page = make_body_page("host", root_page)
    store_raw(page, "body", [{"type": "heading", "value": "First", "id": "h-1"}, POLL])
    revision = HostLearningPage.objects.get(pk=page.pk).get_latest_revision()
    revision.content["body"] = json.dumps([{"type": "heading", "value": "First", "id": "h-1"}])
    revision.save()
    assert [item["type"] for item in revision_json(page, "body")] == ["heading"]


# Logging ----------------------------------------------------------------------------------


def test_a_damaged_page_warns_once_then_logs_at_the_debug_level(root_page, caplog):
    page = make_body_page("host", root_page)
    store_raw(page, "body", [{"type": "heading", "value": "First", "id": "h-1"}, POLL])
    levels = []
    for _view in range(2):
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="wagtail_learninggroups"):
            assert Client().get(page.url).status_code == 200
        levels.append({record.levelno for record in caplog.records if "left out" in record.msg})
    assert levels == [{logging.WARNING}, {logging.DEBUG}]


def test_the_memory_of_what_was_logged_is_bounded():
    memory = BoundedCache(size=2)
    assert [memory.first_time(key) for key in "abca"] == [True, True, True, True]
    assert [memory.first_time(key) for key in "ca"] == [False, False]
