"""Champions and their awards: the model, the admin screens through their real forms, the chooser.

The admin is used as editors use it: the create form with its awards InlinePanel, the listing's
thumbnails, filters, search and exports, the inspect and usage screens, the programme figures,
and the champions chooser that the spotlight block opens.
"""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.champions.factories import (
    CHAMPION_OF_THE_YEAR,
    NEWCOMER,
    make_champion,
    make_photo,
    spotlight,
)
from wagtail_learninggroups.champions.models import unique_slug
from wagtail_learninggroups.models import Award, Champion

URL_PREFIX = "wagtail_learninggroups_champion_modeladmin"
INDEX = f"{URL_PREFIX}_index"


def rows(html):
    """The listing's rows, as HTML, by the champion's name in their name column."""
    found = {}
    for row in re.findall(r'<tr\b[^>]*data-object-pk="\d+".*?</tr>', html, flags=re.S):
        name = re.search(r'<td class="field-name[^"]*">([^<]*)</td>', row)
        found[name.group(1).strip()] = row
    return found


def listed(client, **params):
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return set(rows(response.content.decode()))


# The model ---------------------------------------------------------------------------------------


def test_the_slug_is_made_from_the_name_and_kept_unique(db):
    first = make_champion("Ana Silva")
    second = make_champion("Ana Silva")
    third = make_champion("Ana Silva")
    assert [first.slug, second.slug, third.slug] == ["ana-silva", "ana-silva-2", "ana-silva-3"]
    # Saving again keeps the slug; a slug given is kept as given.
    second.job_title = "Consul"
    second.save()
    second.refresh_from_db()
    assert second.slug == "ana-silva-2"
    assert make_champion("Ana Silva", slug="ana").slug == "ana"
    assert unique_slug("Lucía Ramos") == "lucia-ramos"
    assert unique_slug("!!!") == "champion"


def test_the_story_is_sanitised_on_save(db):
    champion = make_champion(
        "Ana Silva",
        story=(
            '<p onclick="steal()">She started <b>the group</b>.</p>'
            "<script>alert('owned')</script>"
            '<p><a href="javascript:alert(1)">Click</a></p>'
        ),
    )
    champion.refresh_from_db()
    story = champion.story
    assert "<script" not in story
    assert "onclick" not in story
    assert "javascript:" not in story
    assert "<b>the group</b>" in story
    assert "She started" in story


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "ftp://files.example.org/"],
)
def test_a_chat_link_that_is_not_http_is_refused(db, url):
    champion = Champion(name="Ana Silva", slug="ana-silva", chat_url=url)
    with pytest.raises(ValidationError) as caught:
        champion.full_clean()
    assert "chat_url" in caught.value.message_dict


def test_an_https_chat_link_is_accepted(db):
    champion = Champion(name="Ana Silva", slug="ana-silva", chat_url="https://chat.example.org/a")
    champion.full_clean()


def test_region_comes_from_the_office(offices):
    nairobi, suva = offices
    assert make_champion("Ana Silva", nairobi).region == "Africa"
    assert make_champion("Bruno Costa", suva).region == "Pacific"
    assert make_champion("Nobody Yet").region == ""


def test_awards_are_ordered_newest_first_then_as_placed(db):
    champion = make_champion(
        "Ana Silva",
        awards=[("Mentor award", 2023), (NEWCOMER, 2021), (CHAMPION_OF_THE_YEAR, 2023)],
    )
    assert [str(award) for award in champion.awards.all()] == [
        "Mentor award (2023)",
        f"{CHAMPION_OF_THE_YEAR} (2023)",
        f"{NEWCOMER} (2021)",
    ]
    assert Award.objects.get(title=CHAMPION_OF_THE_YEAR).title_slug == (
        "learning-champion-of-the-year"
    )


