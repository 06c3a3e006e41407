"""Ways round the editor's rules, and damaged data, found in review: each closed."""

import datetime

from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.core.damaged import editor_post_data
from tests.editions.factories import (
    add_page_url,
    edit_url,
    edition_form,
    fill_data,
    person,
    post_edition,
    template_slots,
)
from wagtail_learninggroups.models import LocalEditionPage, Location
from wagtail_learninggroups.workshops import slots


def complete(template):
    welcome, speaker, _event = (slot.key for slot in template_slots(template))
    return [
        fill_data(welcome, ("text", "<p>Welcome.</p>")),
        fill_data(speaker, ("person", person())),
    ]


def test_no_publishing_while_the_template_is_unpublished(admin_client, edition, template):
    template.unpublish()
    response = post_edition(admin_client, edition, "action-publish")
    assert response.status_code == 200
    assert "while its workshop template is not published" in response.content.decode()
    edition.refresh_from_db()
    assert not edition.live


def test_resubmitting_to_moderation_keeps_the_rule(admin_client, edition):
    response = post_edition(admin_client, edition, "action-restart-workflow")
    assert response.status_code == 200
    assert "cannot be published while required slots are empty" in response.content.decode()


def test_fills_count_as_a_change_of_the_form(admin_client, edition, template):
    from wagtail_learninggroups.editions.forms import LocalEditionPageForm

    edition = edition.get_latest_revision_as_object()
    data = edition_form(template, edition.location, session_starts="")
    for extra in complete(template)[:1]:
        data.update(extra)
    form_class = type(edition).get_edit_handler().get_form_class()
    form = form_class(data, instance=edition, parent_page=edition.get_parent())
    assert isinstance(form, LocalEditionPageForm)
    assert form.has_changed()


def test_an_edition_cannot_claim_another_offices_place(admin_client, edition, offices):
    suva = offices[1]
    response = admin_client.post(edit_url(edition), edition_form(edition.workshop, suva))
    assert response.status_code == 200
    assert "Suva’s editions live under its section" in response.content.decode()
    edition.refresh_from_db()
    assert edition.location_id == offices[0].pk


def test_an_edition_cannot_be_copied(admin_client, edition):
    response = admin_client.get(reverse("wagtailadmin_pages:copy", args=(edition.pk,)))
    assert response.status_code == 302
    assert LocalEditionPage.objects.count() == 1


def test_an_edition_showing_a_private_template_is_not_cached_by_shared_caches(
    admin_client, edition, template
):
    assert (
        post_edition(admin_client, edition, "action-publish", complete(template)).status_code
        == 302
    )
    PageViewRestriction.objects.create(page=template, restriction_type="login")
    edition.refresh_from_db()
    response = admin_client.get(edition.url)  # signed in: allowed to see it
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    anonymous = Client().get(edition.url).content.decode()
    assert "This workshop is not available at the moment." in anonymous


def test_unpublishing_the_template_makes_no_fill_an_orphan(admin_client, edition, template):
    assert (
        post_edition(admin_client, edition, "action-save", complete(template)).status_code == 302
    )
    template.unpublish()
    html = admin_client.get(edit_url(edition)).content.decode()
    assert "Content whose slot left the template" not in html
    assert post_edition(admin_client, edition, "action-save").status_code == 302
    edition.refresh_from_db()
    assert len(edition.get_latest_revision_as_object().stored_fills()) == 2  # nothing lost


def test_a_damaged_fill_is_left_out_of_the_page(admin_client, client, edition, template):
    assert (
        post_edition(admin_client, edition, "action-publish", complete(template)).status_code
        == 302
    )
    edition.refresh_from_db()
    raw = list(edition.fills.raw_data)
    raw.append({"type": "fill", "value": {"key": "x", "content": "not a list"}})
    raw[0]["value"]["content"] = [{"type": "person", "value": "not a struct"}]
    type(edition).objects.filter(pk=edition.pk).update(fills=raw)
    response = client.get(edition.url)
    assert response.status_code == 200


def test_empty_rich_text_markup_is_blank():
    assert slots.is_blank_html('<p data-block-key="a1"></p>')
    assert slots.is_blank_html("<p>&nbsp;</p><p><br/></p>")
    assert not slots.is_blank_html('<p><img src="x.png" alt=""></p>')
    assert not slots.is_blank_html("<p>Hi</p>")


def test_an_edition_for_the_wrong_section_cannot_be_created(admin_client, template, offices):
    nairobi, suva = offices
    response = admin_client.post(
        add_page_url(LocalEditionPage, nairobi.page), edition_form(template, suva)
    )
    assert response.status_code == 200
    assert not LocalEditionPage.objects.exists()


# Session times and time zones -------------------------------------------------------------

FAR_AHEAD = datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.timezone.utc)


def store_session_start(edition, starts):
    """Write ``starts`` into the edition's row and latest revision, past every check."""
    LocalEditionPage.objects.filter(pk=edition.pk).update(session_starts=starts)
    revision = edition.get_latest_revision()
    revision.content["session_starts"] = starts.isoformat()
    revision.save(update_fields=["content"])


def test_a_session_too_far_ahead_for_a_zone_west_of_utc_is_refused_with_a_message(
    admin_client, edition
):
    Location.objects.filter(pk=edition.location_id).update(time_zone="America/New_York")
    edition.refresh_from_db()
    before = edition.session_starts
    response = post_edition(admin_client, edition, session_starts="9999-12-31 23:00")
    assert response.status_code == 200
    assert "too far ahead to store" in response.content.decode()
    edition.refresh_from_db()
    assert edition.session_starts == before


def test_a_stored_session_too_far_ahead_for_the_offices_zone_reads_and_saves_unchanged(
    admin_client, edition
):
    store_session_start(edition, FAR_AHEAD)
    edition.save_revision().publish()
    store_session_start(edition, FAR_AHEAD)
    response = Client().get(edition.url)
    assert response.status_code == 200
    assert "Friday 31 December 9999, 23:00 UTC" in response.content.decode()
    editor = admin_client.get(edit_url(edition))
    assert editor.status_code == 200
    assert "has no date in the office" in editor.content.decode()
    data = editor_post_data(editor, "action-save")
    assert admin_client.post(edit_url(edition), data).status_code == 302
    saved = edition.get_latest_revision().as_object()
    assert saved.session_starts == FAR_AHEAD


def test_an_office_whose_stored_time_zone_is_no_zone_leaves_its_editions_readable(
    admin_client, edition
):
    Location.objects.filter(pk=edition.location_id).update(time_zone="Mars/Olympus_Mons")
    edition.save_revision().publish()
    response = Client().get(edition.url)
    assert response.status_code == 200
    assert "Library, 2nd floor" in response.content.decode()
    assert admin_client.get(edit_url(edition)).status_code == 200
