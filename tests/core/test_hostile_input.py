"""Hostile input on every path by which editors' and staff's text reaches a page or an export.

The XSS corpus (``tests/core/html_safety.py``: the shared vectors and our own families) is
stored the way an import, the API or an older release could store it, bypassing the forms, and
the live pages are fetched with the test client as readers, facilitators and administrators
fetch them. Each page is parsed with html5lib; what the vectors add to the problems the same page
has with harmless content (our own pages rightly hold a stylesheet link, and quiz and admin pages
forms and scripts) must be nothing, and no page may fail. All vectors share one value, so one
request per page: a paragraph of ordinary text follows each vector, and the first paragraph
holds an https link, which must all come through. When something gets through, each vector is
rendered alone to name the ones responsible. Text columns take the whole corpus at once: SQLite
does not hold to ``max_length`` and stores NUL characters, and nothing on the way to the page
uses either. PostgreSQL refuses both, so the tests that pack the corpus into one column run on
SQLite only; rendering does not depend on the database. On the real way in, NUL never arrives:
Django's form fields refuse it (a test below checks that on both databases), the sanitiser drops
it from rich text and the quiz endpoint refuses it.

Exports (CSV and XLSX) are read back with the csv module and openpyxl: no cell may be a
formula, and numbers stay numbers.
"""

import csv
import html
import io
import re
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Page
from wagtail.rich_text import extract_references_from_rich_text

from tests.champions.factories import awards_block, champions_list, make_photo
from tests.core import html_safety
from tests.core.html_safety import (
    DANGEROUS_SCHEME,
    URL_NOISE,
    XSS_EXTRA_VECTORS_FILE,
    XSS_VECTORS_FILE,
    problems,
    read_vectors,
    xss_vectors,
)
from tests.editions.factories import template_slots
from tests.quizzes.factories import item, make_quiz_page, question, quiz_url
from tests.testapp.models import HostLearningPage
from wagtail_learninggroups.core.sanitise import clean_html
from wagtail_learninggroups.core.spreadsheets import (
    FORMULA_PREFIXES,
    FormulaSafeExportMixin,
    formula_safe,
)
from wagtail_learninggroups.models import (
    Award,
    Champion,
    CurriculumModule,
    LocalEditionPage,
    Location,
    QuizAttempt,
    WorkshopTemplatePage,
)
from wagtail_learninggroups.quizzes.specs import MAX_TEXT_LENGTH
from wagtail_learninggroups.templatetags.learninggroups_tags import lg_richtext

VECTORS = xss_vectors()
#: A vector of our own corpus (so present without the shared one), to see the corpus is stored.
STORED_VECTOR = "<SCRIPT SRC=https://xss.example.invalid/a.js>"
#: See the module's docstring: the corpus, packed into one short column, NULs and all.
packed_into_one_column = pytest.mark.skipif(
    connection.vendor == "postgresql",
    reason="packs the corpus into one short text column, NULs and all, which only SQLite takes",
)
SAFE_URL = "https://example.org/lg-safe/"
URL_ATTRIBUTE = re.compile(
    r"(?:href|src|action|formaction|background|poster|data|dynsrc|lowsrc|srcset|url)\s*=\s*"
    r"(?:\"([^\"]*)\"|'([^']*)'|`([^`]*)`|([^\s>]*))",
    re.IGNORECASE,
)


# The corpus --------------------------------------------------------------------------------


def test_the_combined_corpus_holds_at_least_150_distinct_vectors():
    """The shared corpus and ours together, every vector once."""
    if not XSS_VECTORS_FILE.exists():
        pytest.skip("the shared corpus (shared/testdata/xss-vectors.txt) is not beside the repo")
    assert len(set(VECTORS)) == len(VECTORS) >= 150
    assert set(read_vectors(XSS_VECTORS_FILE)) <= set(VECTORS)


def test_the_extra_corpus_adds_at_least_60_vectors_of_its_own():
    """Ours runs even without the shared corpus, and repeats none of it."""
    extra = read_vectors(XSS_EXTRA_VECTORS_FILE)
    shared = set(read_vectors(XSS_VECTORS_FILE)) if XSS_VECTORS_FILE.exists() else set()
    assert len(set(extra) - shared) >= 60
    # py: lines carry the control characters that a plain line could not.
    assert any("\x00" in vector for vector in extra)
    assert any("\t" in vector for vector in extra)


