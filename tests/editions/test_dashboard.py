"""Local editors' dashboard: their offices' editions that need them, and no one else's."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from tests.editions.factories import make_office
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import LocalEditionPage

PANEL = "Your offices’ editions that need you"


def office_editor(django_user_model, name, *offices):
    group = Group.objects.create(name=f"{name} editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for office in offices:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group, page=office.page, permission=Permission.objects.get(codename=codename)
            )
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_office_editor_sees_what_its_editions_need(django_user_model, template, offices):
    roll_out(template, list(offices))
    nairobi = office_editor(django_user_model, "nairobi", offices[0])
    html = dashboard(nairobi)
    assert PANEL in html
    nairobi_edition = LocalEditionPage.objects.get(location=offices[0])
    assert f"/admin/pages/{nairobi_edition.pk}/edit/" in html
    assert "required slots empty" in html
    assert "no session date" in html
    suva_edition = LocalEditionPage.objects.get(location=offices[1])
    assert f"/admin/pages/{suva_edition.pk}/edit/" not in html


def test_an_edition_that_needs_nothing_is_not_listed(django_user_model, template, offices):
    roll_out(template, [offices[0]])
    edition = LocalEditionPage.objects.get()
    LocalEditionPage.objects.filter(pk=edition.pk).update(
        session_starts=datetime.datetime(2027, 3, 11, 11, 0, tzinfo=datetime.UTC)
    )
    template.body = [b for b in template.body.raw_data if b["type"] != "slot"]
    for block in template.body.raw_data:
        if block["type"] == "agenda":
            for segment in block["value"]["segments"]:
                segment["value"]["local"] = []
    template.save_revision().publish()
    html = dashboard(office_editor(django_user_model, "nairobi", offices[0]))
    assert PANEL not in html


def test_someone_who_edits_no_office_gets_no_panel(django_user_model, template, offices):
    roll_out(template, list(offices))
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    assert PANEL not in dashboard(client)


def test_the_panel_costs_the_same_queries_for_2_offices_and_for_8(
    django_user_model, template, root_page
):
    offices = [make_office(root_page, f"Office{n}") for n in range(8)]
    client = office_editor(django_user_model, "many", *offices)

    def queries_with(count):
        roll_out(template, offices[:count])
        dashboard(client)
        with CaptureQueriesContext(connection) as queries:
            html = dashboard(client)
        assert html.count("required slots empty") == count
        return len(queries)

    assert queries_with(2) == queries_with(8)
