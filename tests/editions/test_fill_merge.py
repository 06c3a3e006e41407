"""Several local editors filling one edition at once: each save keeps the others' slots."""

import json
import re

import pytest
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.editions.factories import edit_url, fill_data, person, post_edition, template_slots
from wagtail_learninggroups.editions.fill_merge import comparable, fill_digest, merge_fills


def fill(key, text, item_id="x"):
    content = [{"type": "text", "value": f"<p>{text}</p>", "id": f"{item_id}-c"}]
    return {"type": "fill", "id": item_id, "value": {"key": key, "content": content}}


class TestPureMerge:
    def test_ids_and_rich_text_block_keys_do_not_count_as_changes(self):
        stored = [{"type": "text", "value": '<p data-block-key="a1">Hi</p>', "id": "one"}]
        posted = [{"type": "text", "value": '<p data-block-key="zz9">Hi</p>', "id": "two"}]
        assert comparable(stored) == comparable(posted)
        assert fill_digest(stored) == fill_digest(posted)

    def test_content_and_not_applicable_count_as_changes(self):
        text = [{"type": "text", "value": "<p>Hi</p>"}]
        assert fill_digest(text) != fill_digest([{"type": "text", "value": "<p>Hello</p>"}])
        assert fill_digest([], not_applicable=True) != fill_digest([])

    def test_own_changes_win_and_the_rest_comes_from_what_is_stored_now(self):
        stored_now = [fill("a", "A by someone else"), fill("orphan", "kept"), fill("c", "C")]
        own = [fill("a", "A as shown"), fill("b", "B by me"), fill("orphan", "kept")]
        merged = merge_fills(stored_now, own, changed_keys={"b"})
        texts = [item["value"]["content"][0]["value"] for item in merged]
        # The form's order first; a fill the form never showed (c) is kept at the end.
        assert texts == ["<p>A by someone else</p>", "<p>B by me</p>", "<p>kept</p>", "<p>C</p>"]

    def test_a_fill_deleted_or_emptied_on_purpose_stays_deleted(self):
        stored_now = [fill("a", "A"), fill("orphan", "old")]
        assert merge_fills(stored_now, [fill("a", "A")], changed_keys={"orphan"}) == [
            fill("a", "A")
        ]

    def test_items_of_another_shape_are_kept(self):
        odd = {"type": "fill", "value": "not a dict"}
        assert merge_fills([odd], [], changed_keys=set()) == [odd]


SHOWN = re.compile(r'name="lg-shown-([^"]+)" value="([0-9a-f]*)"')


def open_editor(client, edition):
    """Open the edition editor as a person would: what each slot's input shows, as digests."""
    response = client.get(edit_url(edition))
    assert response.status_code == 200
    return dict(SHOWN.findall(response.content.decode()))


def save_whole_form(client, edition, shown, own_fills):
    """Post every slot, as the browser does: empty as shown, except those the editor filled."""
    data = {}
    for key, digest in shown.items():
        data.update(nested_form_data({f"lg-fill-{key}": streamfield([])}))
        data[f"lg-shown-{key}"] = digest
    for extra in own_fills:
        data.update(extra)
    response = post_edition(client, edition, fills=[data])
    assert response.status_code == 302, response.content.decode()[-2000:]


def latest_fills(edition):
    edition.refresh_from_db()
    return edition.get_latest_revision_as_object().stored_fills()


