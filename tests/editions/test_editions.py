"""Local editions, edited through the real page editor and read as staff read them."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.editions.factories import (
    add_page_url,
    edit_url,
    edition_form,
    fill_data,
    person,
    post_edition,
    template_slots,
)
from tests.workshops.factories import slotted_workshop_form
from wagtail_learninggroups.editions.models import compare_templates
from wagtail_learninggroups.models import LocalEditionPage


@pytest.fixture
def keys(template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    return {"welcome": welcome, "speaker": speaker, "event": event}


def complete_fills(keys):
    return [
        fill_data(keys["welcome"], ("text", "<p>Nairobi works with the National Assembly.</p>")),
        fill_data(keys["speaker"], ("person", person())),
    ]


def publish_complete(client, edition, keys):
    response = post_edition(client, edition, "action-publish", complete_fills(keys))
    assert response.status_code == 302, response.content.decode()[-2000:]
    edition.refresh_from_db()
    assert edition.live
    return edition


def test_an_edition_is_created_as_a_draft_under_its_office(edition, offices):
    assert edition.get_parent().pk == offices[0].page.pk
    assert not edition.live
    assert edition.fills.raw_data == [] or list(edition.fills.raw_data) == []


def test_a_second_edition_of_one_template_for_one_office_is_refused(
    admin_client, edition, template, offices
):
    nairobi = offices[0]
    response = admin_client.post(
        add_page_url(LocalEditionPage, nairobi.page),
        edition_form(template, nairobi, slug="another"),
    )
    assert response.status_code == 200
    assert "Nairobi already has an edition of this workshop" in response.content.decode()
    assert LocalEditionPage.objects.count() == 1


def test_the_editor_lists_every_slot_in_template_order_with_its_guidance(
    admin_client, edition, keys
):
    html = admin_client.get(edit_url(edition)).content.decode()
    positions = [
        html.index("A welcome from the head of office"),
        html.index("A colleague who has worked with parliament"),
        html.index("A visit to parliament"),
    ]
    assert positions == sorted(positions)
    for key in keys.values():
        assert html.count(f'<div id="lg-fill-{key}" data-block') == 1  # each input once
    assert "In the agenda, segment “Local voices”" in html
    assert "May be filled with: An event, with date and link; A link or a document" in html
    assert html.count("Not applicable here") >= 1
    # The instructions are guidance inside the empty text input, not text on the page.
    assert "Two or three sentences on why this matters here." in html
    assert 'class="help lg-fill__instructions"' not in html


def test_publishing_with_required_slots_empty_is_refused_naming_each_slot(
    admin_client, edition, keys
):
    response = post_edition(admin_client, edition, "action-publish")
    html = response.content.decode()
    assert response.status_code == 200
    assert "cannot be published while required slots are empty" in html
    assert "“A welcome from the head of office”" in html
    assert "“A colleague who has worked with parliament”" in html
    assert "“A visit to parliament”" not in html.split("cannot be published")[1][:300]
    edition.refresh_from_db()
    assert not edition.live


def test_a_draft_may_leave_slots_empty(admin_client, edition, keys):
    response = post_edition(admin_client, edition, "action-save", complete_fills(keys)[:1])
    assert response.status_code == 302
    edition.refresh_from_db()
    draft = edition.get_latest_revision_as_object()
    stored = draft.stored_fills()
    assert "Nairobi works with" in stored[keys["welcome"]].content[0]["value"]
    assert not edition.live


def test_a_published_edition_shows_the_template_with_the_fills_in_place(
    admin_client, client, edition, keys
):
    publish_complete(admin_client, edition, keys)
    html = client.get(edition.url).content.decode()
    assert "<h1>Parliament where you are: Nairobi</h1>" in html
    assert "The session at Nairobi" in html
    assert "Library, 2nd floor" in html and "Wanjiru Kamau" in html
    assert "Nairobi time</time>" in html
    assert "Nairobi works with the National Assembly." in html
    assert "Amina Odhiambo" in html and "Political officer" in html
    assert "Each office adds" not in html
    # Central content and core segments are there as the template has them.
    assert "What would we change?" in html and "Core: do not cut" in html
    # The optional event slot is empty and shows nothing; no instructions for readers.
    assert "A visit to parliament" not in html
    assert "Two or three sentences" not in html


def test_an_input_accepts_only_the_kinds_its_slot_allows(admin_client, edition, keys):
    wrong_kind = fill_data(keys["speaker"], ("text", "<p>Just a name</p>"))
    response = post_edition(
        admin_client, edition, "action-publish", [complete_fills(keys)[0], wrong_kind]
    )
    assert response.status_code == 200
    assert "“A colleague who has worked with parliament”" in response.content.decode()


def test_not_applicable_counts_as_done_for_an_optional_slot(admin_client, client, edition, keys):
    fills = [*complete_fills(keys), {f"lg-na-{keys['event']}": "on"}]
    response = post_edition(admin_client, edition, "action-publish", fills)
    assert response.status_code == 302
    edition.refresh_from_db()
    progress = edition.progress()
    assert (progress.optional_done, progress.optional_total) == (1, 1)
    assert progress.is_complete


def test_fill_html_is_sanitised_where_it_is_stored(admin_client, edition, keys):
    dirty = fill_data(
        keys["welcome"], ("text", '<p>Hello <a href="javascript:alert(1)">there</a></p>')
    )
    assert post_edition(admin_client, edition, "action-save", [dirty]).status_code == 302
    edition.refresh_from_db()
    stored = str(edition.get_latest_revision().content["fills"])
    assert "Hello" in stored and "javascript:" not in stored


def test_a_template_that_is_unpublished_or_deleted_makes_its_editions_say_so(
    admin_client, client, edition, keys, template
):
    publish_complete(admin_client, edition, keys)
    template.unpublish()
    response = client.get(edition.url)
    assert response.status_code == 200
    assert "This workshop is not available at the moment." in response.content.decode()
    assert client.get(edition.url + "print/").status_code == 200
    template.delete()
    edition.refresh_from_db()
    assert edition.workshop_id is None
    response = client.get(edition.url)
    assert "This workshop is not available at the moment." in response.content.decode()
    assert admin_client.get(edit_url(edition)).status_code == 200


def test_facilitator_view_and_print_pack_of_an_edition(admin_client, client, edition, keys):
    publish_complete(admin_client, edition, keys)
    for suffix in ("facilitator/", "print/"):
        html = client.get(edition.url + suffix).content.decode()
        assert "Amina Odhiambo" in html and "The session at Nairobi" in html


def test_a_private_template_keeps_its_content_out_of_editions(
    admin_client, edition, keys, template
):
    publish_complete(admin_client, edition, keys)
    PageViewRestriction.objects.create(page=template, restriction_type="login")
    html = Client().get(edition.url).content.decode()  # someone not signed in
    assert "This workshop is not available at the moment." in html
    assert "What would we change?" not in html


def test_the_edition_remembers_the_template_revision_and_says_what_changed(
    admin_client, client, edition, keys, template
):
    publish_complete(admin_client, edition, keys)
    assert edition.template_revision_id == template.live_revision_id
    assert "Template changed" not in admin_client.get(edit_url(edition)).content.decode()

    # The centre adds a required slot and lengthens a segment, and publishes.
    data = slotted_workshop_form(
        welcome_key=keys["welcome"], speaker_key=keys["speaker"], event_key=keys["event"]
    )
    data["body-2-value-segments-0-value-minutes"] = "25"
    data.update(
        {
            "body-4-type": "slot", "body-4-deleted": "", "body-4-order": "4", "body-4-id": "",
            "body-4-value-key": "", "body-4-value-title": "Your office's own example",
            "body-4-value-instructions": "", "body-4-value-example": "",
            "body-4-value-required": "on", "body-4-value-kinds": "text",
            "body-4-value-when_empty": "fallback",
            "body-4-value-fallback": "Your office will add its own example.",
            "body-count": "5",
        }
    )  # fmt: skip
    assert admin_client.post(edit_url(template), data).status_code == 302

    edition.refresh_from_db()
    assert edition.live  # nothing is unpublished
    html = client.get(edition.url).content.decode()
    assert "Your office will add its own example." in html  # the new slot's fallback
    editor = admin_client.get(edit_url(edition)).content.decode()
    assert "Template changed since your last publish:" in editor
    assert "<li>New required slot: “Your office&#x27;s own example”</li>" in editor
    assert "<li>Agenda segment “How a bill becomes law”: 20 min is now 25 min</li>" in editor
    template.refresh_from_db()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(template.pk, edition.template_revision_id, "live"),
    )
    assert compare in editor
    assert admin_client.get(compare).status_code == 200
    assert "New in the template" in editor


def test_an_edition_costs_at_most_three_queries_more_than_its_template(
    admin_client, client, edition, keys, template, offices
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    publish_complete(admin_client, edition, keys)
    # Side by side at one depth of the tree, so that routing costs both the same.
    template.move(offices[1].page, pos="last-child")
    template.refresh_from_db()
    client.get(template.url), client.get(edition.url)  # warm the site and URL caches
    with CaptureQueriesContext(connection) as for_template:
        assert client.get(template.url).status_code == 200
    with CaptureQueriesContext(connection) as for_edition:
        assert client.get(edition.url).status_code == 200
    assert len(for_edition) <= len(for_template) + 3


def test_the_session_time_is_entered_and_shown_in_the_offices_time_zone(
    admin_client, client, edition, keys, settings
):
    settings.TIME_ZONE = "America/New_York"  # the editor's own zone differs from Nairobi's
    fills = complete_fills(keys)
    response = post_edition(
        admin_client, edition, "action-publish", fills, session_starts="2027-02-10 10:00"
    )
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.session_starts.isoformat() == "2027-02-10T07:00:00+00:00"  # 10:00 in Nairobi
    editor = admin_client.get(edit_url(edition)).content.decode()
    assert 'value="2027-02-10 10:00"' in editor
    assert "In the office&#x27;s time zone, Africa/Nairobi." in editor

    # Posting the same time again is no change (Wagtail logs and saves by that).
    draft = edition.get_latest_revision_as_object()
    form_class = type(draft).get_edit_handler().get_form_class()
    data = edition_form(draft.workshop, draft.location, session_starts="2027-02-10 10:00")
    form = form_class(data, instance=draft, parent_page=draft.get_parent())
    assert form.is_valid(), form.errors
    assert "session_starts" not in form.changed_data
    assert "10:00 Nairobi time</time>" in client.get(edition.url).content.decode()


def test_bulk_publishing_from_the_page_listing_keeps_the_rule(admin_client, edition, keys):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = admin_client.post(f"{url}?id={edition.pk}", {"include_descendants": ""})
    assert response.status_code == 302
    edition.refresh_from_db()
    assert not edition.live
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("“A welcome from the head of office”" in m for m in messages), messages

    # Once the draft is complete, the bulk action publishes it.
    assert (
        post_edition(admin_client, edition, "action-save", complete_fills(keys)).status_code == 302
    )
    admin_client.post(f"{url}?id={edition.pk}", {"include_descendants": ""})
    edition.refresh_from_db()
    assert edition.live


def test_a_fill_with_a_line_break_opens_again_in_the_editor(admin_client, edition, keys):
    """A soft line break (shift+enter) is stored as Wagtail's editor can read it back."""
    fill = fill_data(keys["welcome"], ("text", "<p>Nairobi<br/>Kenya</p>"))
    assert post_edition(admin_client, edition, fills=[fill]).status_code == 302
    response = admin_client.get(edit_url(edition))
    assert response.status_code == 200
    edition.refresh_from_db()
    stored = edition.get_latest_revision_as_object().stored_fills()[keys["welcome"]]
    assert "Nairobi<br/>Kenya" in stored.content[0]["value"]


