"""Offices (locations), managed in the "Learning groups" admin menu through its real forms."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail_learninggroups.models import Location

URL_PREFIX = "wagtail_learninggroups_location_modeladmin"


NAIROBI = {
    "name": "Nairobi",
    "slug": "nairobi",
    "country": "Kenya",
    "region": "Africa",
    "size": "medium",
    "time_zone": "Africa/Nairobi",
}


def location_form(**fields):
    """The admin form's POST data for a location, Nairobi unless told otherwise."""
    return {**NAIROBI, "active": "on", "page": "", **fields}


def make_location(**fields):
    return Location.objects.create(**{**NAIROBI, **fields})


def test_create_a_location_with_its_section_page(admin_client, root_page):
    response = admin_client.post(
        reverse(f"{URL_PREFIX}_create"), location_form(page=str(root_page.pk))
    )
    assert response.status_code == 302
    location = Location.objects.get(slug="nairobi")
    assert str(location) == "Nairobi"
    assert location.page.pk == root_page.pk
    assert location.active


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Nairobi time", "is not a time zone name"),
        ("slug", "not a slug!", "Enter a valid"),
        ("size", "huge", "Select a valid choice"),
    ],
)
def test_bad_values_are_refused_with_a_message(admin_client, db, field, value, message):
    response = admin_client.post(reverse(f"{URL_PREFIX}_create"), location_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Location.objects.exists()


def test_a_second_location_with_the_same_slug_is_refused(admin_client, db):
    make_location()
    response = admin_client.post(reverse(f"{URL_PREFIX}_create"), location_form(name="Other"))
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_time_zone_validation_on_the_model(db):
    location = make_location()
    location.time_zone = "Mars/Olympus_Mons"
    with pytest.raises(ValidationError) as caught:
        location.full_clean()
    assert "time_zone" in caught.value.message_dict


def test_listing_filters_and_searches(admin_client, db):
    make_location()
    make_location(name="Reykjavik", slug="reykjavik", country="Iceland", region="Europe",
                  size="small", time_zone="Atlantic/Reykjavik")  # fmt: skip
    index = reverse(f"{URL_PREFIX}_index")
    in_europe = admin_client.get(index, {"region": "Europe"}).content.decode()
    assert "Reykjavik" in in_europe and "Nairobi" not in in_europe
    found = admin_client.get(index, {"q": "kenya"}).content.decode()
    assert "Nairobi" in found and "Reykjavik" not in found
    small = admin_client.get(index, {"size__exact": "small"}).content.decode()
    assert "Reykjavik" in small and "Nairobi" not in small


def test_export_as_csv(admin_client, db):
    make_location()
    response = admin_client.get(reverse(f"{URL_PREFIX}_index"), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    assert "Nairobi,nairobi,Kenya,Africa" in body


def test_the_menu_offers_locations(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{URL_PREFIX}_index") in html


def test_deleting_the_section_page_keeps_the_location(root_page):
    from wagtail.models import Page

    section = Page(title="Nairobi section", slug="nairobi-section")
    root_page.add_child(instance=section)
    location = make_location(page=section)
    section.delete()
    location.refresh_from_db()
    assert location.page is None
