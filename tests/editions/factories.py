"""Offices, a slotted template and editions, made the way editors make them."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.testapp.models import HostArticlePage
from wagtail_learninggroups.models import Location
from wagtail_learninggroups.workshops import slots


def add_page_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def make_office(parent, name, region="Africa", time_zone="Africa/Nairobi"):
    slug = name.lower()
    section = HostArticlePage(title=name, slug=slug)
    # Older django-treebeard releases need the parent's child count as the database has it.
    parent.refresh_from_db()
    parent.add_child(instance=section)
    section.save_revision().publish()
    location = Location.objects.create(
        name=name, slug=slug, country=name, region=region, size="medium",
        time_zone=time_zone, page=section,
    )  # fmt: skip
    return location


def template_slots(template):
    template.refresh_from_db()
    return slots.find_slots(template.body.stream_block, template.body.raw_data)


def edition_form(template, location, action="action-save", **fields):
    data = {
        "title": f"Parliament where you are: {location.name}",
        "slug": "parliament-where-you-are",
        "workshop": str(template.pk),
        "location": str(location.pk),
        "session_format": "in-person",
        "session_starts": "2027-02-10 10:00",
        "venue": "Library, 2nd floor",
        "joining_url": "",
        "facilitator": "Wanjiru Kamau",
        action: "1",
    }
    data.update(fields)
    return nested_form_data(data)


def fill_data(key, *items):
    """Form data of one slot's input: ``("text", "<p>…</p>")``, ``("person", {...})``."""
    converted = [(kind, rich_text(value) if kind == "text" else value) for kind, value in items]
    return nested_form_data({f"lg-fill-{key}": streamfield(converted)})


def person(name="Amina Odhiambo", role="Political officer"):
    return {"name": name, "role": role, "photo": "", "about": ""}


def post_edition(client, edition, action="action-save", fills=(), **fields):
    """Post the edition editor with ``fills`` (form data of slot inputs) added."""
    data = edition_form(edition.workshop, edition.location, action=action, **fields)
    for extra in fills:
        data.update(extra)
    return client.post(edit_url(edition), data)
