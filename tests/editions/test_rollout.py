"""Roll-out: a draft edition for each office, by command and from the admin."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.editions.factories import edit_url, make_office
from tests.testapp import frontend_cache
from wagtail_learninggroups.editions.rollout import roll_out
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
    nairobi, suva = offices
    # The second Nairobi stands for a roll-out that another click started meanwhile.
    result = roll_out(template, [nairobi, nairobi, suva])
    assert [e.location.slug for e in result.created] == ["nairobi", "suva"]
    assert [(loc.slug, str(reason)) for loc, reason in result.skipped] == [
        ("nairobi", "already has an edition")
    ]


# The roll-out screens of the admin ------------------------------------------------------------


def parse(response):
    """The page as an element tree, read as a browser without script reads it."""
    import html5lib

    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    return parser.parse(response.content.decode(), scripting=False)


def text_of(element):
    return " ".join("".join(element.itertext()).split())


def form_url(template):
    return reverse("wagtail_learninggroups_rollout", args=(template.pk,))


def run_url(run):
    return reverse("wagtail_learninggroups_rollout_run", args=(run.pk,))


def start(client, template, data, capture):
    """Post the roll-out form; the task runs at once (on commit, with older django-tasks)."""
    with capture(execute=True):
        return client.post(form_url(template), data)


@pytest.fixture
def juba(offices, root_page):
    """A third office: in Nairobi's region, in its own section."""
    return make_office(root_page, "Juba", time_zone="Africa/Juba")


