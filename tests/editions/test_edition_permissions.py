"""Page permissions stay Wagtail's: an office's editors edit its editions, no one else's."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from tests.editions.factories import edit_url, fill_data, person, post_edition, template_slots
from tests.utils import refused
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import LocalEditionPage


@pytest.fixture
def editions(template, offices):
    roll_out(template, list(offices))
    return {e.location.slug: e for e in LocalEditionPage.objects.select_related("location")}


def editor_of(django_user_model, name, page):
    """A client signed in as a member of a group with Add, Edit and Publish on ``page``."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(name.lower().replace(" ", "-"), password="pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def nairobi_editor(django_user_model, offices):
    return editor_of(django_user_model, "Nairobi editors", offices[0].page)


@pytest.fixture
def central_editor(django_user_model, root_page):
    """The central learning team: Add, Edit and Publish on the whole site, templates too."""
    return editor_of(django_user_model, "Central learning team", root_page)


def test_an_office_editor_edits_and_publishes_the_offices_edition(
    nairobi_editor, editions, template
):
    nairobi = editions["nairobi"]
    assert nairobi_editor.get(edit_url(nairobi)).status_code == 200
    welcome, speaker, _event = (slot.key for slot in template_slots(template))
    fills = [
        fill_data(welcome, ("text", "<p>Karibu.</p>")),
        fill_data(speaker, ("person", person())),
    ]
    assert post_edition(nairobi_editor, nairobi, "action-publish", fills).status_code == 302
    nairobi.refresh_from_db()
    assert nairobi.live


def test_but_not_another_offices_edition_nor_the_template(nairobi_editor, editions, template):
    suva = editions["suva"]
    assert refused(nairobi_editor.get(edit_url(suva)))
    assert refused(post_edition(nairobi_editor, suva, "action-publish"))
    suva.refresh_from_db()
    assert not suva.live
    assert refused(nairobi_editor.get(edit_url(template)))
    rollout = reverse("wagtail_learninggroups_rollout", args=(template.pk,))
    assert refused(nairobi_editor.get(rollout))
    assert refused(nairobi_editor.get(reverse("wagtail_learninggroups_completeness")))


def test_the_template_changed_notice_links_to_the_comparison_only_for_its_editors(
    nairobi_editor, admin_client, editions, template
):
    from tests.workshops.factories import slotted_workshop_form

    nairobi = editions["nairobi"]
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    fills = [
        fill_data(welcome, ("text", "<p>Karibu.</p>")),
        fill_data(speaker, ("person", person())),
    ]
    assert post_edition(nairobi_editor, nairobi, "action-publish", fills).status_code == 302
    data = slotted_workshop_form(welcome_key=welcome, speaker_key=speaker, event_key=event)
    data["body-2-value-segments-0-value-minutes"] = "25"
    assert admin_client.post(edit_url(template), data).status_code == 302

    local = nairobi_editor.get(edit_url(nairobi)).content.decode()
    assert "Template changed since your last publish:" in local
    assert "Agenda segment “How a bill becomes law”: 20 min is now 25 min" in local
    assert "revisions/compare" not in local
    central = admin_client.get(edit_url(nairobi)).content.decode()
    assert "revisions/compare" in central


def move(client, page, destination):
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    return client.post(url, follow=True)


def test_an_edition_cannot_leave_its_section_with_a_page_above_it(admin_client, edition, offices):
    """Moving a folder that holds an edition into another office's section is refused too."""
    from tests.testapp.models import HostArticlePage

    nairobi, suva = offices
    folder = HostArticlePage(title="Learning", slug="learning")
    nairobi.page.refresh_from_db()  # older django-treebeard counts children from the instance
    nairobi.page.add_child(instance=folder)
    edition.move(folder, pos="last-child")

    response = move(admin_client, folder, suva.page)
    assert "A local edition stays in its office" in response.content.decode()
    folder.refresh_from_db()
    assert folder.get_parent().pk == nairobi.page.pk

    # Moving the whole section takes its editions along: allowed.
    response = move(admin_client, nairobi.page, suva.page.get_parent())
    nairobi.page.refresh_from_db()
    assert (
        LocalEditionPage.objects.get(pk=edition.pk)
        .get_ancestors()
        .filter(pk=nairobi.page.pk)
        .exists()
    )