# What changed in the template, in words ------------------------------------------------------


def stored_segment(item_id, title, minutes, kind, core=False):
    value = {"title": title, "minutes": minutes, "kind": kind, "core": core, "local": []}
    return {"type": "item", "value": value, "id": item_id} if item_id else value


def stored_slot(key, title, required=True, kinds=("text",)):
    value = {"key": key, "title": title, "required": required, "kinds": list(kinds),
             "when_empty": "nothing", "fallback": ""}  # fmt: skip
    return {"type": "slot", "value": value, "id": f"block-{key}"}


def stored_agenda(*segments):
    return {"type": "agenda", "value": {"heading": "", "segments": list(segments)}, "id": "agenda"}


def test_the_template_changes_are_said_in_words_slot_by_slot_and_segment_by_segment():
    old = [
        stored_agenda(
            stored_segment("a", "Welcome", 10, "welcome"),
            stored_segment("b", "Talk", 20, "presentation"),
            stored_segment("c", "What would we change?", 30, "discussion", core=True),
        ),
        stored_slot("speaker", "A speaker"),
        stored_slot("visit", "A visit", required=False, kinds=("event",)),
        stored_slot("story", "A story"),
    ]
    new = [
        stored_agenda(
            stored_segment("b", "Keynote", 25, "video", core=True),
            stored_segment("a", "Welcome", 10, "welcome"),
            stored_segment("d", "Break", 10, "break"),
        ),
        stored_slot("speaker", "A local speaker"),
        stored_slot("visit", "A visit", kinds=("event", "link")),
        stored_slot("photo", "A photo", required=False, kinds=("media",)),
    ]
    changes = compare_templates(old, new)
    assert changes
    assert [slot.key for slot in changes.new_optional] == ["photo"]  # as the panel reads it
    assert changes.describe() == [
        "New optional slot: “A photo”",
        "Slot removed: “A story”",
        "Slot renamed: “A speaker” is now “A local speaker”",
        "Slot now required: “A visit”",
        "Slot “A visit” now takes: An event, with date and link; A link or a document",
        "New agenda segment: “Break”, 10 min",
        "Agenda segment removed: “What would we change?”",
        "Agenda segment renamed: “Talk” is now “Keynote”",
        "Agenda segment “Keynote”: 20 min is now 25 min",
        "Agenda segment “Keynote” is now: Video",
        "Agenda segment “Keynote” is now core: it must not be cut",
        "Agenda segments in a new order",
    ]
    assert not compare_templates(old, old) and compare_templates(old, old).describe() == []