def test_without_the_shared_corpus_our_vectors_still_run(monkeypatch, tmp_path):
    """Only what is missing is skipped; in CI its absence fails the run instead."""
    monkeypatch.setattr(html_safety, "XSS_VECTORS_FILE", tmp_path / "missing.txt")
    monkeypatch.delenv("CI", raising=False)
    params = html_safety.load_xss_vectors()
    assert params[:-1] == read_vectors(XSS_EXTRA_VECTORS_FILE)
    assert params[-1].id == "no-corpus" and params[-1].marks[0].name == "skip"
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="shared XSS corpus is missing"):
        html_safety.load_xss_vectors()


def test_most_vectors_are_dangerous_as_written():
    """Guard against a corpus of harmless strings.

    The rest aim at naive filters (``<scr<script>ipt>``), at browsers long gone (conditional
    comments, ``&{…}`` entities) or at Wagtail's stored format, and are dangerous only once
    something has mangled them.
    """
    dangerous = [vector for vector in VECTORS if problems(vector)]
    assert len(dangerous) >= 0.75 * len(VECTORS)


# Rendering and judging ---------------------------------------------------------------------


def marker(number):
    """Ordinary text, which must come through any page intact; the first has an https link."""
    link = f' <a href="{SAFE_URL}{number}">Link {number}</a>' if number == 0 else ""
    return f"<p>Text {number}.{link}</p>"


def pack(vectors):
    """All ``vectors`` in one value, a marker first and one after each vector."""
    return marker(0) + "".join(
        f"{vector}{marker(number)}" for number, vector in enumerate(vectors, 1)
    )


def hostile_urls(vectors):
    """The dangerous URLs the vectors carry in URL attributes, as written and decoded.

    One of each form: URLs that differ only in their numbers (``alert(1)``, ``alert(2)``)
    count once.
    """
    found = {}
    for vector in vectors:
        for match in URL_ATTRIBUTE.finditer(vector):
            raw = next(group for group in match.groups() if group is not None)
            for url in (raw, html.unescape(raw)):
                if DANGEROUS_SCHEME.match(URL_NOISE.sub("", html.unescape(url))):
                    found.setdefault(re.sub(r"[0-9]+", "0", url), url)
    return list(found.values())


def page_links(markup):
    """The links of a page (its ``<a href>`` tags as written, not text that looks like one)."""
    return set(re.findall(r'<a href="([^"]*)"', markup))


def page_text(markup):
    """The text of a page. Our pages and the sanitiser escape ``<`` and ``>`` in attribute
    values, so dropping every ``<…>`` leaves the text and nothing of the tags."""
    return html.unescape(re.sub(r"<[^>]*>", " ", markup))


def words(text):
    """``text`` with its runs of whitespace as single spaces, as line breaks render."""
    return " ".join(text.split())