# The template and the office of an edition -----------------------------------------------------


@pytest.fixture
def second_template(admin_client, root_page, template):
    from tests.editions.factories import add_page_url
    from tests.workshops.factories import slotted_workshop_form
    from wagtail_learninggroups.models import WorkshopTemplatePage

    data = slotted_workshop_form()
    data.update(title="Public money at home", slug="public-money")
    response = admin_client.post(add_page_url(WorkshopTemplatePage, root_page), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return WorkshopTemplatePage.objects.get(slug="public-money")


def test_a_local_editor_sees_the_template_and_the_office_read_only(nairobi_editor, editions):
    html = nairobi_editor.get(edit_url(editions["nairobi"])).content.decode()
    assert 'name="workshop"' not in html and 'name="location"' not in html
    assert "Set by the central learning team" in html
    assert 'aria-readonly="true"' in html and "Parliament where you are" in html
    assert 'name="venue"' in html  # the session details stay the office's to edit


def test_a_local_editors_post_changing_the_template_or_the_office_is_ignored(
    nairobi_editor, editions, offices, second_template
):
    from tests.editions.factories import edition_form

    nairobi = editions["nairobi"]
    data = edition_form(nairobi.workshop, nairobi.location, venue="Hall")
    data.update(workshop=str(second_template.pk), location=str(offices[1].pk))  # forged
    response = nairobi_editor.post(edit_url(nairobi), data)
    assert response.status_code == 302
    draft = LocalEditionPage.objects.get(pk=nairobi.pk).get_latest_revision_as_object()
    assert (draft.workshop_id, draft.location_id) == (nairobi.workshop_id, offices[0].pk)
    assert draft.venue == "Hall"  # the rest of the post is saved


def test_central_editors_and_superusers_still_change_an_editions_template(
    central_editor, admin_client, editions, second_template
):
    nairobi = editions["nairobi"]
    for client in (central_editor, admin_client):
        html = client.get(edit_url(nairobi)).content.decode()
        assert 'name="workshop"' in html and 'name="location"' in html
    response = post_edition(
        central_editor, nairobi, "action-save", workshop=str(second_template.pk)
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    draft = LocalEditionPage.objects.get(pk=nairobi.pk).get_latest_revision_as_object()
    assert draft.workshop_id == second_template.pk


def test_a_local_editor_reads_what_changed_in_the_template_in_words(
    nairobi_editor, admin_client, editions, template
):
    """Renamed, added and removed slots and segments, for an editor with no comparison."""
    from tests.workshops.factories import slotted_workshop_form

    nairobi = editions["nairobi"]
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    fills = [
        fill_data(welcome, ("text", "<p>Karibu.</p>")),
        fill_data(speaker, ("person", person())),
    ]
    assert post_edition(nairobi_editor, nairobi, "action-publish", fills).status_code == 302
    data = slotted_workshop_form(welcome_key=welcome, speaker_key=speaker, event_key=event)
    data["body-1-value-title"] = "A word from the head of office"  # a slot renamed
    data["body-2-value-segments-1-value-title"] = "Voices from the office"  # a segment renamed
    data["body-2-value-segments-2-deleted"] = "1"  # a segment removed
    data["body-3-deleted"] = "1"  # a slot removed
    template.refresh_from_db()
    ids = [item["id"] for item in template.body.raw_data[2]["value"]["segments"]]
    for index, item_id in enumerate(ids):
        data[f"body-2-value-segments-{index}-id"] = item_id
    assert admin_client.post(edit_url(template), data).status_code == 302

    local = nairobi_editor.get(edit_url(nairobi)).content.decode()
    for change in (
        "Slot removed: “A visit to parliament”",
        "Slot renamed: “A welcome from the head of office” is now “A word from the head of "
        "office”",
        "Agenda segment removed: “What would we change?”",
        "Agenda segment renamed: “Local voices” is now “Voices from the office”",
    ):
        assert f"<li>{change}</li>" in local
    assert "revisions/compare" not in local
