"""A published edition as staff read it: slot titles, people, and times in the office's zone."""

import re

import pytest
from django.test import Client

from tests.champions.factories import make_photo
from tests.editions.factories import fill_data, person, post_edition, template_slots
from wagtail_learninggroups.models import Location


@pytest.fixture
def keys(template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    return {"welcome": welcome, "speaker": speaker, "event": event}


def publish(admin_client, edition, keys, speaker=None, event=None, **fields):
    fills = [
        fill_data(keys["welcome"], ("text", "<p>Nairobi works with the National Assembly.</p>")),
        fill_data(keys["speaker"], ("person", speaker or person())),
    ]
    if event is not None:
        fills.append(fill_data(keys["event"], ("event", event)))
    response = post_edition(admin_client, edition, "action-publish", fills, **fields)
    assert response.status_code == 302, response.content.decode()[-2000:]
    edition.refresh_from_db()
    assert edition.live
    return Client().get(edition.url).content.decode()


def words(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def person_markup(html, name):
    match = re.search(rf'<div class="lg-person[^"]*">(?:(?!</div>).)*{name}.*?</div>', html, re.S)
    assert match, f"no person {name}"
    return match.group(0)


# Slot titles -------------------------------------------------------------------------------


def test_a_filled_body_slot_shows_its_title_as_a_heading_above_the_fill(
    admin_client, edition, keys
):
    html = publish(admin_client, edition, keys)
    heading = '<h2 class="lg-slot__title">A welcome from the head of office</h2>'
    assert heading in html
    assert html.index(heading) < html.index("Nairobi works with the National Assembly.")
    # Between the page's title and the fill's own headings (h3) in the outline.
    assert "<h1>Parliament where you are: Nairobi</h1>" in html


def test_a_filled_slot_in_an_agenda_segment_keeps_to_the_segments_row(admin_client, edition, keys):
    html = publish(admin_client, edition, keys)
    # The row's heading, "Local voices", says what the slot is for; no heading in the table.
    assert "Amina Odhiambo" in html
    assert "A colleague who has worked with parliament" not in html
    table = html[html.index("<table") : html.index("</table>")]
    assert "<h2" not in table and "lg-slot__title" not in table


def test_an_empty_slot_shows_no_title(admin_client, edition, keys):
    html = publish(admin_client, edition, keys)
    # The optional event slot is empty and shows nothing at all.
    assert "A visit to parliament" not in html


# People ------------------------------------------------------------------------------------


def test_a_person_without_a_photo_has_no_picture_and_is_marked_so(admin_client, edition, keys):
    markup = person_markup(publish(admin_client, edition, keys), "Amina Odhiambo")
    assert 'class="lg-person lg-person--no-photo"' in markup
    assert "<img" not in markup
    assert "Political officer" in markup


def test_a_person_with_a_photo_shows_it(admin_client, edition, keys):
    photo = make_photo("Amina")
    speaker = person() | {"photo": str(photo.pk)}
    markup = person_markup(publish(admin_client, edition, keys, speaker=speaker), "Amina")
    assert 'class="lg-person"' in markup
    assert 'class="lg-person__photo"' in markup and "<img" in markup


# Times -------------------------------------------------------------------------------------


def test_the_session_time_reads_as_people_say_it_in_the_offices_zone(admin_client, edition, keys):
    html = publish(admin_client, edition, keys)
    assert (
        '<time datetime="2027-02-10T10:00:00+03:00">'
        "Wednesday 10 February 2027, 10:00 Nairobi time</time>"
    ) in html
    assert "(Africa/Nairobi)" not in html


def test_a_zone_named_with_underscores_reads_as_its_place(admin_client, edition, keys):
    Location.objects.filter(pk=edition.location_id).update(time_zone="America/Port_of_Spain")
    edition.refresh_from_db()
    html = publish(admin_client, edition, keys)
    assert "Wednesday 10 February 2027, 10:00 Port of Spain time" in words(html)
    assert 'datetime="2027-02-10T10:00:00-04:00"' in html


def test_an_office_without_a_known_zone_reads_the_session_in_utc(admin_client, edition, keys):
    html = publish(admin_client, edition, keys)
    Location.objects.filter(pk=edition.location_id).update(time_zone="Mars/Olympus_Mons")
    html = Client().get(edition.url).content.decode()
    assert "Wednesday 10 February 2027, 07:00 UTC" in words(html)
    assert "(UTC)" not in html


def test_an_event_fill_reads_its_time_in_the_offices_zone(admin_client, edition, keys):
    event = {
        "title": "Open day at parliament",
        "starts": "2027-03-12 14:00",
        "venue": "",
        "url": "",
    }
    html = publish(admin_client, edition, keys, event=event)
    edition.refresh_from_db()
    stored = edition.render_fills()[keys["event"]]["content"][0].value["starts"]
    local = stored.astimezone(edition.office_zone)
    when = re.search(r'<p class="lg-event__when">(.*?)</p>', html, re.S).group(1)
    assert f'<time datetime="{local.isoformat()}">' in when
    assert words(when) == local.strftime("%A %-d %B %Y, %H:%M") + " Nairobi time"
    # Shown as the slot's content, under the slot's title.
    assert '<h2 class="lg-slot__title">A visit to parliament</h2>' in html
