"""The render cache: the package's pages keep the blocks that look the same to every reader.

Each test reads real pages through the test client. What is kept must never be what a reader
should not see: an edit shows at once, each view and reader keeps its own, quizzes stay each
reader's, and a failing cache only costs speed.
"""

import json
import logging
import pickle
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Site

from tests.champions.factories import make_champion, publish
from tests.editions.factories import fill_data, person, post_edition, template_slots
from tests.quizzes.factories import correct_answers, post_quiz, quiz_value
from wagtail_learninggroups.checks import check_render_cache
from wagtail_learninggroups.core import render_cache
from wagtail_learninggroups.models import Award, Location, WorkshopTemplatePage

GUIDANCE = "Arrive early and open the windows."
CHAMPION_TABLE = "wagtail_learninggroups_champion"


def body(champion):
    return [
        {"type": "heading", "value": "Before we start", "id": "block-heading"},
        {"type": "spotlight", "id": "block-spotlight",
         "value": {"champion": champion.pk, "headline": "", "quote": "", "layout": "card"}},
        {"type": "guidance", "id": "block-guidance",
         "value": {"kind": "tip", "title": "", "text": f"<p>{GUIDANCE}</p>", "checklist": []}},
        {"type": "quiz", "value": quiz_value(attempts_allowed=3), "id": "block-quiz"},
    ]  # fmt: skip


@pytest.fixture
def workshop(root_page, ana):
    root_page.refresh_from_db()
    page = WorkshopTemplatePage(
        title="Cached workshop", slug="cached-workshop", summary="Read twice.", body=body(ana)
    )
    root_page.add_child(instance=page)
    return publish(page)


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = read(client, url)
    return html, [query["sql"] for query in queries]


def without_quiz_form(html):
    """The page without its quiz's form, which is each reader's and shuffles order questions."""
    return re.sub(r"<form class=\"lg-quiz__form\".*?</form>", "", html, flags=re.S)


def question_markup(html, question_id):
    pattern = rf'<li class="lg-question[^"]*">\s*<fieldset id="[^"]*-{question_id}".*?</li>'
    match = re.search(pattern, html, re.S)
    assert match, f"no question {question_id}"
    return match.group(0)


# Kept, and served from the cache -----------------------------------------------------------


def test_a_second_reading_serves_the_kept_blocks(member_client, workshop):
    first, _ = queries_of(member_client, workshop.url)
    second, queries = queries_of(member_client, workshop.url)
    assert "Ana Silva" in second
    assert without_quiz_form(second) == without_quiz_form(first)
    # The spotlight came from the cache: its champion was not read again.
    assert not [sql for sql in queries if CHAMPION_TABLE in sql]