def get_html(client, url):
    """The page at ``url``, which must be there."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


class Probe:
    """Renders the pages of one path holding some vectors, and says what the vectors added.

    ``pages(vectors)`` stores the vectors, fetches the pages and returns ``[(kind, html)]``;
    with no vectors it must return each kind once, with harmless content: the baseline.
    """

    def __init__(self, pages):
        self.pages = pages
        self.baseline = {kind: Counter(problems(markup)) for kind, markup in pages([])}

    def added(self, vectors):
        """``(problems the vectors added, the pages)``; a page that fails is a problem too."""
        try:
            pages = self.pages(vectors)
        except Exception as error:  # noqa: BLE001 - a 500 is what the test is there to catch
            return [f"a page failed: {type(error).__name__}: {error}"], []
        found = []
        for kind, markup in pages:
            extra = Counter(problems(markup)) - self.baseline[kind]
            found += [f"{kind}: {problem}" for problem in sorted(extra.elements())]
        return found, pages

    def assert_inert(self, vectors):
        """Fail naming each vector that, alone, gets something through; return the pages."""
        found, pages = self.added(vectors)
        if found:
            blamed = {}
            for vector in vectors:
                alone, _pages = self.added([vector])
                if alone:
                    blamed[vector] = alone
            details = "\n".join(f"{vector!r}\n    {alone}" for vector, alone in blamed.items())
            pytest.fail(f"vectors got through:\n{details or found}", pytrace=False)
        return pages


def assert_ordinary_content_survives(markup, count, link=True):
    """Every marker's words are on the page; the first marker's link is still a link."""
    text = page_text(markup)
    missing = [number for number in range(count + 1) if f"Text {number}. " not in text]
    assert not missing, f"ordinary text lost after vectors {missing[:10]}"
    if link:
        assert f"{SAFE_URL}0" in page_links(markup)


# Wagtail's stored format: what its handlers cannot expand -----------------------------


def test_stored_links_and_embeds_wagtail_cannot_expand_are_left_out(root_page):
    """Wagtail raises on these when it renders rich text or indexes its references."""
    image = make_photo()
    cannot = [
        '<embed embedtype="media" url="javascript:alert(1)"/>',
        '<embed embedtype="media"/>',
        '<embed embedtype="image" id="x" format="left"/>',
        f'<embed embedtype="image" id="{image.pk}"/>',
        f'<embed embedtype="image" id="{image.pk}" format="no-such-format"/>',
        '<embed embedtype="image" id="99999999999" format="left"/>',
    ]
    for markup in cannot:
        assert clean_html(f"<p>a{markup}b</p>") == "<p>ab</p>", markup
    for link in ['id="²"', 'id="1 onclick=x"', 'id="99999999999"', ""]:
        assert clean_html(f'<a linktype="page" {link}>x</a>') == "<a>x</a>", link
    kept = [
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="A room"/>',
        '<embed embedtype="media" url="https://video.example.org/1"/>',
        f'<a linktype="page" id="{root_page.pk}">x</a>',
        '<embed embedtype="site-specific" id="any-id"/>',  # a handler of the site's own
    ]
    for markup in kept:
        assert clean_html(markup) == markup
    everything = "".join(cannot) + kept[0] + kept[2]
    assert 'alt="A room"' in lg_richtext(everything)
    assert list(extract_references_from_rich_text(clean_html(everything)))


# Local editions: fills and session details -------------------------------------------------


def stream_item(kind, value, number):
    """A StreamField child as stored JSON."""
    return {"type": kind, "value": value, "id": f"hostile-{kind}-{number}"}


def list_items(values):
    """A ListBlock's items as stored JSON."""
    return [{"type": "item", "value": value, "id": f"item-{n}"} for n, value in enumerate(values)]


def fill(key, content):
    """An edition's stored fill of the slot ``key``: ``content`` as ``[(kind, value)]``."""
    blocks = [stream_item(kind, value, number) for number, (kind, value) in enumerate(content)]
    return {"type": "fill", "value": {"key": key, "not_applicable": False, "content": blocks}}


def fill_content(text, urls, image=None, document=None):
    """Every kind of fill block, its text fields holding ``text``, a link block per URL."""
    safe = f"{SAFE_URL}fill"
    image_id, document_id = getattr(image, "pk", None), getattr(document, "pk", None)
    content = [
        ("heading", text),
        ("text", text),
        ("person", {"name": text, "role": text, "photo": image_id, "about": text}),
        ("event", {"title": text, "starts": "2027-03-01T10:00:00", "venue": text, "url": safe}),
        ("link", {"title": text, "url": safe, "description": text}),
        ("video", {"title": text, "url": safe}),
        ("document", {"document": document_id, "title": text}),
        ("image", {"image": image_id, "alt": text, "caption": text}),
        ("discussion", {"title": text, "prompts": list_items([text, text]), "group_size": 4}),
        (
            "resources",
            {
                "heading": text,
                "resources": [
                    stream_item("link", {"url": safe, "title": text, "description": text}, 0),
                    stream_item(
                        "e_learning",
                        {"url": safe, "title": text, "provider": text, "minutes": 5},
                        1,
                    ),
                ],
            },
        ),
    ]
    for url in urls:
        content += [
            ("link", {"title": "hostile link", "url": url, "description": ""}),
            ("event", {"title": "hostile event", "starts": None, "venue": "", "url": url}),
            ("video", {"title": "hostile video", "url": url}),
        ]
    return content


@pytest.fixture
def live_edition(edition, template):
    """Nairobi's edition, published by the editor who created it."""
    edition.save_revision(user=edition.get_latest_revision().user).publish()
    edition.refresh_from_db()
    return edition


def wagtail_format_vectors(image, page):
    """Stored-format links and embeds pointing at objects that exist."""
    return [
        f'<embed embedtype="image" id="{image.pk}"/>',
        f'<embed embedtype="image" id="{image.pk}" format="no-such-format"/>',
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="x&quot; onerror=&quot;'
        'alert(1)"/>',
        f'<a linktype="page" id="{page.pk}" onclick="alert(1)">x</a>',
        f'<a linktype="page" id="{page.pk}" href="javascript:alert(1)">x</a>',
    ]


