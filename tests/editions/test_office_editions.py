"""A template page shows its reader their office's edition, and every office's, by region."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.editions.factories import make_office
from wagtail_learninggroups.models import LearnerProfile, LocalEditionPage


def add_edition(template, location, live=True):
    edition = LocalEditionPage(
        title=f"{template.title}: {location.name}",
        slug=template.slug,
        workshop=template,
        location=location,
        live=live,
    )
    location.page.add_child(instance=edition)
    revision = edition.save_revision()
    if live:
        revision.publish()
    return edition


@pytest.fixture
def reader(django_user_model, offices):
    user = django_user_model.objects.create_user("kamau", "kamau@example.org", "pw")
    LearnerProfile.objects.create(user=user, location=offices[0])
    client = Client()
    client.force_login(user)
    return client


def test_a_reader_sees_their_offices_edition_first(reader, template, offices):
    edition = add_edition(template, offices[0])
    html = reader.get(template.url).content.decode()
    assert f"Your office: {offices[0].name}" in html
    assert f'href="{edition.url}"' in html


def test_a_reader_whose_office_has_no_edition_is_told_so(reader, template, offices):
    add_edition(template, offices[1])
    html = reader.get(template.url).content.decode()
    assert f"Your office, {offices[0].name}, has no edition of this workshop yet" in html


def test_a_reader_without_an_office_is_asked_which(django_user_model, template, offices):
    client = Client()
    client.force_login(django_user_model.objects.create_user("new", "n@example.org", "pw"))
    html = client.get(template.url).content.decode()
    assert 'href="/learning-groups/my-office/"' in html


def test_every_offices_live_edition_is_listed_by_region(template, root_page):
    client = Client()
    africa = [make_office(root_page, name, "Africa") for name in ("Nairobi", "Juba")]
    europe = [make_office(root_page, "Reykjavik", "Europe", "Atlantic/Reykjavik")]
    for office in [*africa, *europe]:
        add_edition(template, office)
    add_edition(template, make_office(root_page, "Suva", "Asia-Pacific", "Pacific/Fiji"), False)
    html = client.get(template.url).content.decode()
    assert "3 offices have their own edition" in html
    assert html.index("<h3>Africa</h3>") < html.index(">Juba<") < html.index(">Nairobi<")
    assert html.index("<h3>Europe</h3>") < html.index(">Reykjavik<")
    assert ">Suva<" not in html
    assert 'data-lg-filter="lg-office-list"' in html


def test_an_edition_the_reader_may_not_see_is_not_listed(template, offices):
    private = add_edition(template, offices[1])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_edition(template, offices[0])
    html = Client().get(template.url).content.decode()  # signed out
    assert f">{offices[0].name}<" in html
    assert f">{offices[1].name}<" not in html


def test_the_list_costs_the_same_queries_for_3_offices_and_for_12(reader, template, root_page):
    def queries_with(count):
        existing = LocalEditionPage.objects.count()
        for number in range(existing, count):
            office = make_office(root_page, f"Office{number:02}", f"Region {number % 4}")
            add_edition(template, office)
        reader.get(template.url)  # the caches warm
        with CaptureQueriesContext(connection) as queries:
            html = reader.get(template.url).content.decode()
        assert html.count("data-lg-filter-item") == count
        return len(queries)

    assert queries_with(3) == queries_with(12)
