"""Quiz attempts in the admin: listing, filters, search, inspecting, permissions and exports."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.quizzes.factories import (
    QUIZ_KEY,
    correct_answers,
    make_quiz_page,
    post_quiz,
    wrong_answers,
)
from tests.utils import refused
from wagtail_learninggroups.core.spreadsheets import formula_safe
from wagtail_learninggroups.models import QuizAttempt
from wagtail_learninggroups.quizzes.admin import EXPORT_HEADINGS, plain_text

PREFIX = "wagtail_learninggroups_quizattempt_modeladmin"
INDEX = reverse(f"{PREFIX}_index")
EXPORT = reverse(f"{PREFIX}_export")
OTHER_KEY = "budgetquiz01"

# A reflection that a spreadsheet must keep as written: line breaks, commas, quotes and a
# leading "=" that would otherwise start a formula.
REFLECTION = '=HYPERLINK("http://example.org", "click"), said one\nand "then", another,\nthird'


def url(action, *args):
    return reverse(f"{PREFIX}_{action}", args=args)


def take(user, page, data, key=QUIZ_KEY):
    """Take the quiz through its real form, as ``user``; the new attempt."""
    client = Client()
    client.force_login(user)
    response = post_quiz(client, page, data, key=key)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return QuizAttempt.objects.latest("pk")


@pytest.fixture
def people(django_user_model):
    amina = django_user_model.objects.create_user(
        "amina", "amina@example.org", "pw", first_name="Amina", last_name="Odhiambo"
    )
    brian = django_user_model.objects.create_user(
        "brian", "brian@example.org", "pw", first_name="Brian", last_name="Tuilagi"
    )
    return amina, brian


@pytest.fixture
def budget_page(root_page):
    return make_quiz_page(root_page, slug="budget", key=OTHER_KEY, title="Budget basics")


@pytest.fixture
def attempts(people, quiz_page, budget_page, offices):
    """Amina passes the parliament quiz in Nairobi; Brian fails it in Suva, long ago, and
    takes the budget quiz, writing a reflection that looks like a formula."""
    amina, brian = people
    nairobi, suva = offices
    passed = take(amina, quiz_page, correct_answers())
    failed = take(brian, quiz_page, wrong_answers())
    budget = take(brian, budget_page, {**correct_answers(), "q-q-reflect": REFLECTION}, OTHER_KEY)
    QuizAttempt.objects.filter(pk=passed.pk).update(location=nairobi)
    QuizAttempt.objects.filter(pk=failed.pk).update(
        location=suva, submitted_at=timezone.now() - timedelta(days=400)
    )
    return tuple(QuizAttempt.objects.get(pk=attempt.pk) for attempt in (passed, failed, budget))


def listed(response):
    assert response.status_code == 200
    return {attempt.pk for attempt in response.context["object_list"]}


def staff_client(django_user_model, *codenames):
    """A client signed in as staff with admin access and the given permissions only."""
    user = django_user_model.objects.create_user(f"staff-{len(codenames)}", password="pw")
    group = Group.objects.create(name=f"Staff {'-'.join(codenames) or 'none'}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtail_learninggroups", codename=codename
            )
        )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body, newline="")))


def xlsx_rows(response):
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


# The listing -------------------------------------------------------------------------------


def test_the_listing_shows_each_attempt(admin_client, attempts):
    passed, failed, budget = attempts
    response = admin_client.get(INDEX)
    assert listed(response) == {passed.pk, failed.pk, budget.pk}
    html = response.content.decode()
    for text in ("Amina Odhiambo", "Brian Tuilagi", "Parliament check", "Budget basics",
                 "Know your parliament", "Nairobi", "100%", "Passed", "Not passed"):  # fmt: skip
        assert text in html
    assert "Quiz attempts" in admin_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda pages, offices: {"quiz": OTHER_KEY}, {"budget"}),
        (lambda pages, offices: {"quiz": QUIZ_KEY}, {"passed", "failed"}),
        (lambda pages, offices: {"page__id__exact": pages[1].pk}, {"budget"}),
        (lambda pages, offices: {"location__id__exact": offices[1].pk}, {"failed"}),
        (lambda pages, offices: {"passed__exact": "1"}, {"passed", "budget"}),
        (lambda pages, offices: {"passed__exact": "0"}, {"failed"}),
        (
            lambda pages, offices: {"submitted_at__gte": str(timezone.now() - timedelta(days=7))},
            {"passed", "budget"},
        ),
    ],
)
def test_each_filter_narrows_the_listing(
    admin_client, attempts, quiz_page, budget_page, offices, query, expected
):
    names = dict(zip(("passed", "failed", "budget"), attempts, strict=True))
    response = admin_client.get(INDEX, query((quiz_page, budget_page), offices))
    assert listed(response) == {names[name].pk for name in expected}


def test_the_filters_offer_quizzes_pages_and_offices_with_attempts(admin_client, attempts):
    html = admin_client.get(INDEX).content.decode()
    assert f"?quiz={OTHER_KEY}" in html and f"?quiz={QUIZ_KEY}" in html
    assert "Budget basics" in html and "Parliament check" in html
    assert "location__id__exact=" in html and "page__id__exact=" in html
    assert "passed__exact=1" in html and "submitted_at__gte=" in html


@pytest.mark.parametrize(
    ("search", "expected"),
    [("amina", {"passed"}), ("Tuilagi", {"failed", "budget"}),
     ("brian@example.org", {"failed", "budget"}), ("Brian Tuilagi", {"failed", "budget"}),
     ("nobody", set())],
)  # fmt: skip
def test_search_by_person(admin_client, attempts, search, expected):
    names = dict(zip(("passed", "failed", "budget"), attempts, strict=True))
    response = admin_client.get(INDEX, {"q": search})
    assert listed(response) == {names[name].pk for name in expected}


# Inspecting --------------------------------------------------------------------------------


def test_inspect_shows_every_question_with_answer_right_answer_status_and_points(
    admin_client, attempts
):
    _passed, failed, _budget = attempts
    response = admin_client.get(url("inspect", failed.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Who elects members of parliament?</p>" in html
    assert "The king" in html and "The voters" in html  # given, and right
    assert "Incorrect" in html and "0 of 2" in html
    assert "Speaker" in html and "President" in html
    assert "349 members (± 1)" in html
    assert "Brian Tuilagi (brian, brian@example.org)" in html
    assert "Suva (Pacific)" in html
    assert len(response.context["rows"]) == 8


def test_staff_see_the_right_answers_even_where_the_quiz_never_shows_them(
    admin_client, people, root_page
):
    page = make_quiz_page(root_page, slug="secret", show_answers="never")
    attempt = take(people[0], page, wrong_answers())
    html = admin_client.get(url("inspect", attempt.pk)).content.decode()
    assert "The voters" in html and "Lower house; Upper house" in html


def test_a_reflection_is_escaped_with_its_line_breaks(admin_client, people, quiz_page):
    data = {**correct_answers(), "q-q-reflect": "<script>alert(1)</script>\nSecond line"}
    attempt = take(people[0], quiz_page, data)
    html = admin_client.get(url("inspect", attempt.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in html
    assert "<script>alert(1)" not in html


def test_stored_prompts_are_sanitised(admin_client, people, quiz_page):
    attempt = take(people[0], quiz_page, correct_answers())
    questions = attempt.questions
    questions[0]["prompt"] = '<p onclick="steal()">Who <b>elects</b>?<script>x()</script></p>'
    QuizAttempt.objects.filter(pk=attempt.pk).update(questions=questions)
    html = admin_client.get(url("inspect", attempt.pk)).content.decode()
    assert "<b>elects</b>" in html
    assert "steal()" not in html and "<script>x()" not in html


# Records: no adding, no editing ------------------------------------------------------------


def test_attempts_cannot_be_added_or_edited(admin_client, attempts):
    passed = attempts[0]
    html = admin_client.get(INDEX).content.decode()
    assert url("create") not in html and url("edit", passed.pk) not in html
    assert refused(admin_client.get(url("create")))
    assert refused(admin_client.post(url("create"), {"taker": "user:1", "quiz_key": "x"}))
    assert refused(admin_client.get(url("edit", passed.pk)))
    assert refused(admin_client.post(url("edit", passed.pk), {"quiz_key": "changed"}))
    assert QuizAttempt.objects.count() == 3
    assert QuizAttempt.objects.get(pk=passed.pk).quiz_key == QUIZ_KEY


def test_an_attempt_can_be_deleted_with_the_delete_permission(django_user_model, attempts):
    passed = attempts[0]
    viewer = staff_client(django_user_model, "view_quizattempt")
    assert url("delete", passed.pk) not in viewer.get(INDEX).content.decode()
    assert refused(viewer.post(url("delete", passed.pk)))
    assert QuizAttempt.objects.filter(pk=passed.pk).exists()

    deleter = staff_client(django_user_model, "view_quizattempt", "delete_quizattempt")
    assert url("delete", passed.pk) in deleter.get(INDEX).content.decode()
    assert deleter.post(url("delete", passed.pk)).status_code == 302
    assert not QuizAttempt.objects.filter(pk=passed.pk).exists()


def test_only_view_delete_export_and_present_are_offered_to_groups(db):
    from wagtail_learninggroups.quizzes.admin import QuizAttemptAdmin

    offered = QuizAttemptAdmin().get_permissions_for_registration()
    assert set(offered.values_list("codename", flat=True)) == {
        "view_quizattempt",
        "delete_quizattempt",
        "export_quizattempt",
        "present_quiz",
    }


# Permissions -------------------------------------------------------------------------------


def test_without_a_permission_nothing_is_shown(django_user_model, attempts):
    client = staff_client(django_user_model)
    passed = attempts[0]
    assert refused(client.get(INDEX))
    assert refused(client.get(url("inspect", passed.pk)))
    assert refused(client.get(EXPORT, {"export": "csv"}))
    assert "Quiz attempts" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_view_permission_lists_and_inspects_but_does_not_export(django_user_model, attempts):
    client = staff_client(django_user_model, "view_quizattempt")
    passed = attempts[0]
    listing = client.get(INDEX)
    assert len(listed(listing)) == 3
    assert EXPORT not in listing.content.decode()
    assert client.get(url("inspect", passed.pk)).status_code == 200
    assert refused(client.get(EXPORT, {"export": "csv"}))
    assert refused(client.get(EXPORT, {"export": "xlsx"}))
    # The listing's own export goes to the export view, which refuses.
    redirected = client.get(INDEX, {"export": "csv"})
    assert redirected.status_code == 302 and redirected.url.startswith(EXPORT)
    assert refused(client.get(redirected.url))
    assert "Quiz attempts" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_export_permission_exports_and_shows_the_buttons(django_user_model, attempts):
    client = staff_client(django_user_model, "export_quizattempt")
    html = client.get(INDEX, {"quiz": QUIZ_KEY}).content.decode()
    assert f"{EXPORT}?quiz={QUIZ_KEY}&amp;export=csv" in html
    assert f"{EXPORT}?quiz={QUIZ_KEY}&amp;export=xlsx" in html
    assert len(csv_rows(client.get(EXPORT, {"export": "csv"}))) == 1 + 3 * 8
    assert len(xlsx_rows(client.get(EXPORT, {"export": "xlsx"}))) == 1 + 3 * 8


def test_an_unknown_export_format_is_not_found(admin_client, attempts):
    assert admin_client.get(EXPORT, {"export": "pdf"}).status_code == 404
    assert admin_client.get(EXPORT).status_code == 404


# Exports -----------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_answer_with_the_attempt_repeated(admin_client, attempts):
    _passed, failed, _budget = attempts
    rows = csv_rows(admin_client.get(EXPORT, {"export": "csv", "quiz": QUIZ_KEY}))
    assert rows[0] == [str(heading) for heading in EXPORT_HEADINGS]
    assert len(rows) == 1 + 2 * 8
    mine = [row for row in rows[1:] if row[0] == str(failed.pk)]
    assert len(mine) == 8
    first = mine[0]
    assert first[:8] == [str(failed.pk), "Brian Tuilagi", "brian", "Know your parliament",
                         "Parliament check", "Suva", "Pacific", "1"]  # fmt: skip
    assert datetime.fromisoformat(first[8]) == failed.submitted_at.replace(microsecond=0)
    assert first[9:13] == ["0", "8", "0", "No"]
    assert first[13:] == ["1", "Single choice", "Who elects members of parliament?",
                          "The king", "The voters", "Incorrect", "0", "1"]  # fmt: skip
    assert [row[13] for row in mine] == [str(n) for n in range(1, 9)]
    assert all(row[:13] == first[:13] for row in mine)


def test_a_reflection_survives_the_csv_round_trip(admin_client, attempts):
    rows = csv_rows(admin_client.get(EXPORT, {"export": "csv", "quiz": OTHER_KEY}))
    reflection = next(row for row in rows[1:] if row[14] == "Reflection")
    assert reflection[16] == "'" + REFLECTION
    assert reflection[18] == "Not scored"


def test_a_reflection_survives_the_xlsx_round_trip(admin_client, attempts):
    rows = xlsx_rows(admin_client.get(EXPORT, {"export": "xlsx", "quiz": OTHER_KEY}))
    assert rows[0] == [str(heading) for heading in EXPORT_HEADINGS]
    assert len(rows) == 1 + 8
    reflection = next(row for row in rows[1:] if row[14] == "Reflection")
    assert reflection[16] == "'" + REFLECTION
    single = rows[1]
    assert single[9:13] == [8, 8, 100, "Yes"]
    assert single[15:] == ["Who elects members of parliament?", "The voters", "The voters",
                           "Correct", 1, 1]  # fmt: skip


def test_csv_and_xlsx_hold_the_same_cells(admin_client, attempts):
    as_csv = csv_rows(admin_client.get(EXPORT, {"export": "csv"}))
    as_xlsx = xlsx_rows(admin_client.get(EXPORT, {"export": "xlsx"}))
    assert [[str(cell) for cell in row] for row in as_xlsx] == as_csv


@pytest.mark.parametrize(
    ("query", "expected"),
    [({"quiz": OTHER_KEY}, {"budget"}), ({"q": "amina"}, {"passed"}),
     ({"passed__exact": "0"}, {"failed"}), ({"q": "brian", "passed__exact": "1"}, {"budget"})],
)  # fmt: skip
def test_the_export_holds_what_the_listing_shows(admin_client, attempts, query, expected):
    names = dict(zip(("passed", "failed", "budget"), attempts, strict=True))
    wanted = {str(names[name].pk) for name in expected}
    rows = csv_rows(admin_client.get(EXPORT, {**query, "export": "csv"}))
    assert {row[0] for row in rows[1:]} == wanted
    assert listed(admin_client.get(INDEX, query)) == {int(pk) for pk in wanted}


def test_export_and_listing_read_their_data_in_a_fixed_number_of_queries(
    admin_client, people, quiz_page
):
    first = take(people[0], quiz_page, correct_answers())

    def export():
        with CaptureQueriesContext(connection) as queries:
            rows = csv_rows(admin_client.get(EXPORT, {"export": "csv"}))
        return rows, len(queries)

    def listing():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(INDEX).status_code == 200
        return len(queries)

    listing()  # fills the caches of content types and the like, once per process
    rows, small = export()
    assert len(rows) == 1 + 8
    small_listing = listing()
    for n in range(9):
        user = type(people[0]).objects.create_user(f"taker{n}", first_name=f"Taker {n}")
        QuizAttempt.objects.create(
            taker=f"user:{user.pk}", user=user, page=quiz_page, quiz_key=QUIZ_KEY,
            quiz_title=first.quiz_title, page_title=first.page_title, answers=first.answers,
            questions=first.questions, rules=first.rules, results=first.results,
            score=first.score, maximum=first.maximum, percent=first.percent, passed=True,
            location=None,
        )  # fmt: skip
    rows, large = export()
    assert len(rows) == 1 + 10 * 8
    assert large == small
    assert listing() == small_listing


# Cells -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+1", "'+1"), ("-1", "'-1"), ("@cmd", "'@cmd"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
     (" =x", "' =x"), ("\n=x", "'\n=x"), ("\xa0=x", "'\xa0=x"), ("\u3000+x", "'\u3000+x"),
     ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"), ("\uff20x", "'\uff20x"), (" - ", " - "),
     ("a =b", "a =b"), (12, 12), (-3.5, -3.5), (None, None)],
)  # fmt: skip
def test_formula_safe(value, expected):
    assert formula_safe(value) == expected


def test_plain_text_of_stored_rich_text():
    html = '<p>Tom &amp; Jerry</p><ul><li>one</li><li><a href="#">two</a></li></ul><p>a<br/>b</p>'
    assert plain_text(html) == "Tom & Jerry\none\ntwo\na\nb"
    assert plain_text("") == ""