@packed_into_one_column
def test_edition_fills_and_session_details(client, live_edition, template, make_document):
    """Every kind of fill, the session details and the title, in the edition's three views."""
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    editions = LocalEditionPage.objects.filter(pk=live_edition.pk)
    urls = hostile_urls(VECTORS)
    views = ("", "facilitator/", "print/")
    image, document = make_photo(), make_document()

    def pages(vectors):
        text = pack(vectors)
        editions.update(
            title=text,
            venue=text,
            facilitator=text,
            fills=[
                fill(welcome, fill_content(text, urls if vectors else [], image, document)),
                fill(speaker, [("person", {"name": text, "role": text, "about": text})]),
                fill(event, fill_content(text, [])[3:5]),
            ],
        )
        return [(view, get_html(client, live_edition.url + view)) for view in views]

    probe = Probe(pages)
    vectors = [*VECTORS, *wagtail_format_vectors(image, template)]
    for view, markup in probe.assert_inert(vectors):
        assert_ordinary_content_survives(markup, len(vectors))
        assert f"{SAFE_URL}fill" in page_links(markup), view
    # Stored as written: the page, not the storage, made the vectors inert.
    assert STORED_VECTOR in str(editions.get().fills.raw_data)


def test_nul_characters_through_the_editor_are_refused_with_a_message(
    admin_client, edition, template
):
    """NUL never reaches the database (PostgreSQL refuses it in text: a 500 if it got there)."""
    from tests.editions.factories import fill_data, post_edition

    welcome = template_slots(template)[0].key
    with_nul = fill_data(welcome, ("text", "<p>Nai\x00robi</p>"))
    plain = fill_data(welcome, ("text", "<p>Nairobi</p>"))
    for fills, venue, message in [
        ([plain], "Hall\x00 1", "Null characters are not allowed."),
        ([with_nul], "Hall 1", "Check the local content: some of it is not valid."),
    ]:
        response = post_edition(admin_client, edition, fills=fills, venue=venue)
        assert response.status_code == 200
        assert message in response.content.decode()
    edition.refresh_from_db()
    assert edition.get_latest_revision_as_object().stored_fills() == {}
    assert post_edition(admin_client, edition, fills=[plain], venue="Hall 1").status_code == 302


@packed_into_one_column
def test_edition_joining_link(client, live_edition):
    """Each dangerous URL of the corpus as the session's joining link."""
    editions = LocalEditionPage.objects.filter(pk=live_edition.pk)
    url = live_edition.url

    def pages(urls):
        markup = []
        for joining_url in urls or ["https://meet.example.org/lg"]:
            editions.update(joining_url=joining_url, session_format="virtual")
            markup.append(("page", get_html(client, url)))
        return markup

    probe = Probe(pages)
    assert "https://meet.example.org/lg" in page_links(pages([])[0][1])
    probe.assert_inert(hostile_urls(VECTORS))


# Workshop templates: guidance and every other block, in all three views ------------------


def template_body(text, urls):
    """A body of every template block, their text fields holding ``text``."""
    safe = f"{SAFE_URL}template"
    segment = {
        "title": text,
        "minutes": 10,
        "kind": "discussion",
        "core": True,
        "description": text,
        "facilitator_notes": text,
        "local": [],
    }
    resources = [
        stream_item("link", {"url": safe, "title": text, "description": text}, 0),
        stream_item("e_learning", {"url": safe, "title": text, "provider": text, "minutes": 5}, 1),
        stream_item("video", {"url": safe, "title": text, "minutes": 3, "offline_copy": None}, 2),
    ]
    resources += [
        stream_item("link", {"url": url, "title": "hostile", "description": ""}, 3 + number)
        for number, url in enumerate(urls)
    ]
    task = {"task": text, "lead_time": "7"}
    pre_work = [{"title": text, "url": safe, "minutes": 5}]
    pre_work += [{"title": "hostile", "url": url, "minutes": 5} for url in urls]
    body = [
        ("heading", text),
        ("text", text),
        ("objectives", {"heading": text, "objectives": list_items([text])}),
        ("agenda", {"heading": text, "segments": list_items([segment])}),
        ("discussion", {"title": text, "prompts": list_items([text]), "group_size": 4}),
        ("resources", {"heading": text, "resources": resources}),
        ("guidance", {"kind": "tip", "title": text, "text": text, "checklist": []}),
        ("guidance", {"kind": "checklist", "title": text, "checklist": list_items([text])}),
        ("preparation", {"tasks": list_items([task]), "pre_work": list_items(pre_work)}),
    ]
    return [stream_item(kind, value, number) for number, (kind, value) in enumerate(body)]


