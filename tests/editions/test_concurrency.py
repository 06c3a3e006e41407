"""Many people at once, through the live server, on PostgreSQL.

Twenty threads send quiz attempts at the same moment, several of them as the same person, with
an attempt limit in force; twenty local editors save their own slot of one edition at the same
moment, each from a form opened before any of them saved. Nothing may answer 500, nothing
accepted may be lost, and no limit may be exceeded.

SQLite serialises every write and pytest-django's live server shares one in-memory connection
with the test, so these tests need the PostgreSQL run (``DATABASE_URL``, as ``.ci/run`` sets).
"""

import http.client
import re
import secrets
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.editions.factories import add_page_url, edit_url, edition_form, fill_data, make_office
from tests.editions.test_fill_merge import open_editor
from tests.quizzes.factories import correct_answers, make_quiz_page, quiz_url
from tests.workshops.factories import slot_form
from wagtail_learninggroups.models import LocalEditionPage, QuizAttempt, WorkshopTemplatePage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: set DATABASE_URL (make test-postgres); SQLite writes serially",
    ),
]

THREADS = 20
EDITORS = 20
SUBMISSIONS_PER_THREAD = 10
PEOPLE = 5  # four threads each, racing one another for the same person's attempts
ATTEMPT_LIMIT = 7
RESENDS = 20  # a person told "send it again" after a collision does so


class Browser:
    """One signed-in person's cookies, posting forms to the live server over plain HTTP."""

    def __init__(self, live_server_url, user):
        client = Client()
        client.force_login(user)
        self.session = client.cookies["sessionid"].value
        self.csrf = secrets.token_hex(16)  # Django accepts a 32-character token as its secret
        self.host = urlsplit(live_server_url).netloc

    def post(self, path, data):
        body = urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True)
        connection_ = http.client.HTTPConnection(self.host, timeout=60)
        try:
            connection_.request(
                "POST",
                path,
                body=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"sessionid={self.session}; csrftoken={self.csrf}",
                    "Referer": f"http://{self.host}{path}",
                },
            )
            response = connection_.getresponse()
            response.read()
            return response.status
        finally:
            connection_.close()


def test_twenty_threads_of_quiz_attempts_lose_nothing_and_never_exceed_the_limit(
    live_server, root_page, django_user_model
):
    quiz_page = make_quiz_page(root_page, attempts_allowed=ATTEMPT_LIMIT)
    people = [
        django_user_model.objects.create_user(f"person-{number}", f"p{number}@example.org")
        for number in range(PEOPLE)
    ]
    browsers = {person.pk: Browser(live_server.url, person) for person in people}
    path = quiz_url(quiz_page)

    def submit_all(thread_number):
        browser = browsers[people[thread_number % PEOPLE].pk]
        statuses = []
        for _submission in range(SUBMISSIONS_PER_THREAD):
            for _resend in range(RESENDS):
                status = browser.post(path, correct_answers())
                statuses.append(status)
                if status != 409:  # 409: collided with a simultaneous submission; send again
                    break
        return statuses

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = Counter(
            status for result in pool.map(submit_all, range(THREADS)) for status in result
        )

    # Accepted attempts redirect to their result; over the limit, a 403 says so. Never a 500.
    assert set(statuses) <= {302, 403, 409}, statuses
    final = statuses[302] + statuses[403]
    assert final == THREADS * SUBMISSIONS_PER_THREAD, statuses
    # Every accepted attempt is stored, and each person has exactly the limit, numbered 1..N.
    assert statuses[302] == PEOPLE * ATTEMPT_LIMIT, statuses
    stored = QuizAttempt.objects.filter(quiz_page=quiz_page)
    assert stored.count() == PEOPLE * ATTEMPT_LIMIT
    for person in people:
        numbers = sorted(stored.filter(user=person).values_list("number", flat=True))
        assert numbers == list(range(1, ATTEMPT_LIMIT + 1)), (person.username, numbers)


def twenty_slot_template(admin, parent):
    body = streamfield(
        [("slot", slot_form(f"Slot {number}", required=False)) for number in range(EDITORS)]
    )
    data = nested_form_data(
        {"title": "Many hands", "slug": "many-hands", "summary": "One slot each.",
         "audience": "", "module": "", "unit": "", "body": body, "action-publish": "1"}
    )  # fmt: skip
    response = admin.post(add_page_url(WorkshopTemplatePage, parent), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return WorkshopTemplatePage.objects.get(slug="many-hands")


def test_twenty_editors_saving_their_own_slots_at_once_lose_no_fill(
    live_server, root_page, django_user_model
):
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("lead", "lead@example.org"))
    template = twenty_slot_template(admin, root_page)
    office = make_office(root_page, "Nairobi")
    response = admin.post(
        add_page_url(LocalEditionPage, office.page), edition_form(template, office)
    )
    assert response.status_code == 302
    edition = LocalEditionPage.objects.get(location=office)

    # Twenty editors open the editor, each fills their own slot, and all save at once.
    posts = []
    for number in range(EDITORS):
        editor = django_user_model.objects.create_superuser(f"editor-{number}", f"e{number}@x.org")
        client = Client()
        client.force_login(editor)
        shown = open_editor(client, edition)
        assert len(shown) == EDITORS
        data = dict(edition_form(template, office))
        for key, digest in shown.items():
            data.update(nested_form_data({f"lg-fill-{key}": streamfield([])}))
            data[f"lg-shown-{key}"] = digest
        own_key = sorted(shown)[number]
        data.update(fill_data(own_key, ("text", f"<p>Filled by editor {number}.</p>")))
        posts.append((Browser(live_server.url, editor), data))

    def save(post):
        browser, data = post
        return browser.post(edit_url(edition), data)

    with ThreadPoolExecutor(max_workers=EDITORS) as pool:
        statuses = Counter(pool.map(save, posts))

    assert statuses == {302: EDITORS}, statuses  # each save went through, none failed
    edition.refresh_from_db()
    fills = edition.get_latest_revision_as_object().stored_fills()
    texts = {
        re.sub(r' data-block-key="[^"]*"', "", fill.content[0]["value"])
        for fill in fills.values()
        if fill.content
    }
    assert texts == {f"<p>Filled by editor {number}.</p>" for number in range(EDITORS)}
