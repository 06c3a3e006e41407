"""Nothing lost: fills survive renamed, reordered, removed and restored slots, and reverts."""

import pytest

from tests.editions.factories import edit_url, fill_data, person, post_edition, template_slots
from tests.workshops.factories import slotted_workshop_form


@pytest.fixture
def keys(template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    return {"welcome": welcome, "speaker": speaker, "event": event}


@pytest.fixture
def live_edition(admin_client, edition, keys):
    fills = [
        fill_data(keys["welcome"], ("text", "<p>Nairobi works with the National Assembly.</p>")),
        fill_data(keys["speaker"], ("person", person())),
    ]
    assert post_edition(admin_client, edition, "action-publish", fills).status_code == 302
    edition.refresh_from_db()
    return edition


def publish_template(client, template, keys, **changes):
    data = slotted_workshop_form(
        welcome_key=keys["welcome"], speaker_key=keys["speaker"], event_key=keys["event"]
    )
    data.update(changes)
    response = client.post(edit_url(template), data)
    assert response.status_code == 302, response.content.decode()[-2000:]


WITHOUT_SPEAKER = {"body-2-value-segments-1-value-local-0-deleted": "1"}


def test_fills_follow_their_slots_through_renames_and_reordering(
    admin_client, client, live_edition, template, keys
):
    publish_template(
        admin_client, template, keys,
        **{"body-1-value-title": "A word from the head of office",
           "body-1-order": "3", "body-3-order": "1"},
    )  # fmt: skip
    html = client.get(live_edition.url).content.decode()
    assert "Nairobi works with the National Assembly." in html
    assert "Amina Odhiambo" in html


def test_a_fill_whose_slot_is_removed_is_kept_as_an_orphan_and_returns_with_the_slot(
    admin_client, client, live_edition, template, keys
):
    publish_template(admin_client, template, keys, **WITHOUT_SPEAKER)
    assert [slot.key for slot in template_slots(template)] == [keys["welcome"], keys["event"]]
    assert "Amina Odhiambo" not in client.get(live_edition.url).content.decode()

    live_edition.refresh_from_db()
    progress = live_edition.progress()
    assert [fill.key for fill in progress.orphans] == [keys["speaker"]]
    editor = admin_client.get(edit_url(live_edition)).content.decode()
    assert "Content whose slot left the template" in editor
    assert "Amina Odhiambo" in editor  # shown to the local editor with its content

    # Saving the edition meanwhile carries the orphan over.
    assert post_edition(admin_client, live_edition, "action-publish").status_code == 302
    live_edition.refresh_from_db()
    assert keys["speaker"] in live_edition.stored_fills()

    # The centre puts the slot back (same key): the fill is in place again.
    publish_template(admin_client, template, keys)
    assert "Amina Odhiambo" in client.get(live_edition.url).content.decode()
    live_edition.refresh_from_db()
    assert live_edition.progress().orphans == ()


def test_a_revert_of_the_template_to_an_older_revision_brings_fills_back(
    admin_client, client, live_edition, template, keys
):
    first_revision = template.revisions.order_by("created_at", "id").first()
    publish_template(admin_client, template, keys, **WITHOUT_SPEAKER)
    assert "Amina Odhiambo" not in client.get(live_edition.url).content.decode()
    first_revision.publish()  # what "Review this version" then "Publish" does
    assert "Amina Odhiambo" in client.get(live_edition.url).content.decode()


def test_an_orphan_is_deleted_only_on_purpose(admin_client, live_edition, template, keys):
    publish_template(admin_client, template, keys, **WITHOUT_SPEAKER)
    live_edition.refresh_from_db()
    response = post_edition(
        admin_client,
        live_edition,
        "action-publish",
        [{f"lg-delete-orphan-{keys['speaker']}": "on"}],
    )
    assert response.status_code == 302
    live_edition.refresh_from_db()
    assert keys["speaker"] not in live_edition.stored_fills()
    assert keys["welcome"] in live_edition.stored_fills()


def test_content_of_a_kind_the_slot_no_longer_takes_is_kept_until_removed(
    admin_client, client, live_edition, template, keys
):
    # The centre changes the speaker slot from "a person" to "text".
    publish_template(
        admin_client, template, keys,
        **{"body-2-value-segments-1-value-local-0-value-kinds": "text"},
    )  # fmt: skip
    editor = admin_client.get(edit_url(live_edition)).content.decode()
    assert "no longer takes this kind of content" in editor and "Amina Odhiambo" in editor

    text = fill_data(keys["speaker"], ("text", "<p>Our speaker will be confirmed.</p>"))
    assert post_edition(admin_client, live_edition, "action-publish", [text]).status_code == 302
    live_edition.refresh_from_db()
    kinds = [item["type"] for item in live_edition.stored_fills()[keys["speaker"]].content]
    assert kinds == ["text", "person"]  # the person is not lost
    assert "Amina Odhiambo" in client.get(live_edition.url).content.decode()

    remove = {f"lg-drop-other-kinds-{keys['speaker']}": "on"}
    response = post_edition(admin_client, live_edition, "action-publish", [text, remove])
    assert response.status_code == 302
    live_edition.refresh_from_db()
    kinds = [item["type"] for item in live_edition.stored_fills()[keys["speaker"]].content]
    assert kinds == ["text"]