@pytest.fixture
def guidance_template(root_page):
    """A published workshop template, its content to be written by the test."""
    root_page.refresh_from_db()
    page = WorkshopTemplatePage(title="Hostile workshop", slug="hostile", summary="Summary.")
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@packed_into_one_column
def test_template_guidance_and_blocks_in_every_view(client, guidance_template):
    """Facilitator guidance and every other template block: participant, facilitator, print."""
    templates = WorkshopTemplatePage.objects.filter(pk=guidance_template.pk)
    urls = hostile_urls(VECTORS)
    views = ("", "facilitator/", "print/")

    def pages(vectors):
        text = pack(vectors)
        templates.update(
            title=text,
            summary=text,
            audience=text,
            body=template_body(text, urls if vectors else []),
        )
        return [(view, get_html(client, guidance_template.url + view)) for view in views]

    probe = Probe(pages)
    shown = dict(probe.assert_inert(VECTORS))
    for view, markup in shown.items():
        assert_ordinary_content_survives(markup, len(VECTORS))
        assert f"{SAFE_URL}template" in page_links(markup), view
    for view in ("facilitator/", "print/"):  # the guidance was there to be judged
        assert "lg-guidance__text" in shown[view]


# Champions: profile, directory, award page, spotlight and lists on a page, admin ------------


@pytest.fixture
def champion_pages(ana, directory, add_host_page):
    """A published page of the host site with a spotlight, a champions list and awards."""
    body = [
        ("spotlight", {"champion": ana, "headline": "", "quote": "", "layout": "feature"}),
        champions_list("all"),
        awards_block(2025),
    ]
    return add_host_page("Spotlights", body)


@packed_into_one_column
def test_champion_story_quote_and_awards(client, admin_client, ana, directory, champion_pages):
    """A champion's name, story, quote, awards and office, wherever they are shown."""
    champions = Champion.objects.filter(pk=ana.pk)
    inspect = reverse("wagtail_learninggroups_champion_modeladmin_inspect", args=[ana.pk])
    listing = reverse("wagtail_learninggroups_champion_modeladmin_index")

    def pages(vectors):
        text = pack(vectors)
        champions.update(name=text, job_title=text, quote=text, story=text)
        Award.objects.filter(champion=ana).update(title=text, citation=text)
        Location.objects.filter(pk=ana.location_id).update(name=text, region=text)
        host = HostLearningPage.objects.get(pk=champion_pages.pk)
        host.body = [
            ("spotlight", {"champion": ana, "headline": text, "quote": text, "layout": "feature"}),
            ("spotlight", {"champion": ana, "headline": "", "quote": "", "layout": "card"}),
            champions_list("all", heading=text),
            awards_block(2025, heading=text),
        ]
        host.save()
        award = Award.objects.filter(champion=ana).first()
        return [
            ("profile", get_html(client, directory.profile_url(ana))),
            ("directory", get_html(client, directory.url)),
            ("award", get_html(client, directory.award_url(award.title))),
            ("spotlights", get_html(client, champion_pages.url)),
            ("admin listing", get_html(admin_client, listing)),
            ("admin inspect", get_html(admin_client, inspect)),
        ]

    probe = Probe(pages)
    for kind, markup in probe.assert_inert(VECTORS):
        if kind in ("profile", "spotlights"):  # where the story is shown as rich text
            assert_ordinary_content_survives(markup, len(VECTORS))
        else:
            assert "Text 0. " in page_text(markup), kind
    assert STORED_VECTOR in Champion.objects.get(pk=ana.pk).story  # stored as written


@packed_into_one_column
def test_champion_chat_link(admin_client, ana, directory):
    """Each dangerous URL of the corpus as a champion's chat link, shown to those signed in."""
    champions = Champion.objects.filter(pk=ana.pk)
    profile = directory.profile_url(ana)

    def pages(urls):
        markup = []
        for chat_url in urls or ["https://chat.example.org/ana"]:
            champions.update(chat_url=chat_url)
            markup.append(("profile", get_html(admin_client, profile)))
        return markup

    probe = Probe(pages)
    assert "https://chat.example.org/ana" in page_links(pages([])[0][1])
    probe.assert_inert(hostile_urls(VECTORS))


# Quizzes: what editors write, and answers and reflections shown back ---------------------

SHORT_QUESTIONS = 50


