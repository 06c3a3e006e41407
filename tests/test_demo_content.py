"""The demo's content agrees with itself, as a reader would check it."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from example_site.intranet.models import OfficePage
from wagtail_learninggroups.models import Champion, WorkshopTemplatePage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("example_site.urls")]

NUMBERS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight"}


@pytest.fixture
def demo(settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())


def quiz_segments(body):
    for block in body:
        if block.block_type == "agenda":
            for segment in block.value["segments"]:
                if segment["kind"] == "quiz":
                    yield segment


def test_each_agenda_announces_its_quiz_as_it_is(demo):
    for template in WorkshopTemplatePage.objects.all():
        quizzes = [block.value for block in template.body if block.block_type == "quiz"]
        for segment in quiz_segments(template.body):
            assert quizzes, template.title
            quiz = quizzes[0]
            count = len(quiz["questions"])
            text = segment["description"]
            assert text.startswith(f"{NUMBERS[count]} questions"), (template.title, text)
            if quiz["mode"] == "individual":
                assert "on their own" in text, text


def test_a_champion_appears_once_on_the_home_page(demo):
    soup = BeautifulSoup(Client().get("/").content, "html5lib")
    text = soup.select_one("main").get_text(" ")
    for champion in Champion.objects.filter(active=True):
        assert len(re.findall(re.escape(champion.name), text)) <= 1, champion.name


def test_an_offices_page_shows_its_champions(demo):
    for office in OfficePage.objects.live():
        champions = Champion.objects.filter(active=True, location__page=office)
        html = Client().get(office.url).content.decode()
        for champion in champions:
            assert champion.name in html, (office.title, champion.name)
    assert Champion.objects.filter(location__page__isnull=False).exists()


def test_search_results_name_an_editions_office(demo):
    from wagtail_learninggroups.models import LocalEditionPage

    call_command("update_index", stdout=StringIO())
    html = Client().get("/search/", {"q": "parliament"}).content.decode()
    soup = BeautifulSoup(html, "html5lib")
    titles = [title.get_text(" ", strip=True) for title in soup.select(".search-result__title")]
    edition = LocalEditionPage.objects.live().select_related("location").first()
    assert f"{edition.title} · {edition.location.name}" in titles