def test_for_display_loads_cards_in_a_fixed_number_of_queries(offices, django_assert_num_queries):
    for number in range(6):
        make_champion(f"Champion {number}", offices[number % 2], photo=True,
                      awards=[(NEWCOMER, 2020 + number)])  # fmt: skip
    # The champions with their offices and photos, then renditions, then awards: none per card.
    with django_assert_num_queries(3):
        champions = list(Champion.objects.for_display())
        for champion in champions:
            assert champion.location.name
            list(champion.photo.renditions.all())
            assert len(champion.awards.all()) == 1


# The admin ---------------------------------------------------------------------------------------


def champion_form(name="Ana Silva", awards=(), **fields):
    data = {
        "name": name,
        "slug": "",
        "job_title": "Political officer",
        "location": "",
        "photo": "",
        "quote": "Every session starts with a question.",
        "story": rich_text("<p>She started the group.</p>"),
        "volunteering_since": "2021",
        "active": "on",
        "email": "ana.silva@example.org",
        "chat_url": "https://chat.example.org/ana",
        "user": "",
        "awards": inline_formset(list(awards)),
    }
    data.update(fields)
    return nested_form_data(data)


def test_create_a_champion_with_two_awards_through_the_admin_form(admin_client, offices, themes):
    photo = make_photo()
    data = champion_form(
        location=str(offices[0].pk),
        photo=str(photo.pk),
        awards=[
            {"title": NEWCOMER, "year": "2022", "citation": "For a first year."},
            {"title": CHAMPION_OF_THE_YEAR, "year": "2025", "citation": "For twelve sessions."},
        ],
    )
    data["themes"] = [str(themes[1].pk)]
    response = admin_client.post(reverse(f"{URL_PREFIX}_create"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    champion = Champion.objects.get()
    assert (champion.name, champion.slug, champion.location, champion.photo) == (
        "Ana Silva", "ana-silva", offices[0], photo,
    )  # fmt: skip
    assert re.fullmatch(r'<p( data-block-key="\w+")?>She started the group\.</p>', champion.story)
    assert list(champion.themes.all()) == [themes[1]]
    assert [(award.title, award.year, award.citation) for award in champion.awards.all()] == [
        (CHAMPION_OF_THE_YEAR, 2025, "For twelve sessions."),
        (NEWCOMER, 2022, "For a first year."),
    ]


def test_the_admin_form_refuses_a_javascript_chat_link(admin_client, db):
    response = admin_client.post(
        reverse(f"{URL_PREFIX}_create"), champion_form(chat_url="javascript:alert(1)")
    )
    assert response.status_code == 200
    assert not Champion.objects.exists()


def test_the_listing_shows_photo_thumbnails(admin_client, cast):
    response = admin_client.get(reverse(INDEX))
    assert response.status_code == 200
    by_name = rows(response.content.decode())
    assert {"Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos", "Dora Hidden"} <= set(
        by_name
    )
    ana_row = by_name["Ana Silva"]
    # The photo is the row's edit link, so its alternative text is the champion's name.
    thumbnail = (
        r'<img alt="Ana Silva" class="admin-thumb"[^>]+'
        r'src="/media/images/portrait-of-ana-silva[^"]*\.fill-100x100\.png"'
    )
    assert re.search(thumbnail, ana_row), ana_row
    assert '<td class="field-region title">Africa</td>' in ana_row
    assert 'class="admin-thumb"' in by_name["Bruno Costa"]
    assert 'class="admin-thumb"' not in by_name["Chidi Okafor"]  # no photo, no broken image


def test_the_listing_filters_by_office_region_active_and_award(admin_client, cast, offices):
    nairobi, suva = offices
    everyone = {"Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos", "Dora Hidden"}
    assert listed(admin_client) == everyone
    assert listed(admin_client, location__id__exact=str(nairobi.pk)) == {
        "Ana Silva", "Chidi Okafor", "Dora Hidden",
    }  # fmt: skip
    assert listed(admin_client, location__id__exact=str(suva.pk)) == {"Bruno Costa"}
    assert listed(admin_client, location__region="Americas") == {"Lucía Ramos"}
    assert listed(admin_client, location__region="Pacific") == {"Bruno Costa"}
    assert listed(admin_client, active__exact="0") == {"Dora Hidden"}
    assert listed(admin_client, active__exact="1") == everyone - {"Dora Hidden"}
    assert listed(admin_client, has_award="yes") == everyone - {"Chidi Okafor"}
    assert listed(admin_client, has_award="no") == {"Chidi Okafor"}
    assert listed(admin_client, has_award="yes", location__region="Africa") == {
        "Ana Silva", "Dora Hidden",
    }  # fmt: skip


def test_the_listing_searches_by_name(admin_client, cast):
    assert listed(admin_client, q="silva") == {"Ana Silva"}
    assert listed(admin_client, q="OKAFOR") == {"Chidi Okafor"}
    assert listed(admin_client, q="Suva") == {"Bruno Costa"}  # by office too


def test_the_listing_counts_awards(admin_client, cast):
    html = admin_client.get(reverse(INDEX)).content.decode()
    cells = rows(html)
    assert '<td class="field-award_count title">2</td>' in cells["Ana Silva"]
    assert '<td class="field-award_count title">0</td>' in cells["Chidi Okafor"]


def test_inspect_shows_the_champion(admin_client, ana):
    response = admin_client.get(reverse(f"{URL_PREFIX}_inspect", args=[ana.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Silva" in html
    assert "Political officer" in html
    assert "ana.silva@example.org" in html


def test_export_as_csv_contains_the_champions(admin_client, cast):
    response = admin_client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    records = list(csv.reader(io.StringIO(body)))
    ana_row = next(row for row in records if row and row[0] == "Ana Silva")
    assert ana_row[:5] == ["Ana Silva", "ana-silva", "Political officer", "Nairobi", "Africa"]
    assert ana_row[-1] == "2"  # awards
    assert any(row and row[0] == "Lucía Ramos" for row in records)


def test_export_as_xlsx(admin_client, cast):
    response = admin_client.get(reverse(INDEX), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content[:2] == b"PK"  # a zip: an xlsx workbook


def test_rows_offer_a_usage_button(admin_client, ana):
    html = admin_client.get(reverse(INDEX)).content.decode()
    assert reverse("wagtail_learninggroups_champion_usage", args=[ana.pk]) in html
    assert "Where Ana Silva is spotlighted" in html


def test_usage_lists_a_page_that_spotlights_the_champion(admin_client, cast, add_host_page):
    ana = cast["ana"]
    add_host_page("Meet our champions", [spotlight(ana)])
    add_host_page("Budget week", [spotlight(cast["bruno"])])
    response = admin_client.get(reverse("wagtail_learninggroups_champion_usage", args=[ana.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meet our champions" in html
    assert "Budget week" not in html
    unused = admin_client.get(
        reverse("wagtail_learninggroups_champion_usage", args=[cast["chidi"].pk])
    ).content.decode()
    assert "Meet our champions" not in unused


def test_figures_count_champions_by_region_and_awards_by_year(admin_client, cast):
    response = admin_client.get(reverse("wagtail_learninggroups_champion_figures"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "champion-figures.csv" in response["Content-Disposition"]
    records = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8"))))
    assert records[0] == ["Figure", "Group", "Count"]
    figures = {(figure, group): count for figure, group, count in records[1:]}
    # Active champions only: Dora (Nairobi, inactive) is not counted.
    assert figures[("Active champions by region", "Africa")] == "2"
    assert figures[("Active champions by region", "Pacific")] == "1"
    assert figures[("Active champions by region", "Americas")] == "1"
    # Every award given, whoever holds it: 2025 for Ana, Lucía and Dora.
    assert figures[("Awards by year", "2022")] == "1"
    assert figures[("Awards by year", "2024")] == "1"
    assert figures[("Awards by year", "2025")] == "3"
    assert figures[("Active champions with an award", "All")] == "3"


def test_figures_put_champions_without_an_office_apart(admin_client, db):
    make_champion("Nobody Yet")
    records = list(
        csv.reader(
            io.StringIO(
                admin_client.get(reverse("wagtail_learninggroups_champion_figures"))
                .getvalue()
                .decode()
            )
        )
    )
    assert ["Active champions by region", "No office", "1"] in records


@pytest.fixture
def office_editor(client, django_user_model, db):
    """A client signed in as someone who may use the admin but has no champion permission."""
    editors = Group.objects.create(name="Office editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("office-editor", password="pw")
    user.groups.add(editors)
    client.force_login(user)
    return client


def assert_refused(response):
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403


def test_people_without_champion_permissions_are_refused(office_editor, ana):
    assert office_editor.get(reverse("wagtailadmin_home")).status_code == 200
    for url in [
        reverse(INDEX),
        reverse(f"{URL_PREFIX}_create"),
        reverse(f"{URL_PREFIX}_edit", args=[ana.pk]),
        reverse(f"{URL_PREFIX}_inspect", args=[ana.pk]),
        reverse(INDEX) + "?export=csv",
        reverse("wagtail_learninggroups_champion_usage", args=[ana.pk]),
    ]:
        assert_refused(office_editor.get(url))
    assert_refused(office_editor.get(reverse("wagtail_learninggroups_champion_figures")))
    response = office_editor.post(reverse(f"{URL_PREFIX}_create"), champion_form(name="Intruder"))
    assert_refused(response)
    assert not Champion.objects.filter(name="Intruder").exists()


def test_viewing_champions_allows_the_figures_but_not_usage_or_editing(
    office_editor, django_user_model, ana
):
    user = django_user_model.objects.get(username="office-editor")
    user.user_permissions.add(Permission.objects.get(codename="view_champion"))
    assert office_editor.get(reverse("wagtail_learninggroups_champion_figures")).status_code == 200
    listing = office_editor.get(reverse(INDEX))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Ana Silva" in html
    assert reverse("wagtail_learninggroups_champion_usage", args=[ana.pk]) not in html
    assert_refused(office_editor.get(reverse(f"{URL_PREFIX}_edit", args=[ana.pk])))


# The chooser -------------------------------------------------------------------------------------


@pytest.fixture
def indexed_cast(cast, django_capture_on_commit_callbacks):
    """The cast, with the search index brought up to date."""
    from wagtail.search.backends import get_search_backend

    with django_capture_on_commit_callbacks(execute=True):
        backend = get_search_backend()
        for champion in Champion.objects.all():
            backend.add(champion)
    return cast


def test_the_chooser_lists_champions(admin_client, cast):
    response = admin_client.get(reverse("learninggroups_champion_chooser:choose"))
    assert response.status_code == 200
    html = response.json()["html"]
    for name in ["Ana Silva", "Bruno Costa", "Chidi Okafor"]:
        assert name in html
    chosen = reverse("learninggroups_champion_chooser:chosen", args=[cast["ana"].pk])
    assert chosen in html


def test_the_chooser_searches_by_name(admin_client, indexed_cast):
    response = admin_client.get(reverse("learninggroups_champion_chooser:choose_results"),
                                {"q": "Silva"})  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ana Silva" in html
    assert "Bruno Costa" not in html
    assert "Chidi Okafor" not in html
    # As an editor types: the start of a name is enough.
    partial = admin_client.get(
        reverse("learninggroups_champion_chooser:choose_results"), {"q": "Bru"}
    ).content.decode()
    assert "Bruno Costa" in partial
    assert "Ana Silva" not in partial


def test_the_chosen_view_returns_the_champion(admin_client, ana):
    response = admin_client.get(reverse("learninggroups_champion_chooser:chosen", args=[ana.pk]))
    assert response.status_code == 200
    data = response.json()
    assert data["step"] == "chosen"
    assert str(data["result"]["id"]) == str(ana.pk)
    assert data["result"]["title"] == "Ana Silva"
    assert data["result"]["edit_url"] == reverse(f"{URL_PREFIX}_edit", args=[ana.pk])


def test_the_listing_links_to_the_programme_figures(admin_client):
    from django.urls import reverse as url_of

    html = admin_client.get(url_of("wagtail_learninggroups_champion_modeladmin_index")).content
    assert url_of("wagtail_learninggroups_champion_figures").encode() in html
    assert b"Programme figures (CSV)" in html