def hostile_quiz(text):
    """A quiz whose editor-written parts hold ``text``: short-text questions and a reflection.

    The first short-text question accepts only ``text``, so that its right answer is shown;
    the others accept "Speaker".
    """
    choice = {"text": text, "correct": True, "feedback": text}
    questions = [
        question("single_choice", "pick", text, choices=[item(choice, "c-only")]),
        *(
            question(
                "short_text",
                f"s{number}",
                f"Short {number}",
                accepted=[item("Speaker" if number else text, "a")],
            )
            for number in range(SHORT_QUESTIONS)
        ),
        question("reflection", "think", text),
    ]
    bands = [item({"from_percent": 0, "message": text}, "band")]
    return {"title": text, "introduction": text, "questions": questions, "bands": bands}


def attempts_of(vectors):
    """Answers that together carry every vector.

    Each short enough vector is a short-text answer, and reflections hold as many vectors as
    their maximum length allows. A browser's form sends no NUL (the endpoint refuses one), so
    NULs are left out.
    """
    vectors = [vector.replace("\x00", "") for vector in vectors]
    short = [v for v in vectors if 0 < len(v.strip()) <= MAX_TEXT_LENGTH["short_text"]]
    limit = MAX_TEXT_LENGTH["reflection"]
    reflections, current = [], ""
    for vector in vectors:
        if len(current) + len(vector) + 1 > limit:
            reflections.append(current)
            current = ""
        current += vector[:limit] + "\n"
    reflections.append(current)
    attempts = []
    for number in range(max(len(reflections), -(-len(short) // SHORT_QUESTIONS))):
        answers = {"q-pick": "c-only", "q-think": ""}
        if number < len(reflections):
            answers["q-think"] = reflections[number]
        chunk = short[number * SHORT_QUESTIONS : (number + 1) * SHORT_QUESTIONS]
        for index in range(SHORT_QUESTIONS):
            answers[f"q-s{index}"] = chunk[index] if index < len(chunk) else "Speaker"
        attempts.append(answers)
    return attempts


@pytest.fixture
def quiz_taker(django_user_model):
    """A member of staff and a client signed in as them (``admin_client`` is another)."""
    user = django_user_model.objects.create_user("kofi", "kofi@example.org", "pw")
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def hostile_quiz_page(root_page):
    """A live page with a quiz, its content to be written by :func:`store_quiz`."""
    return make_quiz_page(root_page, slug="hostile-quiz", draw=0)


def store_quiz(page, text):
    """Write ``text`` into the page's title and every editor-written part of its quiz."""
    value = {**page.body.raw_data[0]["value"], **hostile_quiz(text)}
    HostLearningPage.objects.filter(pk=page.pk).update(
        title=text, body=[{"type": "quiz", "value": value, "id": "block-quiz"}]
    )


def take(member, admin_client, page, answers):
    """Send ``answers``, once incomplete then complete; the pages that show them back."""
    refused = member.post(quiz_url(page), {**answers, "q-pick": ""})
    assert refused.status_code == 200  # the form again, with the answers given
    response = member.post(quiz_url(page), answers)
    assert response.status_code == 302, response.content.decode()[-2000:]
    attempt = QuizAttempt.objects.latest("pk")
    inspect = reverse("wagtail_learninggroups_quizattempt_modeladmin_inspect", args=[attempt.pk])
    return [
        ("form again", refused.content.decode()),
        ("result", get_html(member, response.url)),
        ("admin inspect", get_html(admin_client, inspect)),
    ]


@packed_into_one_column
def test_quiz_editor_content(admin_client, quiz_taker, hostile_quiz_page):
    """Title, introduction, prompts, choices, feedback, explanations, right answers, bands."""
    _user, member = quiz_taker
    page = hostile_quiz_page
    answers = attempts_of([])[0]

    def pages(vectors):
        store_quiz(page, pack(vectors))
        QuizAttempt.objects.all().delete()
        return [
            ("quiz", get_html(member, quiz_url(page))),
            ("page", get_html(member, page.url)),
            *take(member, admin_client, page, answers),
        ]

    probe = Probe(pages)
    for _kind, markup in probe.assert_inert(VECTORS):
        assert_ordinary_content_survives(markup, len(VECTORS))


@packed_into_one_column
def test_quiz_answers_and_reflections_shown_back(admin_client, quiz_taker, hostile_quiz_page):
    """Short-text answers, reflections and the taker's name, wherever they are shown back."""
    user, member = quiz_taker
    page = hostile_quiz_page
    store_quiz(page, pack([]))
    names = type(user).objects.filter(pk=user.pk)
    results = reverse("wagtail_learninggroups:my_quiz_results")
    listing = reverse("wagtail_learninggroups_quizattempt_modeladmin_index")

    def pages(vectors):
        names.update(first_name=pack(vectors), last_name="")
        QuizAttempt.objects.all().delete()
        markup = []
        for number, answers in enumerate(attempts_of(vectors)):
            markup += take(member, admin_client, page, answers)
            if number == 0:  # the listing shows the name on each row: one is enough
                markup.append(("admin listing", get_html(admin_client, listing)))
        markup.append(("my results", get_html(member, results)))
        return markup

    probe = Probe(pages)
    shown = probe.assert_inert(VECTORS)
    # Every vector was shown back, as text, on the result page and in the admin.
    for kind in ("result", "admin inspect"):
        text = words(page_text("".join(markup for seen, markup in shown if seen == kind)))
        absent = [vector for vector in VECTORS if words(vector.replace("\x00", "")) not in text]
        assert not absent, (kind, absent[:5])


# Exports -----------------------------------------------------------------------------------

XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Cells a spreadsheet would run; the tab and carriage return hide the formula's start.
FORMULAS = [
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(1,2)",
    "\t=1+2",
    "\r=1+2",
    '=HYPERLINK("https://x")',
    " =1+2",
    "\n=1+2",
    "\xa0=1+2",
    "\uff1d1+2",
]


def read_csv(response):
    """The rows of a CSV export, as the csv module reads them."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def read_xlsx(response):
    """The rows of an XLSX export's first sheet, as openpyxl cells (value and data type)."""
    from openpyxl import load_workbook

    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows()]


def assert_no_formulas(rows):
    """No cell runs: text never starts like a formula (but a lone "-", the empty mark)."""
    for row in rows:
        for cell in row:
            value = getattr(cell, "value", cell)
            assert getattr(cell, "data_type", "s") != "f", value
            if isinstance(value, str) and value.strip() != "-":
                assert not value.lstrip().startswith(FORMULA_PREFIXES), value


def cell_values(rows):
    """Every value of the rows (CSV cells or XLSX cells' values)."""
    return {getattr(cell, "value", cell) for row in rows for cell in row}


def export(client, url, export_format):
    """The rows of the listing or report at ``url``, exported in ``export_format``."""
    response = client.get(url, {"export": export_format})
    assert response.status_code == 200, response.status_code
    return read_csv(response) if export_format == "csv" else read_xlsx(response)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_champion_export_is_formula_safe(admin_client, ana, export_format):
    """The champions listing's export (wagtail-modeladmin), its numbers still numbers."""
    Champion.objects.filter(pk=ana.pk).update(
        name=FORMULAS[0], job_title=FORMULAS[1], email=FORMULAS[4], slug=FORMULAS[5]
    )
    Location.objects.filter(pk=ana.location_id).update(name=FORMULAS[2], region=FORMULAS[3])
    rows = export(
        admin_client, reverse("wagtail_learninggroups_champion_modeladmin_index"), export_format
    )
    assert_no_formulas(rows)
    values = cell_values(rows)
    assert {formula_safe(value) for value in FORMULAS[:5]} <= values
    if export_format == "csv":  # (XML reads the carriage return as a line feed)
        assert formula_safe(FORMULAS[5]) in values
    if export_format == "xlsx":
        row = rows[1]
        assert [cell.data_type for cell in row if cell.value in (2021, 2)] == ["n", "n"]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("formula", FORMULAS[7:], ids=["space", "line-feed", "nbsp", "full-width"])
def test_a_formula_behind_white_space_or_in_full_width_is_guarded(
    admin_client, ana, export_format, formula
):
    Champion.objects.filter(pk=ana.pk).update(name=formula, job_title=formula)
    rows = export(
        admin_client, reverse("wagtail_learninggroups_champion_modeladmin_index"), export_format
    )
    assert_no_formulas(rows)
    if export_format == "csv":
        assert formula_safe(formula) in cell_values(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_location_and_curriculum_exports_are_formula_safe(admin_client, offices, export_format):
    """The offices' and the curriculum's listing exports (wagtail-modeladmin)."""
    nairobi = offices[0]
    Location.objects.filter(pk=nairobi.pk).update(
        name=FORMULAS[4], country=FORMULAS[5], region=FORMULAS[6], time_zone=FORMULAS[0]
    )
    Page.objects.filter(pk=nairobi.page_id).update(title=FORMULAS[3])
    CurriculumModule.objects.create(number=7, title=FORMULAS[1], summary=FORMULAS[2])
    admin = "wagtail_learninggroups_{}_modeladmin_index"
    locations = export(admin_client, reverse(admin.format("location")), export_format)
    modules = export(admin_client, reverse(admin.format("curriculummodule")), export_format)
    for rows in (locations, modules):
        assert_no_formulas(rows)
    expected = {formula_safe(FORMULAS[n]) for n in (0, 3, 4, 6)}
    assert expected <= cell_values(locations)
    assert {formula_safe(FORMULAS[1]), formula_safe(FORMULAS[2])} <= cell_values(modules)
    number = modules[1][0]
    if export_format == "xlsx":
        assert (number.value, number.data_type) == (7, "n")
    else:
        assert number == "7"


class Listing(FormulaSafeExportMixin, SpreadsheetExportMixin):
    """The export of a listing or report, without a request."""


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-3, -3), (-2.5, -2.5), (Decimal("-1.25"), Decimal("-1.25")), (None, None), (True, True),
     (date(2027, 3, 1), date(2027, 3, 1)), ("-", "-"), ("-3", "'-3"), ("=1", "'=1"),
     ("a\x0bb", "ab"), ("plain", "plain")],
)  # fmt: skip
def test_only_text_cells_are_guarded(value, expected):
    """Numbers and dates keep their type (so XLSX stores numbers); only text is guarded."""
    for export_format in Listing.FORMATS:
        assert Listing().preprocess_field_value("field", value, export_format) == expected