def test_segments_stored_without_ids_are_told_apart_by_their_titles():
    old = [stored_agenda(stored_segment(None, "Welcome", 10, "welcome"),
                         stored_segment(None, "Talk", 20, "presentation"))]  # fmt: skip
    new = [stored_agenda(stored_segment(None, "Welcome", 15, "welcome"),
                         stored_segment(None, "Quiz", 10, "quiz"))]  # fmt: skip
    assert compare_templates(old, new).describe() == [
        "New agenda segment: “Quiz”, 10 min",
        "Agenda segment removed: “Talk”",
        "Agenda segment “Welcome”: 10 min is now 15 min",
    ]


def test_damaged_template_bodies_are_compared_without_failing():
    damaged = [
        None,
        "text",
        {"type": "agenda", "value": {"segments": "not a list"}},
        {"type": "agenda", "value": [1, 2]},
        stored_agenda(
            {"type": "item", "id": "x", "value": {"title": ["?"], "kind": [1], "minutes": {}}},
            "a bare string",
        ),
    ]
    new = [stored_agenda(stored_segment("x", "Welcome", 10, "welcome"))]
    assert compare_templates(damaged, new).describe()
    assert compare_templates(new, damaged).describe()
    assert compare_templates(damaged, damaged).describe() == []


# The session time ------------------------------------------------------------------------------


def test_the_session_time_picker_offers_minutes(admin_client, edition, keys):
    editor = admin_client.get(edit_url(edition)).content.decode()
    config = re.search(r'initDateTimeChooser\("id_session_starts", (\{.*?\})\)', editor)
    assert json.loads(config.group(1))["step"] == 5  # minutes between the times listed
    response = post_edition(admin_client, edition, session_starts="2027-02-10 10:35")
    assert response.status_code == 302
    edition.refresh_from_db()
    draft = edition.get_latest_revision_as_object()
    assert draft.session_starts_in_office()[0].strftime("%H:%M") == "10:35"


# A refused publish -----------------------------------------------------------------------------


def test_a_refused_publish_tells_the_editors_script_to_hold_the_autosave(
    admin_client, edition, keys
):
    refused = post_edition(admin_client, edition, "action-publish").content.decode()
    assert "cannot be published while required slots are empty" in refused
    assert "data-lg-publish-refused" in refused
    assert "wagtail_learninggroups/js/editor.js" in refused
    assert "data-lg-publish-refused" not in admin_client.get(edit_url(edition)).content.decode()
    draft = post_edition(admin_client, edition, "action-save")
    assert draft.status_code == 302
