"""The example intranet: its demo content loads once, respects edits, and every page renders."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import django
import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site

from example_site.intranet.models import (
    CurriculumPage,
    HomePage,
    OfficeIndexPage,
    OfficePage,
    StandardPage,
)
from wagtail_learninggroups.models import (
    CurriculumModule,
    CurriculumUnit,
    LocalEditionPage,
    Location,
)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("example_site.urls")]


def load_demo():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "modules": CurriculumModule.objects.count(),
        "units": CurriculumUnit.objects.count(),
        "sites": Site.objects.count(),
        "locations": Location.objects.count(),
    }


def test_demo_content_replaces_the_welcome_page_and_builds_the_intranet(django_user_model):
    output = load_demo()

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()

    assert CurriculumModule.objects.count() >= 2
    assert all(module.units.exists() for module in CurriculumModule.objects.all())
    assert CurriculumPage.objects.live().exists()
    assert StandardPage.objects.live().exists()

    offices = OfficePage.objects.live()
    assert offices.filter(staff_count__gte=100).exists(), "a large office"
    assert offices.filter(staff_count__lt=20).exists(), "a small office"
    assert offices.exclude(working_conditions="").exists(), "an office in a hard place"
    assert OfficeIndexPage.objects.get().get_children().count() == offices.count()

    # Each office is a Location of the package, whose editions will live under its page.
    locations = Location.objects.select_related("page")
    assert locations.count() == offices.count()
    assert {location.page.specific for location in locations} == set(offices)
    assert set(locations.values_list("size", flat=True)) == {"small", "medium", "large"}

    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("learninggroups-demo")
    assert "admin / learninggroups-demo" in output


def test_running_twice_loads_nothing_twice_and_keeps_edits(django_user_model):
    load_demo()
    before = counts()

    # A user edits the demo between runs.
    office = OfficePage.objects.order_by("pk").first()
    office.title = "Our office, renamed by its editor"
    office.save_revision().publish()
    module = CurriculumModule.objects.order_by("number").first()
    module.title = "A module title the learning team changed"
    module.save()
    admin = django_user_model.objects.get(username="admin")
    admin.set_password("a-better-password")
    admin.save()

    output = load_demo()

    assert counts() == before
    office.refresh_from_db()
    assert office.title == "Our office, renamed by its editor"
    module.refresh_from_db()
    assert module.title == "A module title the learning team changed"
    admin.refresh_from_db()
    assert admin.check_password("a-better-password")
    assert "already exists; its password was not changed" in output


def test_a_site_whose_home_page_was_edited_is_not_replaced(root_page):
    root_page.title = "Our own home page"
    root_page.save_revision().publish()
    load_demo()
    assert Page.objects.filter(pk=root_page.pk, title="Our own home page").exists()


@override_settings(DEBUG=False)
def test_every_demo_page_renders(client):
    load_demo()
    pages = Page.objects.live().specific().filter(depth__gt=1)
    assert pages.count() >= 8
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.title in html
        assert '<main id="main"' in html
        assert "/static/wagtail_learninggroups/css/learninggroups.css" in html


def test_the_programme_page_uses_the_objectives_block_in_the_sites_own_streamfield(client):
    load_demo()
    page = StandardPage.objects.get(slug="learning-programme")
    assert "objectives" in [child.block_type for child in page.body]
    assert '<section class="lg-block lg-objectives">' in client.get(page.url).content.decode()


def test_search_finds_demo_pages(client):
    load_demo()
    call_command("update_index", stdout=StringIO())
    response = client.get("/search/", {"q": "parliament"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-result"' in html
    assert "About the learning programme" in html
    assert (
        client.get("/search/", {"q": "zzyzx-nothing"})
        .content.decode()
        .count('class="search-result"')
        == 0
    )


def test_demo_editions_are_at_three_stages(client):
    load_demo()
    editions = {e.location.slug: e for e in LocalEditionPage.objects.select_related("location")}
    assert set(editions) == {"washington", "nairobi", "suva"}

    washington = editions["washington"]
    assert washington.live and washington.progress().is_complete
    html = client.get(washington.url).content.decode()
    assert "Marcus Bell" in html and "Visit of the Foreign Affairs Committee" in html
    assert (
        "Tuesday 20 April 2027, 09:00 New York time" in html
    )  # the event, in Washington's time zone
    assert "Each office adds" not in html

    nairobi = editions["nairobi"].get_latest_revision_as_object()
    assert not editions["nairobi"].live
    progress = nairobi.progress()
    assert (progress.required_done, progress.required_total) == (1, 2)

    suva = editions["suva"].get_latest_revision_as_object()
    assert not editions["suva"].live and suva.progress().required_done == 0

    template = washington.workshop
    assert client.get(template.url).content.decode().count("Each office adds:") == 3


def test_the_demo_quiz_is_taken_in_an_office_edition(client, django_user_model):
    from wagtail_learninggroups.models import QuizAttempt

    load_demo()
    washington = LocalEditionPage.objects.get(location__slug="washington")
    client.force_login(django_user_model.objects.create_user("lena", "lena@example.org", "pw"))
    html = client.get(washington.url).content.decode()
    assert "Check your understanding" in html
    assert html.count('class="lg-question ') == 6
    assert "Well done" not in html
    response = client.post(
        f"/learning-groups/quiz/{washington.pk}/demo-parliament-quiz/", {"q-x": "1"}
    )
    assert response.status_code == 200
    assert "Some answers need another look" in response.content.decode()
    assert not QuizAttempt.objects.exists()


@pytest.mark.skipif(django.VERSION < (5, 1), reason="Django 5.1 added SQLite's connection options")
def test_the_demo_database_uses_wal_and_immediate_transactions(tmp_path):
    """A busy demo does not lock up: readers never wait for the writer, writers queue."""
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0], connection.transaction_mode)\n"
    )
    result = subprocess.run(
        [sys.executable, "example_site/manage.py", "shell", "-c", script],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "example_site.settings",
            "EXAMPLE_SITE_DATA_DIR": str(tmp_path),
        },
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split()[-2:] == ["wal", "IMMEDIATE"], result.stdout
