"""The completeness report: rows, filters, chart, exports, permission, constant queries."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.editions.factories import fill_data, make_office, person, post_edition, template_slots
from tests.workshops.factories import slotted_workshop_form
from wagtail_learninggroups.editions.report import load_rows, region_chart, region_shares
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import LocalEditionPage

REPORT = reverse("wagtail_learninggroups_completeness")


@pytest.fixture
def keys(template):
    return [slot.key for slot in template_slots(template)]


@pytest.fixture
def nairobi_live(admin_client, edition, keys):
    fills = [
        fill_data(keys[0], ("text", "<p>Welcome.</p>")),
        fill_data(keys[1], ("person", person())),
    ]
    assert post_edition(admin_client, edition, "action-publish", fills).status_code == 302
    edition.refresh_from_db()
    return edition


def rows_by_office(response):
    return {row.office: row for row in response.context["object_list"]}


def test_a_row_per_template_and_office_with_state_and_progress(admin_client, nairobi_live):
    response = admin_client.get(REPORT)
    assert response.status_code == 200
    rows = rows_by_office(response)
    assert rows["Nairobi"].state == "live"
    assert (rows["Nairobi"].required_done, rows["Nairobi"].required_total) == (2, 2)
    assert rows["Nairobi"].last_edited_by == "central-editor"
    assert rows["Suva"].state == "missing"
    html = response.content.decode()
    assert "Share of offices live, by region" in html
    assert "Africa: 100% (1 of 1); Pacific: 0% (0 of 1)" in html


def test_progress_follows_the_latest_draft(admin_client, edition, keys):
    post_edition(admin_client, edition, "action-save", [fill_data(keys[0], ("text", "<p>Hi</p>"))])
    row = rows_by_office(admin_client.get(REPORT))["Nairobi"]
    assert row.state == "draft"
    assert (row.required_done, row.required_total) == (1, 2)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("state=missing", {"Suva"}), ("state=live", {"Nairobi"}), ("region=Pacific", {"Suva"}),
     ("incomplete=true", set()), ("incomplete=false", {"Nairobi"})],
)  # fmt: skip
def test_filters(admin_client, nairobi_live, query, expected):
    assert set(rows_by_office(admin_client.get(f"{REPORT}?{query}"))) == expected


def test_the_template_filter_and_the_results_view(admin_client, nairobi_live, template):
    results = reverse("wagtail_learninggroups_completeness_results")
    response = admin_client.get(f"{results}?template={template.pk}")
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 2


def test_exports_as_csv_and_xlsx(admin_client, nairobi_live):
    csv = admin_client.get(f"{REPORT}?export=csv")
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert text.splitlines()[0].startswith("Workshop template,Office,Region,State")
    assert "Parliament where you are,Nairobi,Africa,Live,2 of 2,0 of 1,0" in text
    xlsx = admin_client.get(f"{REPORT}?export=xlsx")
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_a_template_changed_since_publish_is_flagged(admin_client, nairobi_live, template, keys):
    data = slotted_workshop_form(welcome_key=keys[0], speaker_key=keys[1], event_key=keys[2])
    data["body-2-value-segments-0-value-minutes"] = "25"
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=(template.pk,)), data)
    row = rows_by_office(admin_client.get(REPORT))["Nairobi"]
    assert row.changes == ["agenda changed"]
    assert row.comparison_url == reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(template.pk, nairobi_live.template_revision_id, "live"),
    )
    assert (
        "Template changed since publish: agenda changed"
        in admin_client.get(REPORT).content.decode()
    )


def test_the_report_reads_its_data_in_a_fixed_number_of_queries(
    admin_client, template, offices, root_page
):
    roll_out(template, list(offices))
    with CaptureQueriesContext(connection) as small:
        rows = load_rows()
    assert len(rows) == 2
    # Four more offices, two more templates, editions for all of them.
    for n in range(4):
        root_page.refresh_from_db()
        make_office(root_page, f"Office{n}")
    for n in range(2):
        data = slotted_workshop_form()
        data["slug"] = f"copy-{n}"
        admin_client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=("wagtail_learninggroups", "workshoptemplatepage", root_page.pk),
            ),
            data,
        )
    from wagtail_learninggroups.models import Location, WorkshopTemplatePage

    for page in WorkshopTemplatePage.objects.all():
        roll_out(page, list(Location.objects.select_related("page")))
    assert LocalEditionPage.objects.count() == 18
    with CaptureQueriesContext(connection) as large:
        rows = load_rows()
    assert len(rows) == 18
    assert len(large) == len(small)


def test_only_people_with_the_report_permission_see_it(client, django_user_model, nairobi_live):
    user = django_user_model.objects.create_user("editor", password="pw")
    editors = Group.objects.create(name="Report viewers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    refused = client.get(REPORT)  # the admin turns a refusal into a message on its home page
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert "Completeness report" not in client.get(reverse("wagtailadmin_home")).content.decode()

    editors.permissions.add(Permission.objects.get(codename="view_completeness_report"))
    user = django_user_model.objects.get(pk=user.pk)  # drop the permission cache
    client.force_login(user)
    assert client.get(REPORT).status_code == 200
    assert "Completeness report" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_region_chart_geometry():
    from wagtail_learninggroups.editions.report import RegionShare

    chart = region_chart([RegionShare("Africa", 1, 4), RegionShare("Pacific", 0, 0)])
    assert [bar["width"] for bar in chart["bars"]] == [100, 0]
    assert [bar["y"] for bar in chart["bars"]] == [0, 30]
    assert region_shares([]) == []


def test_the_report_permission_is_offered_in_the_group_editor(admin_client):
    group = Group.objects.create(name="Learning team")
    html = admin_client.get(reverse("wagtailusers_groups:edit", args=(group.pk,))).content
    assert b"Can view the completeness report of local editions" in html


def test_one_invalid_filter_value_leaves_the_others_in_force(admin_client, nairobi_live):
    response = admin_client.get(f"{REPORT}?state=live&template=not-a-number")
    assert response.status_code == 200
    assert set(rows_by_office(response)) == {"Nairobi"}
    # The chart counts every office of the template, whatever state the table shows.
    assert "Pacific: 0% (0 of 1)" in response.content.decode()


def test_an_edition_without_revisions_is_read_from_its_own_fills(admin_client, nairobi_live, keys):
    """Fills written straight to the page (an import, a script) count, with no revision to read."""
    fills = list(LocalEditionPage.objects.get(pk=nairobi_live.pk).fills.raw_data)
    LocalEditionPage.objects.filter(pk=nairobi_live.pk).update(latest_revision=None, fills=fills)
    row = rows_by_office(admin_client.get(REPORT))["Nairobi"]
    assert (row.required_done, row.required_total) == (2, 2)