@packed_into_one_column
def test_champion_export_takes_every_vector_as_text(admin_client, offices):
    """Control characters XLSX cannot hold are dropped; the rest reads back as written."""
    Champion.objects.bulk_create(
        Champion(name=vector, slug=f"hostile-{number}", location=offices[0])
        for number, vector in enumerate(VECTORS)
    )
    url = reverse("wagtail_learninggroups_champion_modeladmin_index")
    for export_format in ("csv", "xlsx"):
        rows = export(admin_client, url, export_format)
        assert_no_formulas(rows)
        names = {row[0].value if export_format == "xlsx" else row[0] for row in rows[1:]}
        expected = {
            formula_safe(XML_ILLEGAL.sub("", vector.replace("\r\n", "\n"))) for vector in VECTORS
        }
        if export_format == "xlsx":  # XML reads a carriage return as a line feed
            expected = {name.replace("\r", "\n") for name in expected}
        assert names == expected


def test_champion_figures_are_formula_safe(admin_client, ana):
    """The programme figures (CSV), grouped by region names that offices' editors write."""
    Location.objects.filter(pk=ana.location_id).update(region=FORMULAS[0])
    response = admin_client.get(reverse("wagtail_learninggroups_champion_figures"))
    rows = read_csv(response)
    assert_no_formulas(rows)
    assert formula_safe(FORMULAS[0]) in cell_values(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_completeness_report_export_is_formula_safe(admin_client, live_edition, export_format):
    """The completeness report's export (a Wagtail report view): titles, offices, editors."""
    WorkshopTemplatePage.objects.filter(pk=live_edition.workshop_id).update(title=FORMULAS[0])
    Location.objects.filter(pk=live_edition.location_id).update(
        name=FORMULAS[1], region=FORMULAS[2]
    )
    user = live_edition.get_latest_revision().user
    type(user).objects.filter(pk=user.pk).update(first_name=FORMULAS[3])
    rows = export(admin_client, reverse("wagtail_learninggroups_completeness"), export_format)
    assert_no_formulas(rows)
    assert {formula_safe(value) for value in FORMULAS[:4]} <= cell_values(rows)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_quiz_attempt_export_is_formula_safe(
    admin_client, quiz_taker, hostile_quiz_page, export_format
):
    """The quiz attempts' export: answers, reflections, names, titles; scores stay numbers."""
    user, member = quiz_taker
    page = hostile_quiz_page
    store_quiz(page, FORMULAS[0])
    type(user).objects.filter(pk=user.pk).update(first_name=FORMULAS[2])
    answers = {"q-pick": "c-only", "q-think": FORMULAS[6]}
    answers.update({f"q-s{n}": FORMULAS[n % len(FORMULAS)] for n in range(SHORT_QUESTIONS)})
    assert member.post(quiz_url(page), answers).status_code == 302
    url = reverse("wagtail_learninggroups_quizattempt_modeladmin_export")
    rows = export(admin_client, url, export_format)
    assert_no_formulas(rows)
    values = cell_values(rows)
    assert {formula_safe(value.strip()) for value in FORMULAS} <= values
    if export_format == "xlsx":
        points = rows[1][-1]
        assert (points.value, points.data_type) == (1, "n")
