"""The example intranet's people: one for each role, who sign in on the intranet's own page."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from example_site.intranet.demo.people import DEMO_PEOPLE_PASSWORD, PEOPLE
from wagtail_learninggroups.curriculum.people import office_of
from wagtail_learninggroups.models import LocalEditionPage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("example_site.urls")]


@pytest.fixture
def demo(settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    settings.WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def sign_in(username):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": username, "password": DEMO_PEOPLE_PASSWORD, "next": "/"}
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    return client


def test_the_demo_names_its_people_and_their_password(demo):
    for username, *_rest in PEOPLE:
        assert username in demo
    assert DEMO_PEOPLE_PASSWORD in demo
    again = StringIO()
    call_command("load_demo_content", stdout=again)
    assert "Person “amina”" in again.getvalue()  # already there, left alone


def test_staff_sign_in_on_the_intranets_page_and_see_who_they_are(demo):
    page = Client().get("/accounts/login/")
    assert page.status_code == 200
    assert '<label for="id_username">Username</label>' in page.content.decode()
    client = sign_in("amina")
    html = client.get("/").content.decode()
    assert "Amina Odhiambo" in html
    assert 'href="/learning-groups/quiz/my-results/"' in html
    assert 'action="/accounts/logout/"' in html
    client.post("/accounts/logout/")
    assert "Amina Odhiambo" not in client.get("/").content.decode()


def test_a_wrong_password_is_refused_with_a_message(demo):
    response = Client().post("/accounts/login/", {"username": "amina", "password": "nope"})
    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()


def test_the_quizs_sign_in_link_leads_to_the_intranets_sign_in(demo):
    edition = LocalEditionPage.objects.live().filter(location__slug="washington").first()
    html = Client().get(edition.url).content.decode()
    assert 'href="/accounts/login/?next=' in html
    assert Client().get("/accounts/login/?next=/").status_code == 200


@pytest.mark.parametrize(
    ("username", "office", "admin"),
    [
        ("amina", "nairobi", False),
        ("wanjiru", "nairobi", True),
        ("jordan", "washington", True),
        ("sofia", "washington", True),
        ("tomas", "reykjavik", True),
    ],
)
def test_each_demo_person_has_their_office_and_role(demo, django_user_model, username, office,
                                                    admin):  # fmt: skip
    user = django_user_model.objects.get(username=username)
    assert office_of(user).slug == office
    assert user.has_perm("wagtailadmin.access_admin") == admin


def test_local_editors_edit_their_offices_edition_and_no_others(demo, django_user_model):
    nairobi = LocalEditionPage.objects.get(location__slug="nairobi")
    washington = LocalEditionPage.objects.get(location__slug="washington")
    wanjiru = django_user_model.objects.get(username="wanjiru")
    assert nairobi.permissions_for_user(wanjiru).can_edit()
    assert not washington.permissions_for_user(wanjiru).can_edit()
    assert not nairobi.workshop.permissions_for_user(wanjiru).can_edit()
    sofia = django_user_model.objects.get(username="sofia")
    assert nairobi.workshop.permissions_for_user(sofia).can_edit()
    assert sofia.has_perm("wagtail_learninggroups.view_completeness_report")
    tomas = django_user_model.objects.get(username="tomas")
    assert tomas.has_perm("wagtail_learninggroups.export_quizattempt")
    assert not nairobi.permissions_for_user(tomas).can_edit()