def test_turned_off_nothing_is_kept(member_client, workshop, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": None}
    read(member_client, workshop.url)
    _, queries = queries_of(member_client, workshop.url)
    assert [sql for sql in queries if CHAMPION_TABLE in sql]


def test_a_question_reads_the_same_from_the_cache(member_client, workshop, settings):
    kept_first = read(member_client, workshop.url)
    kept_again = read(member_client, workshop.url)
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": None}
    rendered = read(member_client, workshop.url)
    for question_id in ("q-single", "q-multiple", "q-match", "q-reflect"):
        assert question_markup(kept_again, question_id) == question_markup(rendered, question_id)
        assert question_markup(kept_first, question_id) == question_markup(rendered, question_id)


def test_blocks_sharing_an_id_are_not_taken_for_each_other(client, workshop):
    twins = [{"type": "heading", "value": text, "id": "same-id"} for text in ("First", "Second")]
    WorkshopTemplatePage.objects.filter(pk=workshop.pk).update(body=twins)
    for _ in range(2):
        html = read(client, workshop.url)
        assert ">First<" in html and ">Second<" in html


@pytest.mark.parametrize(
    "damage",
    [pickle.dumps("not a dict"), b"not a pickle", pickle.dumps({"block-heading": 42})],
    ids=["not a dict", "not a pickle", "not HTML"],
)
def test_a_damaged_entry_is_rendered_over(client, workshop, damage):
    read(client, workshop.url)
    entries = caches["default"]._cache
    damaged = [key for key in entries if render_cache.ENTRY_PREFIX in key]
    for key in damaged:
        entries[key] = damage
    assert damaged
    assert "Ana Silva" in read(client, workshop.url)


def test_html_kept_as_plain_text_is_still_html(client, workshop):
    # A cache that serialises to JSON gives back plain strings, not Django's safe strings.
    read(client, workshop.url)
    entries = caches["default"]._cache
    [key] = [key for key in entries if render_cache.ENTRY_PREFIX in key]
    kept = pickle.loads(entries[key])  # noqa: S301 - the test's own cache
    assert kept
    plain = {block_id: "".join([html]) for block_id, html in kept.items()}
    assert not any(hasattr(html, "__html__") for html in plain.values())
    entries[key] = pickle.dumps(plain)
    html = read(client, workshop.url)
    assert "Before we start" in html and "Ana Silva" in html
    assert "&lt;" not in html


# What changes shows at once ------------------------------------------------------------------


def test_a_published_edit_shows_at_once(client, workshop):
    assert "Before we start" in read(client, workshop.url)
    workshop.body[0].value = "While we wait"
    publish(workshop)
    html = read(client, workshop.url)
    assert "While we wait" in html
    assert "Before we start" not in html


def test_an_edit_saved_by_code_shows_at_once(client, workshop):
    read(client, workshop.url)
    WorkshopTemplatePage.objects.filter(pk=workshop.pk).update(
        body=[{**block, "value": "Saved by a script"} if block["type"] == "heading" else block
              for block in workshop.body.raw_data]
    )  # fmt: skip
    assert "Saved by a script" in read(client, workshop.url)


def test_a_champion_edited_shows_at_once(client, workshop, ana):
    assert "Ana Silva" in read(client, workshop.url)
    ana.name = "Ana Souza"
    ana.save()
    assert "Ana Souza" in read(client, workshop.url)


def test_an_award_given_shows_at_once(client, workshop, ana):
    read(client, workshop.url)
    Award.objects.create(champion=ana, title="Mentor of the year", year=2026, sort_order=5)
    assert "Mentor of the year" in read(client, workshop.url)


def test_a_champion_set_inactive_leaves_the_page(client, workshop, ana):
    assert "Ana Silva" in read(client, workshop.url)
    ana.active = False
    ana.save()
    assert "Ana Silva" not in read(client, workshop.url)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda ctx: ctx["ana"].save(), id="champion saved"),
        pytest.param(lambda ctx: ctx["ana"].awards.first().save(), id="award saved"),
        pytest.param(lambda ctx: ctx["ana"].awards.first().delete(), id="award deleted"),
        pytest.param(lambda ctx: Location.objects.first().save(), id="office saved"),
        pytest.param(lambda ctx: ctx["ana"].photo.save(), id="image saved"),
        pytest.param(
            lambda ctx: get_document_model().objects.create(title="Slides", file="slides.pdf"),
            id="document added",
        ),
        pytest.param(lambda ctx: Site.objects.get().save(), id="site saved"),
        pytest.param(lambda ctx: publish(ctx["other"]), id="page published"),
        pytest.param(lambda ctx: ctx["other"].unpublish(), id="page unpublished"),
        pytest.param(lambda ctx: ctx["other"].delete(), id="page deleted"),
        pytest.param(
            lambda ctx: ctx["other"].move(ctx["workshop"], pos="last-child"), id="page moved"
        ),
    ],
)
def test_what_blocks_show_from_elsewhere_starts_a_new_generation(change, workshop, ana, root_page):
    other = WorkshopTemplatePage(title="Other", slug="other", summary="Another.", body=[])
    root_page.refresh_from_db()
    root_page.add_child(instance=other)
    publish(other)
    cache = caches["default"]
    before = render_cache.current_generation(cache)
    change({"ana": ana, "other": Page.objects.get(pk=other.pk).specific, "workshop": workshop})
    assert render_cache.current_generation(cache) != before


def test_a_change_starts_a_new_generation_again_once_committed(
    workshop, ana, django_capture_on_commit_callbacks
):
    cache = caches["default"]
    with django_capture_on_commit_callbacks(execute=True):
        ana.save()
        during = render_cache.current_generation(cache)
    assert render_cache.current_generation(cache) != during


def test_deleting_other_rows_stays_a_fast_delete(db):
    from django.contrib.sessions.models import Session
    from django.db.models.deletion import Collector

    assert Collector(using="default").can_fast_delete(Session.objects.all())


# Kept apart ----------------------------------------------------------------------------------


def test_each_view_keeps_its_own(client, workshop):
    assert GUIDANCE not in read(client, workshop.url)
    assert GUIDANCE in read(client, workshop.url + "facilitator/")
    assert GUIDANCE not in read(client, workshop.url)
    assert GUIDANCE in read(client, workshop.url + "print/")


def test_hosts_schemes_and_languages_keep_their_own(workshop):
    def key_for(host="localhost", secure=False, language="en"):
        request = RequestFactory().get(workshop.url, HTTP_HOST=host, secure=secure)
        with translation.override(language):
            scope = render_cache.scope_for(request, workshop)
            return scope.entry_key(caches["default"], workshop.body, {})

    keys = {key_for(), key_for(host="intranet.example.org"), key_for(secure=True),
            key_for(language="fr")}  # fmt: skip
    assert len(keys) == 4
    assert key_for() == key_for()


