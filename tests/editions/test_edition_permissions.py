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


@pytest.fixture
def nairobi_editor(django_user_model, offices):
    group = Group.objects.create(name="Nairobi editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=offices[0].page, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("nairobi-editor", password="pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


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
    assert "Template changed since your last publish: agenda changed." in local
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