def test_rollout_from_the_admin_runs_as_a_task_and_ends_on_its_summary(
    admin_client, template, offices, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions.models_rollout import RolloutRun

    editor = admin_client.get(edit_url(template)).content.decode()
    assert form_url(template) in editor and "Roll out to offices" in editor
    assert admin_client.get(form_url(template)).status_code == 200

    response = start(
        admin_client, template, {"locations": [offices[1].pk]}, django_capture_on_commit_callbacks
    )
    run = RolloutRun.objects.get()
    assert response.status_code == 302 and response.url == run_url(run)
    assert [e.location.slug for e in LocalEditionPage.objects.all()] == ["suva"]
    assert (run.status, run.done, run.total, run.location_ids) == (
        "finished",
        1,
        1,
        [offices[1].pk],
    )
    assert run.created_by.get_username() == "central-editor"
    assert run.started_at and run.finished_at

    summary = admin_client.get(run_url(run))
    page = summary.content.decode()
    suva = LocalEditionPage.objects.get()
    assert "Editions created: 1. Skipped: 0. Failed: 0." in text_of(parse(summary))
    assert reverse("wagtailadmin_pages:edit", args=(suva.pk,)) in page
    assert reverse("wagtailadmin_pages:view_draft", args=(suva.pk,)) in page
    # The page is over: it neither refreshes itself nor loads the polling script.
    assert 'http-equiv="refresh"' not in page and "rollout.js" not in page
    # The roll-out screen lists it, for those who left its page.
    assert run_url(run) in admin_client.get(form_url(template)).content.decode()


def test_offices_are_grouped_by_region_and_those_with_an_edition_cannot_be_chosen(
    admin_client, template, offices, juba
):
    nairobi, suva = offices
    roll_out(template, [nairobi])
    nairobis = LocalEditionPage.objects.get()
    document = parse(admin_client.get(form_url(template)))
    form = document.find(".//form[@data-controller='lg-rollout']")

    regions = form.findall(".//fieldset[@class='lg-rollout__region']")
    assert [text_of(region.find("legend")) for region in regions] == ["Africa", "Pacific"]
    africa = regions[0]
    region_box = africa.find(".//input[@name='regions']")
    assert region_box.get("value") == "Africa" and region_box.get("disabled") is None
    assert "All offices in Africa (1 without an edition)" in text_of(africa)
    boxes = {text_of(item.find("label")): item.find("input") for item in africa.iter("li")}
    assert list(boxes) == ["Juba", "Nairobi"]
    assert boxes["Juba"].get("name") == "locations" and boxes["Juba"].get("disabled") is None
    # Nairobi's box is shown, disabled, not sent, with the reason in words and a link.
    assert boxes["Nairobi"].get("disabled") is not None and boxes["Nairobi"].get("name") is None
    reason = form.find(f".//*[@id='{boxes['Nairobi'].get('aria-describedby')}']")
    assert text_of(reason) == "Already has an edition: edit Nairobi’s edition"
    assert reason.find("a").get("href") == edit_url(nairobis)
    everything = form.find(".//input[@name='scope']")
    assert everything.get("value") == "all"
    assert "All offices (2 without an edition)" in text_of(form)
    # The filter box is for the script to show: without it, the form is the whole page.
    assert form.find(".//div[@data-lg-rollout-target='filterBox']").get("hidden") is not None


def test_the_server_refuses_an_office_that_already_has_an_edition(
    admin_client, template, offices, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions.models_rollout import RolloutRun

    nairobi, suva = offices
    roll_out(template, [nairobi])
    response = start(
        admin_client, template, {"locations": [nairobi.pk, suva.pk]},
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert response.status_code == 200
    assert "Nairobi already has an edition of this workshop, so it cannot be chosen." in text_of(
        parse(response)
    )
    assert not RolloutRun.objects.exists()
    assert LocalEditionPage.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "created"),
    [
        ({"regions": ["Africa"]}, ["juba", "nairobi"]),
        ({"regions": ["Pacific"], "locations": []}, ["suva"]),
        ({"scope": "all"}, ["juba", "nairobi", "suva"]),
        # A region and an office of another one: both.
        ({"regions": ["Pacific"], "locations": ["JUBA"]}, ["juba", "suva"]),
    ],
)
def test_a_region_or_all_offices_stand_for_their_offices_without_an_edition(
    admin_client, template, offices, juba, data, created, django_capture_on_commit_callbacks
):
    data = {**data, "locations": [juba.pk] if data.get("locations") else []}
    start(admin_client, template, data, django_capture_on_commit_callbacks)
    assert sorted(e.location.slug for e in LocalEditionPage.objects.all()) == created


def test_all_offices_leaves_out_those_with_an_edition(
    admin_client, template, offices, juba, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions.models_rollout import RolloutRun

    roll_out(template, [offices[0]])
    start(admin_client, template, {"scope": "all"}, django_capture_on_commit_callbacks)
    run = RolloutRun.objects.get()
    assert sorted(run.location_ids) == sorted([juba.pk, offices[1].pk])
    assert [entry["outcome"] for entry in run.results] == ["created", "created"]


def test_the_admin_asks_for_an_office_when_none_is_ticked(admin_client, template, offices):
    response = admin_client.post(form_url(template), {})
    assert response.status_code == 200
    assert "Tick at least one office, a region or “All offices”." in text_of(parse(response))
    roll_out(template, list(offices))
    response = admin_client.post(form_url(template), {"scope": "all"})
    assert "Every office you chose already has an edition of this workshop." in text_of(
        parse(response)
    )
    assert LocalEditionPage.objects.count() == 2


def make_run(template, **fields):
    from wagtail_learninggroups.editions.models_rollout import RolloutRun

    return RolloutRun.objects.create(template=template, **fields)


def test_a_running_roll_out_shows_its_progress_and_refreshes_itself_without_script(
    admin_client, template
):
    run = make_run(template, status="running", done=37, total=200)
    response = admin_client.get(run_url(run))
    document = parse(response)
    bar = document.find(".//progress")
    assert (bar.get("value"), bar.get("max"), text_of(bar)) == ("37", "200", "37 of 200 offices")
    label = document.find(f".//*[@id='{bar.get('aria-labelledby')}']")
    assert text_of(label) == "37 of 200 offices"
    # Read without script, the page reloads itself every few seconds...
    refresh = document.find(".//head/noscript/meta[@http-equiv='refresh']")
    assert refresh is not None and 2 <= int(refresh.get("content")) <= 5
    # ...which a browser running script does not (it is inside <noscript>), as it polls:
    assert "<noscript><meta http-equiv" in response.content.decode()
    progress = document.find(".//*[@data-controller='lg-rollout-progress']")
    status_url = progress.get("data-lg-rollout-progress-url-value")
    assert status_url == reverse("wagtail_learninggroups_rollout_run_status", args=(run.pk,))
    assert admin_client.get(status_url).json() == {
        "status": "running",
        "done": 37,
        "total": 200,
        "text": "37 of 200 offices",
        "over": False,
    }


def test_a_queued_roll_out_says_it_waits_for_the_worker(admin_client, template):
    run = make_run(template, total=3)
    document = parse(admin_client.get(run_url(run)))
    assert document.find(".//progress").get("value") is None  # indeterminate
    assert "Waiting to start" in text_of(document)


def test_only_those_who_may_edit_the_template_see_its_runs(client, django_user_model, template):
    from django.contrib.auth.models import Group, Permission

    from tests.utils import refused

    run = make_run(template, total=1)
    group = Group.objects.create(name="Readers of the admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("reader", password="pw")
    user.groups.add(group)
    client.force_login(user)
    assert refused(client.get(run_url(run)))
    status_url = reverse("wagtail_learninggroups_rollout_run_status", args=(run.pk,))
    assert refused(client.get(status_url))
    assert (
        client.get(reverse("wagtail_learninggroups_rollout_run", args=(run.pk + 1,))).status_code
        == 404
    )


def test_the_summary_says_why_offices_were_skipped_or_failed_in_words(
    admin_client, template, offices, root_page, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions import rollout as rollout_module

    nairobi, suva = offices
    roll_out(template, [nairobi])  # Nairobi's edition was made meanwhile: skipped
    nairobis = LocalEditionPage.objects.get(location=nairobi)
    nairobis.save_revision().publish()
    nowhere = Location.objects.create(
        name="Atlantis", slug="atlantis", country="-", region="Africa", size="small",
        time_zone="Africa/Nairobi",
    )  # fmt: skip
    fiji = make_office(root_page, "Lautoka", region="Pacific", time_zone="Pacific/Fiji")
    real_create = rollout_module.create_edition

    def create_edition(template, location, parent, user):
        if location.slug == "lautoka":
            raise RuntimeError("the disk is full")
        return real_create(template, location, parent, user)

    monkeypatch.setattr(rollout_module, "create_edition", create_edition)
    run = make_run(template, total=4, location_ids=[nairobi.pk, suva.pk, nowhere.pk, fiji.pk])
    from wagtail_learninggroups.editions.tasks import rollout_task

    with django_capture_on_commit_callbacks(execute=True):
        rollout_task.enqueue(template.pk, run.location_ids, None, run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "finished" and run.done == 4
    response = admin_client.get(run_url(run))
    page = response.content.decode()
    words = text_of(parse(response))
    assert "Offices: 4. Editions created: 1. Skipped: 1. Failed: 2." in words
    assert "Nairobi Already has an edition" in words
    assert "Atlantis The office has no section page to hold its editions" in words
    assert "Lautoka The edition could not be created: the disk is full" in words
    assert "Traceback" not in page and "RuntimeError" not in page
    # The office skipped links to the edition it has, live since.
    assert edit_url(nairobis) in page
    assert f'<a href="{nairobis.url}">View live' in page


def test_a_roll_out_stopped_by_an_error_says_so_and_keeps_what_it_did(
    admin_client, template, offices, monkeypatch, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions import rollout as rollout_module
    from wagtail_learninggroups.editions.tasks import rollout_task

    real_each = rollout_module.roll_out_each

    def roll_out_each(template, locations, user=None, existing=None):
        for number, outcome in enumerate(real_each(template, locations, user, existing)):
            if number == 1:
                raise ConnectionError("the database went away")
            yield outcome

    monkeypatch.setattr(rollout_module, "roll_out_each", roll_out_each)
    run = make_run(template, total=2, location_ids=[office.pk for office in offices])
    with django_capture_on_commit_callbacks(execute=True):
        rollout_task.enqueue(template.pk, run.location_ids, None, run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.done, run.error) == ("failed", 1, "the database went away")
    words = text_of(parse(admin_client.get(run_url(run))))
    assert "The roll-out stopped early: the database went away" in words
    assert "Editions created: 1." in words


def test_a_roll_out_whose_person_is_gone_creates_nothing(
    template, offices, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions.tasks import rollout_task

    run = make_run(template, total=2, location_ids=[office.pk for office in offices])
    with django_capture_on_commit_callbacks(execute=True):
        rollout_task.enqueue(template.pk, run.location_ids, 424242, run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "failed"
    assert run.error == "The person who started the roll-out no longer has an account."
    assert not LocalEditionPage.objects.exists()


def test_the_task_keeps_its_arguments_and_its_summary_for_sites_that_enqueue_it(
    template, offices, django_capture_on_commit_callbacks
):
    from wagtail_learninggroups.editions.models_rollout import RolloutRun
    from wagtail_learninggroups.editions.tasks import rollout_task

    with django_capture_on_commit_callbacks(execute=True):
        result = rollout_task.enqueue(template.pk, [office.pk for office in offices])
    run = RolloutRun.objects.get()
    assert result.return_value == {
        "run": run.pk,
        "created": ["nairobi", "suva"],
        "skipped": [],
        "failed": [],
    }


def many_offices(root_page, region, count):
    """``count`` offices of ``region``, each with its section page, made quickly."""
    from tests.testapp.models import HostArticlePage

    made = []
    for n in range(count):
        name = f"{region} {n:03d}"
        slug = f"{region.lower()}-{n:03d}"
        root_page.refresh_from_db()  # older django-treebeard releases need the child count
        section = root_page.add_child(instance=HostArticlePage(title=name, slug=slug))
        made.append(
            Location(name=name, slug=slug, country=region, region=region, size="small",
                     time_zone="UTC", page=section)
        )  # fmt: skip
    Location.objects.bulk_create(made)
    # As a roll-out reads them: with their section pages, which it asks for their type.
    return list(Location.objects.filter(region=region).select_related("page"))


class CountQueries:
    """Counts the queries run inside it (with no cap, unlike Django's query log)."""

    def __enter__(self):
        from django.db import connection

        self.count = 0
        self.wrapper = connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __exit__(self, *exc_info):
        self.wrapper.__exit__(*exc_info)


def test_a_roll_out_to_200_offices_creates_200_editions_at_a_constant_cost_per_office(
    admin_client, template, root_page, django_user_model, django_capture_on_commit_callbacks
):
    """A run costs the same queries for each office, however many it has: it grows linearly.

    Measured through the admin at small sizes (3 and 11 offices), then at 5 and 200: each office
    adds what creating its edition costs, plus one small write of the run's progress. (Creating
    an edition costs more in Wagtail 7.0 than in 8: the comparison is made on one version.)
    """
    from wagtail_learninggroups.editions.models_rollout import RolloutRun

    def run_cost(region, count):
        many_offices(root_page, region, count)
        with CountQueries() as queries:
            start(
                admin_client, template, {"regions": [region]}, django_capture_on_commit_callbacks
            )
        return queries.count

    small = {count: run_cost(f"Small{count}", count) for count in (3, 11)}
    per_office_small = (small[11] - small[3]) / 8
    few, many = 5, 200
    costs = {"Fewland": run_cost("Fewland", few), "Manyland": run_cost("Manyland", many)}
    per_office = (costs["Manyland"] - costs["Fewland"]) / (many - few)
    assert per_office <= per_office_small + 1, (per_office_small, costs)

    run = RolloutRun.objects.filter(template=template).first()
    assert (run.status, run.done, run.total) == ("finished", many, many)
    assert LocalEditionPage.objects.filter(location__region="Manyland").count() == many
    assert [entry["outcome"] for entry in run.results] == ["created"] * many

    # The summary links every edition, and its queries do not grow with the offices.
    few_run = RolloutRun.objects.filter(template=template)[1]
    admin_client.get(run_url(few_run))  # (the first view of the admin fills its caches)
    with CountQueries() as showing_many:
        response = admin_client.get(run_url(run))
    page = response.content.decode()
    assert "Offices: 200. Editions created: 200. Skipped: 0. Failed: 0." in text_of(
        parse(response)
    )
    for edition in LocalEditionPage.objects.filter(location__region="Manyland"):
        assert edit_url(edition) in page
        assert reverse("wagtailadmin_pages:view_draft", args=(edition.pk,)) in page
    with CountQueries() as showing_few:
        admin_client.get(run_url(few_run))
    assert showing_many.count == showing_few.count