def test_a_page_without_a_quiz_leaves_the_session_alone(client, workshop):
    # Kept blocks show nothing of the reader's: the key does not ask who they are, so a page
    # with nothing of the reader's on it does not vary by their cookie.
    workshop.body = [block for block in workshop.body.raw_data if block["type"] != "quiz"]
    publish(workshop)
    for _ in range(2):
        response = client.get(workshop.url)
        assert response.status_code == 200
        assert "Cookie" not in response.get("Vary", "")


def test_a_quiz_stays_each_readers_own(member_client, workshop):
    assert "You have 3 attempts left." in read(member_client, workshop.url)
    response = post_quiz(member_client, workshop, correct_answers())
    assert response.status_code == 302
    assert "You have 2 attempts left." in read(member_client, workshop.url)


def test_a_preview_is_never_kept(workshop, member):
    request = RequestFactory().get("/")
    request.user = member
    request.is_preview = True
    assert render_cache.scope_for(request, workshop) is None
    assert render_cache.scope_for(None, workshop) is None


def test_an_edition_shows_its_new_fills_at_once(admin_client, client, edition, template):
    welcome, speaker, _event = (slot.key for slot in template_slots(template))

    def publish_welcome(text):
        fills = [fill_data(welcome, ("text", f"<p>{text}</p>")),
                 fill_data(speaker, ("person", person()))]  # fmt: skip
        response = post_edition(admin_client, edition, "action-publish", fills)
        assert response.status_code == 302, response.content.decode()[-2000:]

    publish_welcome("Our first venue.")
    edition.refresh_from_db()
    assert "Our first venue." in read(client, edition.url)
    publish_welcome("Our second venue.")
    html = read(client, edition.url)
    assert "Our second venue." in html
    assert "Our first venue." not in html


def test_a_template_made_private_is_not_served_from_the_cache(client, workshop):
    assert "Before we start" in read(client, workshop.url)
    PageViewRestriction.objects.create(page=workshop, restriction_type="login")
    response = client.get(workshop.url)
    assert response.status_code == 302
    assert "Before we start" not in response.content.decode()


# A cache that fails, a cache that is not there --------------------------------------------


def test_a_failing_cache_costs_only_speed(client, workshop, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "broken": {"BACKEND": "tests.testapp.failing_cache.FailingCache"},
    }
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": "broken"}
    with caplog.at_level(logging.WARNING, logger="wagtail_learninggroups.core.render_cache"):
        html = read(client, workshop.url)
        ana_edited = make_champion("Bea Okafor")  # a save tells the cache, which fails too
    assert "Ana Silva" in html and "Before we start" in html
    assert ana_edited.pk
    assert "The render cache could not be read" in caplog.text


def test_an_unknown_cache_is_reported_and_passed_over(client, workshop, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": "nowhere"}
    [error] = check_render_cache()
    assert error.id == "wagtail_learninggroups.E004"
    assert "nowhere" in error.msg
    assert "Ana Silva" in read(client, workshop.url)


def test_a_known_or_no_cache_passes_the_check(settings):
    assert check_render_cache() == []
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": None}
    assert check_render_cache() == []
    settings.WAGTAIL_LEARNINGGROUPS = {"RENDER_CACHE": "default"}
    assert check_render_cache() == []


def test_an_editions_fills_changed_by_code_show_at_once(admin_client, client, edition, template):
    welcome, speaker, _event = (slot.key for slot in template_slots(template))
    fills = [fill_data(welcome, ("text", "<p>Our first venue.</p>")),
             fill_data(speaker, ("person", person()))]  # fmt: skip
    post_edition(admin_client, edition, "action-publish", fills)
    edition.refresh_from_db()
    assert "Our first venue." in read(client, edition.url)
    stored = json.dumps(list(edition.fills.raw_data)).replace("Our first", "A scripted")
    edition.fills = json.loads(stored)
    edition.save(update_fields=["fills"])
    html = read(client, edition.url)
    assert "A scripted venue." in html
    assert "Our first venue." not in html


def test_keys_are_the_same_in_every_process():
    """A shared cache serves many processes, each with its own order of sets."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import django; django.setup()\n"
        "from wagtail_learninggroups.core import render_cache as r\n"
        "print(r.digest([r.policy_key(), [{'type': 'heading', 'value': 'x' * 3}, 'x' * 3]]))\n"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "DJANGO_SETTINGS_MODULE": "tests.testapp.settings"}  # fmt: skip
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True,
            cwd=Path(__file__).resolve().parents[2], check=True,
        )  # fmt: skip
        digests.add(result.stdout.strip())
    assert len(digests) == 1
