"""The champions blocks on a host page: spotlights, lists of champions and award winners.

Pages are published and read as readers read them (``client.get(page.url)``); previews go
through Wagtail's own preview request. A page with fifty of each block runs as many queries as a
page with one.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.champions.factories import (
    CHAMPION_OF_THE_YEAR,
    NEWCOMER,
    awards_block,
    champions_list,
    make_champion,
    spotlight,
)
from tests.editions.factories import make_office
from tests.testapp.models import HostLearningPage
from wagtail_learninggroups.blocks import LearningGroupsStreamBlock

NOTICE = "This spotlight's champion has been deleted or is no longer active"


def read(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def spotlights(soup):
    return soup.select("section.lg-spotlight")


def names_in(section):
    return [name.get_text(strip=True) for name in section.select(".lg-champion__name")]


def list_names(soup):
    """The champions of each list of the page, in order."""
    return [names_in(section) for section in soup.select("section.lg-champions")]


# Spotlights --------------------------------------------------------------------------------------


def test_a_card_shows_name_role_office_quote_and_photo(client, ana, add_host_page):
    page = add_host_page("Meet Ana", [spotlight(ana)])
    (section,) = spotlights(read(client, page))
    card = section.select_one("article.lg-champion")
    assert "lg-champion--card" in card["class"]
    assert names_in(section) == ["Ana Silva"]
    assert card.select_one(".lg-champion__role").get_text(strip=True) == (
        "Political officer, Nairobi"
    )
    assert card.select_one(".lg-champion__quote").get_text(strip=True) == (
        "Every session starts with a question nobody can answer alone."
    )
    # The card never shows the story: that is the feature's.
    assert card.select_one(".lg-champion__story") is None
    awards = [item.get_text(strip=True) for item in card.select(".lg-champion__awards li")]
    assert awards == [f"{CHAMPION_OF_THE_YEAR} (2025)", f"{NEWCOMER} (2022)"]

    image = card.select_one(".lg-champion__photo img")
    assert image["alt"] == ""  # the name beside it says who it is
    assert image["width"] == "160" and image["height"] == "160"
    assert image["sizes"] == "160px"
    sources = [source.split() for source in image["srcset"].split(",")]
    assert [width for _url, width in sources] == ["160w", "320w"]
    assert all(".fill-320x320" in url and "portrait-of-ana-silva" in url for url, _ in sources)


def test_a_quote_of_the_block_replaces_the_profile_quote(client, ana, add_host_page):
    page = add_host_page(
        "Meet Ana", [spotlight(ana, headline="Twelve sessions in a year", quote="I learn most.")]
    )
    (section,) = spotlights(read(client, page))
    assert section.select_one(".lg-champion__quote").get_text(strip=True) == "I learn most."
    assert "nobody can answer alone" not in str(section)
    # The headline takes the heading; the name moves to the line below it.
    assert names_in(section) == ["Twelve sessions in a year"]
    assert section.select_one(".lg-champion__role").get_text(strip=True) == (
        "Ana Silva, Political officer, Nairobi"
    )


def test_a_feature_shows_the_story_too(client, ana, add_host_page):
    page = add_host_page("Meet Ana", [spotlight(ana, layout="feature")])
    (section,) = spotlights(read(client, page))
    card = section.select_one("article.lg-champion")
    assert "lg-champion--feature" in card["class"]
    assert names_in(section) == ["Ana Silva"]
    assert card.select_one(".lg-champion__story").get_text(strip=True) == (
        "Ana started the Nairobi group with four colleagues."
    )
    assert "Every session starts with a question" in card.get_text()
    assert card.select_one(".lg-champion__photo img[srcset]") is not None


def test_a_champion_without_photo_or_office_still_renders(client, add_host_page, db):
    newcomer = make_champion("Pat Doe")
    page = add_host_page("Meet Pat", [spotlight(newcomer)])
    (section,) = spotlights(read(client, page))
    assert names_in(section) == ["Pat Doe"]
    assert section.select("img") == []
    assert section.select_one(".lg-champion__quote") is None


def test_a_deleted_champion_renders_nothing_for_readers(client, cast, add_host_page):
    page = add_host_page("Meet them", [spotlight(cast["ana"]), spotlight(cast["bruno"])])
    cast["ana"].delete()
    soup = read(client, page)
    assert [names_in(section) for section in spotlights(soup)] == [["Bruno Costa"]]
    assert NOTICE not in str(soup)


def test_an_inactive_champion_renders_nothing_for_readers(client, cast, add_host_page):
    page = add_host_page("Meet them", [spotlight(cast["dora"]), spotlight(cast["bruno"])])
    soup = read(client, page)
    assert [names_in(section) for section in spotlights(soup)] == [["Bruno Costa"]]
    assert "Dora Hidden" not in str(soup)
    assert NOTICE not in str(soup)


def preview(page):
    page = HostLearningPage.objects.get(pk=page.pk)
    response = page.make_preview_request()
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_in_a_preview_editors_are_told_of_a_deleted_or_inactive_champion(cast, add_host_page):
    page = add_host_page(
        "Meet them", [spotlight(cast["ana"]), spotlight(cast["dora"]), spotlight(cast["bruno"])]
    )
    cast["ana"].delete()
    soup = preview(page)
    notices = soup.select(".lg-spotlight__notice")
    assert len(notices) == 2
    assert all(NOTICE in notice.get_text() and notice["role"] == "note" for notice in notices)
    assert [names_in(section) for section in spotlights(soup)] == [["Bruno Costa"]]
    assert "Dora Hidden" not in str(soup)


def test_the_notice_follows_the_request_of_the_context(cast):
    block = LearningGroupsStreamBlock().child_blocks["spotlight"]
    value = block.to_python({"champion": cast["dora"].pk, "headline": "", "quote": "",
                             "layout": "card"})  # fmt: skip
    request = RequestFactory().get("/")
    assert block.render(value, {"request": request}).strip() == ""
    request.is_preview = True
    assert NOTICE in block.render(value, {"request": request})
    active = block.to_python({"champion": cast["bruno"].pk, "headline": "", "quote": "",
                              "layout": "card"})  # fmt: skip
    rendered = block.render(active, {"request": request})
    assert NOTICE not in rendered and "Bruno Costa" in rendered


# Links to the directory --------------------------------------------------------------------------


def test_without_a_directory_names_are_not_links(client, cast, add_host_page):
    page = add_host_page("Meet them", [spotlight(cast["ana"]), champions_list("all")])
    soup = read(client, page)
    assert soup.select(".lg-champion__name a") == []  # no directory yet: names without links


def test_cards_link_to_profiles_in_the_directory(client, cast, directory, add_host_page):
    page = add_host_page("Meet them", [spotlight(cast["ana"]), champions_list("all")])
    soup = read(client, page)
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".lg-champion__name a")}
    assert links == {
        "Ana Silva": "/champions/ana-silva/",
        "Bruno Costa": "/champions/bruno-costa/",
        "Chidi Okafor": "/champions/chidi-okafor/",
        "Lucía Ramos": "/champions/lucia-ramos/",
    }
    assert client.get(links["Lucía Ramos"]).status_code == 200


# Lists -------------------------------------------------------------------------------------------


def test_each_scope_picks_its_champions(client, cast, themes, add_host_page):
    elections, budgets = themes
    page = add_host_page(
        "Our champions",
        [
            champions_list("office", heading="Nairobi", office="nairobi"),
            champions_list("region", heading="Pacific", region="Pacific"),
            champions_list("region", heading="Africa", region="Africa"),
            champions_list("theme", heading="Budgets", theme=budgets.pk),
            champions_list("theme", heading="Elections", theme=elections.pk),
            champions_list("awards", heading="Winners"),
            champions_list("all", heading="Everyone"),
        ],
    )
    soup = read(client, page)
    headings = [heading.get_text() for heading in soup.select("section.lg-champions h2")]
    assert headings == ["Nairobi", "Pacific", "Africa", "Budgets", "Elections", "Winners",
                        "Everyone"]  # fmt: skip
    assert list_names(soup) == [
        ["Ana Silva", "Chidi Okafor"],  # Dora works in Nairobi too, but is inactive
        ["Bruno Costa"],
        ["Ana Silva", "Chidi Okafor"],
        ["Bruno Costa", "Chidi Okafor"],
        ["Ana Silva"],
        # Latest award first: 2025 (by name), then 2024; Chidi has none, Dora is inactive.
        ["Ana Silva", "Lucía Ramos", "Bruno Costa"],
        ["Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos"],
    ]
    assert "Dora Hidden" not in str(soup)


def test_recent_winners_are_ordered_by_their_latest_award(client, offices, add_host_page):
    nairobi, _suva = offices
    make_champion("Aaron Old", nairobi, awards=[(NEWCOMER, 2019)])
    make_champion("Zoe New", nairobi, awards=[(NEWCOMER, 2020), (CHAMPION_OF_THE_YEAR, 2026)])
    make_champion("Mia Middle", nairobi, awards=[(CHAMPION_OF_THE_YEAR, 2023)])
    page = add_host_page("Winners", [champions_list("awards"), champions_list("awards", limit=1)])
    assert list_names(read(client, page)) == [
        ["Zoe New", "Mia Middle", "Aaron Old"],
        ["Zoe New"],
    ]


def test_lists_respect_their_limit(client, cast, add_host_page):
    everyone = add_host_page("Everyone", [champions_list("all", limit=2)])
    assert list_names(read(client, everyone)) == [["Ana Silva", "Bruno Costa"]]
    narrower = add_host_page(
        "Narrower",
        [champions_list("office", office="nairobi", limit=1), champions_list("awards", limit=2)],
    )
    assert list_names(read(client, narrower)) == [["Ana Silva"], ["Ana Silva", "Lucía Ramos"]]


def test_a_list_of_everyone_beside_a_narrower_list_still_lists_everyone(
    client, cast, add_host_page
):
    page = add_host_page(
        "Everyone and Suva",
        [champions_list("all", heading="Everyone"), champions_list("office", office="suva")],
    )
    assert list_names(read(client, page)) == [
        ["Ana Silva", "Bruno Costa", "Chidi Okafor", "Lucía Ramos"],
        ["Bruno Costa"],
    ]


def test_a_list_with_nothing_to_show_renders_nothing(client, cast, add_host_page, root_page):
    make_office(root_page, "Reykjavik", region="Europe", time_zone="Atlantic/Reykjavik")
    page = add_host_page(
        "Empty",
        [
            champions_list("office", heading="No office chosen"),
            champions_list("office", heading="Nobody there", office="reykjavik"),
            champions_list("region", heading="Unknown region", region="Atlantis"),
        ],
    )
    soup = read(client, page)
    assert soup.select("section.lg-champions") == []
    assert "Nobody there" not in str(soup)


def test_list_cards_show_the_profile_quote_and_photo(client, cast, add_host_page):
    page = add_host_page("Pacific", [champions_list("region", region="Pacific")])
    soup = read(client, page)
    (card,) = soup.select("section.lg-champions article.lg-champion")
    assert card.select_one(".lg-champion__quote").get_text(strip=True) == (
        "Thirty people, one screen."
    )
    assert "portrait-of-bruno-costa" in card.select_one("img")["srcset"]


# Award winners -----------------------------------------------------------------------------------


def award_groups(section):
    """``{award title: [winner's line]}`` of an awards block, in the order shown."""
    groups = {}
    for title in section.select(".lg-awards__title"):
        winners = title.find_next_sibling("ul")
        groups[title.get_text(strip=True)] = [
            name.get_text(strip=True) for name in winners.select(".lg-awards__name")
        ]
    return groups


def test_awards_are_grouped_by_award_and_hide_inactive_champions(client, cast, add_host_page):
    page = add_host_page("Awards night", [awards_block(2025), awards_block(2024, heading="2024")])
    sections = read(client, page).select("section.lg-awards")
    assert [section.h2.get_text(strip=True) for section in sections] == ["Awards 2025", "2024"]
    assert award_groups(sections[0]) == {
        CHAMPION_OF_THE_YEAR: ["Ana Silva, Nairobi"],  # Dora's is hidden: she is inactive
        NEWCOMER: ["Lucía Ramos, Lima"],
    }
    assert "For twelve sessions in a year." in sections[0].get_text()
    assert "For years of sessions." not in sections[0].get_text()
    assert award_groups(sections[1]) == {CHAMPION_OF_THE_YEAR: ["Bruno Costa, Suva"]}
    photo = sections[1].select_one("img.lg-awards__photo")
    assert "portrait-of-bruno-costa" in photo["srcset"]
    assert photo["width"] and photo["height"]


def test_awards_filter_by_title(client, cast, add_host_page):
    page = add_host_page(
        "Champion of the year",
        [awards_block(2025, award="  learning CHAMPION of the year "), awards_block(2025, "Nope")],
    )
    sections = read(client, page).select("section.lg-awards")
    assert len(sections) == 1  # the award no one holds renders nothing
    assert award_groups(sections[0]) == {CHAMPION_OF_THE_YEAR: ["Ana Silva, Nairobi"]}


def test_awards_of_a_year_with_none_render_nothing(client, cast, add_host_page):
    page = add_host_page("Quiet year", [awards_block(1999, heading="Awards 1999")])
    soup = read(client, page)
    assert soup.select("section.lg-awards") == []
    assert "Awards 1999" not in str(soup)


@pytest.mark.parametrize("name", ["spotlight", "champions", "awards"])
def test_the_block_chooser_previews_each_block(admin_client, name):
    block = LearningGroupsStreamBlock().child_blocks[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200


# Queries -----------------------------------------------------------------------------------------


def render_queries(client, page):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(captured), BeautifulSoup(response.content.decode(), "html.parser")


def test_fifty_of_each_block_run_as_many_queries_as_one(client, cast, themes, directory,
                                                        add_host_page, offices):  # fmt: skip
    elections, budgets = themes
    small = add_host_page(
        "Small", [spotlight(cast["ana"]), champions_list("all"), awards_block(2025)]
    )
    crowd = [
        make_champion(f"Volunteer {number:02}", offices[number % 2], photo=True,
                      quote=f"Quote {number}", awards=[(NEWCOMER, 2000 + number % 5)])
        for number in range(50)
    ]  # fmt: skip
    scopes = [
        {"scope": "office", "office": "suva"},
        {"scope": "region", "region": "Africa"},
        {"scope": "theme", "theme": budgets.pk},
        {"scope": "awards"},
        {"scope": "all"},
    ]
    body = []
    for number, champion in enumerate(crowd):
        body.append(spotlight(champion, layout="feature" if number % 2 else "card"))
        body.append(champions_list(limit=3, **scopes[number % len(scopes)]))
        body.append(awards_block(2000 + number % 5, award=NEWCOMER if number % 3 else ""))
    big = add_host_page("Big", body)

    # Warm: renditions are made on the first render.
    render_queries(client, small)
    render_queries(client, big)
    few, small_soup = render_queries(client, small)
    many, big_soup = render_queries(client, big)

    assert len(spotlights(small_soup)) == 1
    assert len(spotlights(big_soup)) == 50
    assert len(big_soup.select(".lg-spotlight img[srcset]")) == 50
    assert len(big_soup.select("section.lg-champions")) == 50
    assert len(big_soup.select("section.lg-awards")) == 50
    assert "Volunteer 49" in big_soup.get_text()
    assert many == few, f"{few} queries for one block of each, {many} for fifty"


def test_lists_choices_are_not_queried_once_per_list(client, cast, themes, add_host_page):
    """The office, region and theme choices of a list are for the editor's form, not the page."""
    one = add_host_page("One list", [champions_list("region", region="Africa")])
    ten = add_host_page("Ten lists", [champions_list("region", region="Africa")] * 10)
    render_queries(client, one)
    render_queries(client, ten)
    few, _ = render_queries(client, one)
    many, soup = render_queries(client, ten)
    assert len(soup.select("section.lg-champions")) == 10
    assert many == few, f"{few} queries for one list, {many} for ten"