@pytest.fixture
def keys(template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    return {"welcome": welcome, "speaker": speaker, "event": event}


@pytest.fixture
def second_editor(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("second", "s@example.org"))
    return client


def test_two_editors_fill_different_slots_and_both_fills_are_kept(
    admin_client, second_editor, edition, keys
):
    shown_to_first = open_editor(admin_client, edition)
    shown_to_second = open_editor(second_editor, edition)
    assert set(shown_to_first) == set(keys.values())

    welcome = fill_data(keys["welcome"], ("text", "<p>Nairobi works with the Assembly.</p>"))
    save_whole_form(admin_client, edition, shown_to_first, [welcome])
    # The second editor's form still shows the welcome empty, and posts it so.
    speaker = fill_data(keys["speaker"], ("person", person()))
    save_whole_form(second_editor, edition, shown_to_second, [speaker])

    fills = latest_fills(edition)
    assert "Nairobi works with the Assembly." in fills[keys["welcome"]].content[0]["value"]
    assert fills[keys["speaker"]].content[0]["value"]["name"] == "Amina Odhiambo"


def test_not_applicable_set_by_one_editor_survives_another_editors_save(
    admin_client, second_editor, edition, keys
):
    shown_to_first = open_editor(admin_client, edition)
    shown_to_second = open_editor(second_editor, edition)
    save_whole_form(admin_client, edition, shown_to_first, [{f"lg-na-{keys['event']}": "on"}])
    speaker = fill_data(keys["speaker"], ("person", person()))
    save_whole_form(second_editor, edition, shown_to_second, [speaker])
    assert latest_fills(edition)[keys["event"]].not_applicable


def test_the_same_slot_changed_by_two_editors_keeps_the_last_save(
    admin_client, second_editor, edition, keys
):
    shown_to_first = open_editor(admin_client, edition)
    shown_to_second = open_editor(second_editor, edition)
    first = fill_data(keys["welcome"], ("text", "<p>First words.</p>"))
    save_whole_form(admin_client, edition, shown_to_first, [first])
    second = fill_data(keys["welcome"], ("text", "<p>Second words.</p>"))
    save_whole_form(second_editor, edition, shown_to_second, [second])
    assert "Second words." in latest_fills(edition)[keys["welcome"]].content[0]["value"]


def test_a_form_opened_after_a_save_shows_that_save_and_can_empty_it(
    admin_client, second_editor, edition, keys
):
    welcome = fill_data(keys["welcome"], ("text", "<p>To be removed.</p>"))
    save_whole_form(admin_client, edition, open_editor(admin_client, edition), [welcome])
    shown = open_editor(second_editor, edition)
    assert shown[keys["welcome"]] != fill_digest([])  # it shows the welcome filled
    # The second editor empties the welcome on purpose: their form showed it filled.
    save_whole_form(second_editor, edition, shown, [])
    assert latest_fills(edition)[keys["welcome"]].content == []


def test_publishing_checks_the_fills_as_merged_with_what_others_saved(
    admin_client, second_editor, edition, keys
):
    """A publisher whose form still shows a slot filled cannot publish it emptied by another."""
    welcome = fill_data(keys["welcome"], ("text", "<p>Welcome to Nairobi.</p>"))
    speaker = fill_data(keys["speaker"], ("person", person()))
    save_whole_form(admin_client, edition, open_editor(admin_client, edition), [welcome, speaker])

    shown_to_publisher = open_editor(admin_client, edition)
    shown_to_second = open_editor(second_editor, edition)
    # The second editor empties the welcome, on purpose, and saves a draft.
    save_whole_form(second_editor, edition, shown_to_second, [speaker])
    assert latest_fills(edition)[keys["welcome"]].content == []

    # The publisher's form still shows the welcome filled; they change nothing and publish.
    data = {"action-publish": "1"}
    for key, digest in shown_to_publisher.items():
        data[f"lg-shown-{key}"] = digest
    response = post_edition(
        admin_client, edition, "action-publish", fills=[welcome, speaker, data]
    )
    assert response.status_code == 200
    assert "“A welcome from the head of office”" in response.content.decode()
    edition.refresh_from_db()
    assert not edition.live


def test_a_slot_holding_kinds_it_no_longer_takes_is_unchanged_when_left_alone(
    admin_client, second_editor, edition, keys
):
    """Content of a kind the template no longer allows in a slot does not make it "changed"."""
    from tests.core.damaged import editor_post_data

    save_whole_form(
        admin_client,
        edition,
        open_editor(admin_client, edition),
        [fill_data(keys["welcome"], ("text", "<p>First words.</p>"))],
    )
    # As if the template had since narrowed the welcome to text: it also holds a person.
    edition.refresh_from_db()
    revision = edition.get_latest_revision()
    fills = revision.content["fills"]
    fills = json.loads(fills) if isinstance(fills, str) else fills
    fills[0]["value"]["content"].append({"type": "person", "id": "p1", "value": person()})
    revision.content["fills"] = json.dumps(fills)
    revision.save(update_fields=["content"])

    unchanged = editor_post_data(admin_client.get(edit_url(edition)), "action-save")
    newer = fill_data(keys["welcome"], ("text", "<p>Newer words.</p>"))
    assert post_edition(second_editor, edition, fills=[newer]).status_code == 302
    # The first editor saves their form, the welcome left as it was shown.
    assert admin_client.post(edit_url(edition), unchanged).status_code == 302
    content = latest_fills(edition)[keys["welcome"]].content
    assert "Newer words." in content[0]["value"]
    assert [item["type"] for item in content] == ["text", "person"]


def stored_fill(key, text):
    return {"type": "fill", "value": {"key": key, "content": [{"type": "text", "value": text}]}}


@pytest.mark.parametrize("odd_key", [None, 5, ["a"]])
def test_a_fill_without_a_usable_key_is_kept_once_however_often_fills_are_merged(odd_key):
    stored = [stored_fill(odd_key, "odd"), stored_fill("welcome", "hello")]
    own = [stored_fill("welcome", "hello again")]
    merged = merge_fills(stored, own, {"welcome"})
    for _save in range(4):
        # Saving merges the form's fills with the stored ones twice: in the form, then again.
        merged = merge_fills(merged, merged, {"welcome"})
    assert merged == [stored_fill("welcome", "hello again"), stored_fill(odd_key, "odd")]


def test_a_second_fill_of_one_key_is_kept_after_the_first():
    first, second = stored_fill("welcome", "first"), stored_fill("welcome", "second")
    for changed in (set(), {"welcome"}):
        own = [stored_fill("welcome", "edited")]
        merged = merge_fills([first, second], own, changed)
        assert merged[-1] == second
        assert len(merged) == 2
