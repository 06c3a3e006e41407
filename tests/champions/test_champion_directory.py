"""The champions directory as readers use it: filters, pages, profiles, contacts, award pages."""

import pytest
from bs4 import BeautifulSoup

from tests.champions.factories import (
    CHAMPION_OF_THE_YEAR,
    NEWCOMER,
    champions_list,
    make_champion,
    spotlight,
)
from tests.editions.factories import make_office
from wagtail_learninggroups.core.sanitise import clean_html
from wagtail_learninggroups.models import Champion

SIGN_IN = "Sign in to see how to reach them."
NO_MATCH = "No champion matches. Try fewer filters."


def get(client, path, status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed(client, directory, **params):
    """The names the directory lists, in order, for the filters ``params``."""
    soup = get(client, directory.url, **params)
    return [
        name.get_text(strip=True)
        for name in soup.select(".lg-directory .lg-champions__list .lg-champion__name")
    ]


def count_line(soup):
    return soup.select_one(".lg-directory__count").get_text(strip=True)


# The list and its filters ------------------------------------------------------------------------


def test_the_directory_lists_active_champions_by_name(client, cast, directory):
    soup = get(client, directory.url)
    assert soup.h1.get_text() == "Champions"
    assert "The people behind our groups." in soup.select_one(".lg-directory__intro").get_text()
    assert listed(client, directory) == ["Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos"]
    assert count_line(soup) == "4 champions"
    assert "Dora Hidden" not in str(soup)
    # Names link to profiles.
    links = [a["href"] for a in soup.select(".lg-champion__name a")]
    assert links[0] == "/champions/ana-silva/"
    # With no filter there is nothing to reset.
    assert "Show everyone" not in soup.get_text()


def test_filter_by_a_part_of_the_name_in_any_case(client, cast, directory):
    assert listed(client, directory, q="SILV") == ["Ana Silva"]
    assert listed(client, directory, q="  okafor ") == ["Chidi Okafor"]
    assert listed(client, directory, q="o") == ["Bruno Costa", "Chidi Okafor", "Lucía Ramos"]
    soup = get(client, directory.url, q="silva")
    assert count_line(soup) == "One champion"
    # The form keeps what was asked, and offers to show everyone again.
    assert soup.select_one('input[name="q"]')["value"] == "silva"
    assert soup.find("a", string="Show everyone")["href"] == directory.url


def test_filter_by_office_region_and_theme(client, cast, directory, themes):
    elections, budgets = themes
    assert listed(client, directory, office="nairobi") == ["Ana Silva", "Chidi Okafor"]
    assert listed(client, directory, office="lima") == ["Lucía Ramos"]
    assert listed(client, directory, region="Pacific") == ["Bruno Costa"]
    assert listed(client, directory, region="Africa") == ["Ana Silva", "Chidi Okafor"]
    assert listed(client, directory, theme=str(budgets.pk)) == ["Bruno Costa", "Chidi Okafor"]
    assert listed(client, directory, theme=str(elections.pk)) == ["Ana Silva"]


def test_filters_combine(client, cast, directory, themes):
    _elections, budgets = themes
    assert listed(client, directory, region="Africa", theme=str(budgets.pk)) == ["Chidi Okafor"]
    assert listed(client, directory, office="nairobi", q="ana") == ["Ana Silva"]
    assert listed(client, directory, office="suva", q="ana") == []
    soup = get(client, directory.url, office="suva", q="ana")
    assert NO_MATCH in soup.get_text()
    assert count_line(soup) == "0 champions"


def test_the_filters_offer_offices_and_regions_with_active_champions(client, cast, directory,
                                                                     root_page):  # fmt: skip
    reykjavik = make_office(root_page, "Reykjavik", region="Europe",
                            time_zone="Atlantic/Reykjavik")  # fmt: skip
    make_champion("Gone Away", reykjavik, active=False)
    soup = get(client, directory.url)

    def options(name):
        return [option["value"] for option in soup.select(f'select[name="{name}"] option')]

    assert options("office") == ["", "lima", "nairobi", "suva"]
    assert options("region") == ["", "Africa", "Americas", "Pacific"]
    assert len(options("theme")) == 3  # "Any" and the two modules
    # Every field has its label.
    for field in soup.select(".lg-directory__filters input, .lg-directory__filters select"):
        assert soup.select_one(f'label[for="{field["id"]}"]') is not None


@pytest.mark.parametrize(
    "params",
    [
        {"office": "atlantis"},
        {"region": "Nowhere"},
        {"theme": "999999"},
        {"theme": "not-a-number"},
        {"office": "nairobi", "theme": "999999"},
        {"q": "x" * 500},
    ],
)
def test_an_unknown_filter_value_shows_nothing(client, cast, directory, params):
    soup = get(client, directory.url, **params)
    assert NO_MATCH in soup.get_text()
    assert soup.select(".lg-champions__list") == []


def test_a_bad_page_number_shows_a_page(client, cast, directory):
    assert listed(client, directory, page="abc") == [
        "Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos",
    ]  # fmt: skip
    assert listed(client, directory, page="99") == [
        "Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos",
    ]  # fmt: skip


def test_twenty_five_champions_make_two_pages_that_keep_the_filters(client, offices, directory):
    nairobi, suva = offices
    for number in range(25):
        make_champion(f"Volunteer {number:02}", nairobi)
    make_champion("Volunteer in Suva", suva)
    make_champion("Someone Else", nairobi)

    first = get(client, directory.url, q="volunteer", office="nairobi")
    names = [name.get_text(strip=True) for name in first.select(".lg-champion__name")]
    assert names == [f"Volunteer {number:02}" for number in range(24)]
    assert count_line(first) == "25 champions"
    nav = first.select_one("nav.lg-pagination")
    assert "Page 1 of 2" in nav.get_text()
    assert nav.find("a", string="Previous") is None
    following = nav.find("a", string="Next")["href"]
    assert following.startswith("?")
    assert sorted(following[1:].split("&")) == ["office=nairobi", "page=2", "q=volunteer"]

    second = get(client, directory.url + following)
    names = [name.get_text(strip=True) for name in second.select(".lg-champion__name")]
    assert names == ["Volunteer 24"]
    nav = second.select_one("nav.lg-pagination")
    assert "Page 2 of 2" in nav.get_text()
    assert nav.find("a", string="Next") is None
    back = nav.find("a", string="Previous")["href"]
    assert sorted(back[1:].split("&")) == ["office=nairobi", "page=1", "q=volunteer"]
    # The form still holds the filters on the second page.
    assert second.select_one('input[name="q"]')["value"] == "volunteer"
    assert second.select_one('select[name="office"] option[selected]')["value"] == "nairobi"


def test_twenty_four_make_one_page(client, offices, directory):
    for number in range(24):
        make_champion(f"Volunteer {number:02}", offices[0])
    soup = get(client, directory.url)
    assert len(soup.select(".lg-champion__name")) == 24
    assert soup.select("nav.lg-pagination") == []


# Profiles ----------------------------------------------------------------------------------------


def profile_url(directory, champion):
    return f"{directory.url}{champion.slug}/"


def test_a_profile_shows_the_champion(client, cast, directory):
    soup = get(client, profile_url(directory, cast["ana"]))
    assert soup.title.get_text().startswith("Ana Silva")
    profile = soup.select_one("article.lg-profile")
    assert profile.h1.get_text() == "Ana Silva"
    assert profile.select_one(".lg-champion__role").get_text(strip=True) == (
        "Political officer, Nairobi (Africa)"
    )
    assert "Volunteering since 2021" in profile.get_text()
    assert profile.select_one(".lg-champion__quote").get_text(strip=True) == (
        "Every session starts with a question nobody can answer alone."
    )
    story = profile.select_one('section[aria-labelledby="lg-profile-story"]')
    assert "Ana started the Nairobi group with four colleagues." in story.get_text()
    themes_section = profile.select_one('section[aria-labelledby="lg-profile-themes"]')
    assert [item.get_text() for item in themes_section.select("li")] == ["Module 1: Elections"]
    image = profile.select_one(".lg-profile__header img")
    assert "portrait-of-ana-silva" in image["srcset"] and image["alt"] == ""
    assert profile.find("a", string="Back to Champions")["href"] == directory.url


def test_a_profile_lists_awards_linked_to_their_pages(client, cast, directory):
    soup = get(client, profile_url(directory, cast["ana"]))
    awards = soup.select(".lg-profile__awards li")
    assert [award.get_text(" ", strip=True) for award in awards] == [
        f"{CHAMPION_OF_THE_YEAR} (2025) For twelve sessions in a year.",
        f"{NEWCOMER} (2022) For a first year of monthly sessions.",
    ]
    assert [award.a["href"] for award in awards] == [
        "/champions/awards/learning-champion-of-the-year/",
        "/champions/awards/newcomer-award/",
    ]
    for award in awards:
        assert client.get(award.a["href"]).status_code == 200


def test_a_profile_lists_the_live_public_pages_that_spotlight_them(
    client, cast, directory, add_host_page
):
    ana = cast["ana"]
    add_host_page("Zoom on Nairobi", [spotlight(ana, layout="feature")])
    add_host_page("All about Ana", [spotlight(ana)])
    add_host_page("Staff only", [spotlight(ana)], private=True)
    add_host_page("Withdrawn", [spotlight(ana)]).unpublish()
    add_host_page("Budget week", [spotlight(cast["bruno"])])
    add_host_page("A list, not a spotlight", [champions_list("all")])

    soup = get(client, profile_url(directory, ana))
    section = soup.select_one('section[aria-labelledby="lg-profile-spotlights"]')
    assert section.h2.get_text() == "Spotlighted in"
    assert [(a.get_text(), a["href"]) for a in section.select("a")] == [
        ("All about Ana", "/all-about-ana/"),
        ("Zoom on Nairobi", "/zoom-on-nairobi/"),
    ]


def test_a_profile_without_spotlights_says_nothing_of_them(client, cast, directory):
    soup = get(client, profile_url(directory, cast["chidi"]))
    assert "Spotlighted in" not in soup.get_text()
    assert soup.select(".lg-profile__awards") == []  # no award, no empty list
    assert "Get in touch" not in soup.get_text()  # no contact details, no section


def test_contacts_are_for_signed_in_people(client, cast, directory, django_user_model):
    url = profile_url(directory, cast["ana"])
    anonymous = get(client, url)
    contact = anonymous.select_one('section[aria-labelledby="lg-profile-contact"]')
    assert contact.h2.get_text() == "Get in touch"
    assert SIGN_IN in contact.get_text()
    assert "ana.silva@example.org" not in str(anonymous)
    assert "chat.example.org" not in str(anonymous)

    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    signed_in = get(client, url)
    contact = signed_in.select_one('section[aria-labelledby="lg-profile-contact"]')
    assert SIGN_IN not in contact.get_text()
    assert contact.find("a", href="mailto:ana.silva@example.org").get_text() == (
        "ana.silva@example.org"
    )
    assert contact.find("a", string="Chat with them")["href"] == "https://chat.example.org/ana"


def test_a_site_may_make_contacts_public(client, cast, directory, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"CHAMPIONS_PUBLIC_CONTACTS": True}
    soup = get(client, profile_url(directory, cast["ana"]))
    assert SIGN_IN not in soup.get_text()
    assert soup.find("a", href="mailto:ana.silva@example.org") is not None


def test_a_chat_link_stored_without_validation_is_not_a_script_link(
    client, cast, directory, django_user_model
):
    """An import or a shell bypasses the form's validation; the profile still keeps it out."""
    Champion.objects.filter(pk=cast["ana"].pk).update(chat_url="javascript:alert(document.cookie)")
    client.force_login(django_user_model.objects.create_user("reader", password="pw"))
    html = client.get(profile_url(directory, cast["ana"])).content.decode()
    assert "mailto:ana.silva@example.org" in html
    assert "javascript:" not in html


def test_an_inactive_or_unknown_champion_has_no_profile(client, cast, directory):
    assert client.get(profile_url(directory, cast["dora"])).status_code == 404
    assert client.get(f"{directory.url}no-such-person/").status_code == 404
    cast["ana"].active = False
    cast["ana"].save()
    assert client.get(profile_url(directory, cast["ana"])).status_code == 404
    assert "Ana Silva" not in listed(client, directory)


# Award pages -------------------------------------------------------------------------------------


def test_an_award_page_lists_its_active_holders_across_years(client, cast, directory):
    soup = get(client, f"{directory.url}awards/learning-champion-of-the-year/")
    page = soup.select_one("article.lg-award-page")
    assert page.h1.get_text() == CHAMPION_OF_THE_YEAR
    assert soup.title.get_text().startswith(CHAMPION_OF_THE_YEAR)
    holders = [name.get_text(" ", strip=True) for name in page.select(".lg-awards__name")]
    # Newest first; Dora's 2025 award is not shown, she is inactive.
    assert holders == ["Ana Silva , Nairobi (2025)", "Bruno Costa , Suva (2024)"]
    assert "2 awards given." in page.get_text()
    assert [a["href"] for a in page.select(".lg-awards__name a")] == [
        "/champions/ana-silva/",
        "/champions/bruno-costa/",
    ]
    citations = [citation.get_text() for citation in page.select(".lg-awards__citation")]
    assert citations == ["For twelve sessions in a year.", "For taking the programme to Suva."]
    assert "Dora Hidden" not in str(soup)
    assert "portrait-of-ana-silva" in page.select_one("img.lg-awards__photo")["srcset"]


def test_an_award_held_once_says_so(client, cast, directory):
    make_champion("Mia Mentor", cast["ana"].location, awards=[("Mentor award", 2024)])
    soup = get(client, f"{directory.url}awards/mentor-award/")
    assert "One person holds this award." in soup.get_text()


def test_an_unknown_award_or_one_held_only_by_inactive_champions_is_not_found(
    client, cast, directory
):
    make_champion("Gone Away", active=False, awards=[("Lifetime award", 2020)])
    assert client.get(f"{directory.url}awards/no-such-award/").status_code == 404
    assert client.get(f"{directory.url}awards/lifetime-award/").status_code == 404


def test_the_directory_pages_render_in_the_site_base_template(client, cast, directory, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "testapp/site_base.html"}
    for path in [
        directory.url,
        profile_url(directory, cast["ana"]),
        f"{directory.url}awards/newcomer-award/",
    ]:
        soup = get(client, path)
        assert soup.select_one(".host-site-chrome") is not None, path


MALFORMED_INTROS = [
    "<ul>Loose text<li>An item</li></ul><li>A stray item</li>",
    '<p>See <a linktype="page" id="not-a-number">our page</a>.</p>',
    '<p>The team <img src="/static/team.png" alt="The team"> at work.</p>',
]


@pytest.mark.parametrize("intro", MALFORMED_INTROS)
def test_the_directory_intro_is_cleaned_on_save_so_its_editor_opens(
    admin_client, directory, intro
):
    from django.urls import reverse

    directory.intro = intro
    directory.save_revision().publish()
    directory.refresh_from_db()
    assert directory.intro == clean_html(intro)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[directory.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("title", "address"),
    [
        ("年度学习冠军", "/champions/awards/年度学习冠军/"),
        ("Чемпион года", "/champions/awards/чемпион-года/"),
        ("Campeón del año", "/champions/awards/campeon-del-ano/"),
    ],
)
def test_an_award_in_any_script_has_a_page_that_lists_its_holders(
    client, offices, directory, title, address
):
    from urllib.parse import unquote

    champion = make_champion("Li Wei", offices[0], awards=[(title, 2026)])
    soup = get(client, profile_url(directory, champion))
    link = soup.select_one(".lg-profile__awards li a")["href"]
    assert unquote(link) == address
    response = client.get(link)
    assert response.status_code == 200
    assert "Li Wei" in response.content.decode()
