"""Roll-out: a draft edition for each office, by command and from the admin."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.editions.factories import edit_url, make_office
from tests.testapp import frontend_cache
from wagtail_learninggroups.models import LocalEditionPage, Location


def rollout(*args):
    out = StringIO()
    call_command("learninggroups_rollout", *args, stdout=out)
    return out.getvalue()


def test_rollout_to_every_active_office_creates_drafts_under_each_section(template, offices):
    output = rollout(str(template.pk), "--locations", "all")
    editions = LocalEditionPage.objects.order_by("location__name")
    assert [(e.location.slug, e.get_parent().pk) for e in editions] == [
        (office.slug, office.page.pk) for office in offices
    ]
    assert all(not e.live and e.workshop_id == template.pk for e in editions)
    assert all(e.latest_revision_id for e in editions)
    assert all(
        PageLogEntry.objects.filter(page=e, action="wagtail.create").count() == 1 for e in editions
    )
    assert "2 created, 0 skipped, 0 failed." in output
    assert "[##############################] 2/2" in output


def test_a_second_rollout_skips_offices_with_an_edition(template, offices):
    rollout(str(template.pk), "--locations", "nairobi")
    output = rollout(str(template.pk), "--locations", "nairobi,suva")
    assert "skipped  nairobi: already has an edition" in output
    assert "1 created, 1 skipped, 0 failed." in output
    assert LocalEditionPage.objects.count() == 2


def test_offices_that_cannot_take_an_edition_are_reported_with_the_reason(
    template, offices, root_page
):
    Location.objects.create(name="Juba", slug="juba", country="South Sudan", region="Africa",
                            size="small", time_zone="Africa/Juba")  # fmt: skip
    Location.objects.filter(slug="suva").update(active=False)
    out = StringIO()
    with pytest.raises(CommandError, match="1 created, 1 skipped, 2 failed.") as failure:
        call_command(
            "learninggroups_rollout", str(template.pk), "--locations",
            "nairobi,suva,juba,atlantis", stdout=out,
        )  # fmt: skip
    assert failure.value.returncode == 2
    output = out.getvalue()
    assert "created  nairobi" in output
    assert "skipped  suva: the office is inactive" in output
    assert "failed   juba: the office has no section page to hold its editions" in output
    assert "failed   atlantis: no office has this slug" in output
    # "all" means the active offices.
    with pytest.raises(CommandError, match="0 created, 1 skipped, 1 failed."):
        rollout(str(template.pk))


def test_an_unknown_template_is_a_clear_error(db):
    with pytest.raises(CommandError, match="no workshop template with id 999"):
        rollout("999")


def test_a_slug_in_use_under_the_office_gets_a_suffix(template, offices):
    from tests.testapp.models import HostArticlePage

    nairobi = offices[0]
    nairobi.page.add_child(instance=HostArticlePage(title="x", slug=template.slug))
    rollout(str(template.pk), "--locations", "nairobi")
    assert LocalEditionPage.objects.get().slug == f"{template.slug}-2"


def test_rollout_from_the_admin_runs_as_a_task(
    admin_client, template, offices, django_capture_on_commit_callbacks
):
    editor = admin_client.get(edit_url(template)).content.decode()
    url = reverse("wagtail_learninggroups_rollout", args=(template.pk,))
    assert url in editor and "Roll out to offices" in editor
    form = admin_client.get(url)
    assert form.status_code == 200 and "Every active office" in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"scope": "chosen", "locations": [offices[1].pk]})
    assert response.status_code == 302
    assert [e.location.slug for e in LocalEditionPage.objects.all()] == ["suva"]


def test_the_admin_asks_for_an_office_when_none_is_ticked(admin_client, template, offices):
    url = reverse("wagtail_learninggroups_rollout", args=(template.pk,))
    response = admin_client.post(url, {"scope": "chosen"})
    assert response.status_code == 200
    assert "Tick at least one office." in response.content.decode()
    assert not LocalEditionPage.objects.exists()


def test_publishing_a_template_purges_every_live_edition_from_the_frontend_cache(
    admin_client, template, offices, settings, django_capture_on_commit_callbacks
):
    rollout(str(template.pk))
    for edition in LocalEditionPage.objects.all():
        edition.save_revision().publish()
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.testapp.frontend_cache.RecordingBackend"}
    }
    frontend_cache.PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        template.save_revision().publish()
    for edition in LocalEditionPage.objects.all():
        for suffix in ("", "facilitator/", "print/"):
            assert edition.full_url + suffix in frontend_cache.PURGED


def test_rollout_costs_the_same_queries_per_office_however_many_offices(template, root_page):
    """Roll-out is linear: the queries of one office's edition do not grow with the count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_learninggroups.editions.rollout import roll_out

    def offices(prefix, count):
        made = []
        for n in range(count):
            root_page.refresh_from_db()
            made.append(make_office(root_page, f"{prefix}{n}"))
        return made

    one, five = offices("Alpha", 1), offices("Beta", 5)
    with CaptureQueriesContext(connection) as for_one:
        roll_out(template, one)
    with CaptureQueriesContext(connection) as for_five:
        roll_out(template, five)
    fixed = 1  # the query that finds existing editions
    per_office = len(for_one) - fixed
    assert len(for_five) - fixed <= 5 * per_office + 5, (len(for_one), len(for_five))
    assert LocalEditionPage.objects.count() == 6


def test_an_office_met_twice_is_created_once_and_the_roll_out_goes_on(template, offices):
    from wagtail_learninggroups.editions.rollout import roll_out

    nairobi, suva = offices
    # The second Nairobi stands for a roll-out that another click started meanwhile.
    result = roll_out(template, [nairobi, nairobi, suva])
    assert [e.location.slug for e in result.created] == ["nairobi", "suva"]
    assert [(loc.slug, str(reason)) for loc, reason in result.skipped] == [
        ("nairobi", "already has an edition")
    ]
