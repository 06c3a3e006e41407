"""A person's office: the OFFICE_OF_USER hook, its default record, and "My office"."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from wagtail_learninggroups.curriculum.people import office_of
from wagtail_learninggroups.models import LearnerProfile, Location

MY_OFFICE = "/learning-groups/my-office/"


def site_hook(user):
    """A site's own hook, as a people directory would answer: everyone is in Juba."""
    return Location.objects.get(slug="juba")


def failing_hook(user):
    raise RuntimeError("the directory is down")


def not_an_office(user):
    return "Nairobi"


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("amina", "amina@example.org", "pw")


@pytest.fixture
def person_client(person):
    client = Client()
    client.force_login(person)
    return client


def test_my_office_address_is_the_packages():
    assert reverse("wagtail_learninggroups:my_office") == MY_OFFICE


def test_by_default_a_persons_office_is_their_profiles(person, offices):
    assert office_of(person) is None
    LearnerProfile.objects.create(user=person, location=offices[0])
    person = type(person).objects.get(pk=person.pk)
    assert office_of(person) == offices[0]


def test_no_one_signed_out_has_an_office(offices):
    from django.contrib.auth.models import AnonymousUser

    assert office_of(AnonymousUser()) is None
    assert office_of(None) is None


def test_a_site_points_the_hook_at_its_own_directory(person, offices, settings):
    juba = Location.objects.create(
        name="Juba", slug="juba", country="South Sudan", region="Africa", size="small",
        time_zone="Africa/Juba",
    )  # fmt: skip
    settings.WAGTAIL_LEARNINGGROUPS = {"OFFICE_OF_USER": f"{__name__}.site_hook"}
    assert office_of(person) == juba


@pytest.mark.parametrize("hook", ["failing_hook", "not_an_office", "no_such_function"])
def test_a_hook_that_fails_or_answers_no_office_reads_as_none(person, settings, caplog, hook):
    settings.WAGTAIL_LEARNINGGROUPS = {"OFFICE_OF_USER": f"{__name__}.{hook}"}
    with caplog.at_level(logging.WARNING, logger="wagtail_learninggroups"):
        assert office_of(person) is None
    assert bool(caplog.records) == (hook != "not_an_office")


def test_signed_out_my_office_asks_to_sign_in(client, settings):
    settings.WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
    response = client.get(MY_OFFICE)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/learning-groups/my-office/"


def test_a_person_chooses_their_office_on_my_office(person, person_client, offices):
    html = person_client.get(MY_OFFICE).content.decode()
    assert "You have not said which office you belong to yet." in html
    assert f'<option value="{offices[0].pk}">{offices[0].name}</option>' in html
    response = person_client.post(MY_OFFICE, {"location": str(offices[0].pk)}, follow=True)
    assert f"Your office is now {offices[0].name}." in response.content.decode()
    assert LearnerProfile.objects.get(user=person).location == offices[0]


@pytest.mark.parametrize("value", ["", "999999", "abc", "1" * 40])
def test_a_forged_or_empty_office_is_refused_and_nothing_changes(
    person, person_client, offices, value
):
    LearnerProfile.objects.create(user=person, location=offices[0])
    response = person_client.post(MY_OFFICE, {"location": value})
    assert response.status_code == 200
    assert LearnerProfile.objects.get(user=person).location == offices[0]


def test_an_inactive_office_cannot_be_chosen(person, person_client, offices):
    Location.objects.filter(pk=offices[1].pk).update(active=False)
    response = person_client.post(MY_OFFICE, {"location": str(offices[1].pk)})
    assert response.status_code == 200
    assert not LearnerProfile.objects.filter(user=person).exists()


def test_where_the_site_knows_offices_my_office_only_says_which(
    person, person_client, offices, settings
):
    Location.objects.create(
        name="Juba", slug="juba", country="South Sudan", region="Africa", size="small",
        time_zone="Africa/Juba",
    )  # fmt: skip
    settings.WAGTAIL_LEARNINGGROUPS = {"OFFICE_OF_USER": f"{__name__}.site_hook"}
    html = person_client.get(MY_OFFICE).content.decode()
    assert "<strong>Juba</strong>" in html
    assert "<form" not in html.split("<article", 1)[1]
    person_client.post(MY_OFFICE, {"location": str(offices[0].pk)})
    assert not LearnerProfile.objects.exists()


def test_central_editors_set_peoples_offices_in_the_admin(admin_client, person, offices):
    from wagtail.test.utils.form_data import nested_form_data

    index = "/admin/wagtail_learninggroups/learnerprofile/"
    assert "People’s offices" in admin_client.get("/admin/").content.decode() or (
        "People's offices" in admin_client.get("/admin/").content.decode()
    )
    response = admin_client.post(
        f"{index}create/", nested_form_data({"user": person.pk, "location": offices[1].pk})
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert office_of(type(person).objects.get(pk=person.pk)) == offices[1]
    listing = admin_client.get(index).content.decode()
    assert offices[1].name in listing
