"""Quiz statistics: item analysis by hand-counted examples, and the admin views over real data."""

from dataclasses import asdict
from datetime import datetime, timedelta, timezone

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from tests.quizzes.factories import (
    QUIZ_KEY,
    correct_answers,
    make_quiz_page,
    post_quiz,
    wrong_answers,
)
from tests.utils import refused
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import QuizAttempt
from wagtail_learninggroups.quizzes.question_statistics import (
    analyse_question,
    newest_specs,
    question_statistics,
)
from wagtail_learninggroups.quizzes.scoring import score_attempt
from wagtail_learninggroups.quizzes.statistics import (
    NO_OFFICE,
    by_office,
    quiz_index,
    quiz_statistics,
    summarise,
)

INDEX = reverse("wagtail_learninggroups_quiz_statistics")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
RULES = {"title": "Civics", "pass_mark": 70, "counting": "highest"}


def detail_url(page_id, key=QUIZ_KEY):
    return reverse("wagtail_learninggroups_quiz_statistics_detail", args=[page_id, key])


def made(taker, percent, minute, rules=None, office=None):
    """An attempt of which only the score matters, made ``minute`` minutes after T0."""
    office_id, name, region = office or (None, None, None)
    return {
        "taker": taker,
        "percent": percent,
        "submitted_at": T0 + timedelta(minutes=minute),
        "rules": rules or RULES,
        "office_id": office_id,
        "office": name,
        "region": region,
    }


NAIROBI = (1, "Nairobi", "Africa")
SUVA = (2, "Suva", "Pacific")


# Summaries and the rule of which attempt counts --------------------------------------------


def two_people():
    """Ana scores 40 then 90; Ben 80 then 50. Given newest first, to check the ordering."""
    return [
        made("ana", 90, 30),
        made("ben", 50, 20),
        made("ben", 80, 10),
        made("ana", 40, 0),
    ]


@pytest.mark.parametrize(
    ("counting", "passed"),
    # highest: Ana 90, Ben 80 | latest: Ana 90, Ben 50 | first: Ana 40, Ben 80
    # average: Ana 65, Ben 65; the pass mark is 70.
    [("highest", 2), ("latest", 1), ("first", 1), ("average", 0)],
)
def test_the_pass_rate_counts_each_person_by_the_quiz_rule(counting, passed):
    summary = summarise(two_people(), counting=counting, pass_mark=70)
    assert (summary.attempts, summary.people) == (4, 2)
    assert summary.mean_percent == 65.0  # (90 + 50 + 80 + 40) / 4
    assert summary.passed_people == passed
    assert summary.pass_rate == {2: 100.0, 1: 50.0, 0: 0.0}[passed]


def test_the_rule_and_pass_mark_are_those_of_the_newest_attempt():
    attempts = two_people()
    attempts[0]["rules"] = {"counting": "latest", "pass_mark": 85}  # Ana's 90, the newest
    summary = summarise(attempts)
    # latest: Ana 90 passes 85, Ben 50 does not.
    assert summary.passed_people == 1
    assert summary.pass_rate == 50.0


def test_a_summary_of_nothing():
    summary = summarise([])
    assert (summary.attempts, summary.people, summary.passed_people) == (0, 0, 0)
    assert summary.mean_percent is None and summary.pass_rate is None


def test_offices_each_count_their_own_people():
    attempts = [
        made("ana", 40, 0, office=NAIROBI),
        made("ana", 90, 1, office=NAIROBI),
        made("cy", 60, 2, office=NAIROBI),
        made("ben", 80, 3, office=SUVA),
        made("dee", 100, 4),
    ]
    offices = by_office(attempts, counting="highest", pass_mark=70)
    assert [(o.key, o.office, o.region) for o in offices] == [
        ("1", "Nairobi", "Africa"),
        ("2", "Suva", "Pacific"),
        (NO_OFFICE, "", ""),
    ]
    nairobi = offices[0].summary
    assert (nairobi.attempts, nairobi.people, nairobi.passed_people) == (3, 2, 1)
    assert nairobi.mean_percent == round((40 + 90 + 60) / 3, 1) == 63.3
    assert nairobi.pass_rate == 50.0
    assert (offices[1].summary.attempts, offices[1].summary.pass_rate) == (1, 100.0)


# Item analysis ----------------------------------------------------------------------------

SINGLE = {
    "id": "s", "type": "single", "prompt": "<p>Who elects MPs?</p>", "points": 1.0,
    "choices": [
        {"id": "a", "text": "The voters", "correct": True, "feedback": ""},
        {"id": "b", "text": "The king", "correct": False, "feedback": ""},
        {"id": "c", "text": "The courts", "correct": False, "feedback": ""},
    ],
}  # fmt: skip
MULTIPLE = {
    "id": "m", "type": "multiple", "prompt": "<p>Chambers?</p>", "points": 2.0,
    "choices": [
        {"id": "lo", "text": "Lower house", "correct": True, "feedback": ""},
        {"id": "up", "text": "Upper house", "correct": True, "feedback": ""},
        {"id": "sc", "text": "Supreme court", "correct": False, "feedback": ""},
    ],
}  # fmt: skip
TRUE_FALSE = {"id": "tf", "type": "true_false", "prompt": "<p>Royal assent?</p>", "points": 1.0,
              "answer": True}  # fmt: skip
TEXT = {"id": "t", "type": "short_text", "prompt": "<p>Head of the house?</p>", "points": 1.0,
        "accepted": ["Speaker"]}  # fmt: skip
ORDER = {
    "id": "o", "type": "order", "prompt": "<p>Order the stages.</p>", "points": 1.0,
    "items": [{"id": "1", "text": "First"}, {"id": "2", "text": "Second"},
              {"id": "3", "text": "Third"}],
}  # fmt: skip
REFLECT = {"id": "r", "type": "reflection", "prompt": "<p>What surprised you?</p>", "points": 0}
SPECS = [SINGLE, MULTIPLE, TRUE_FALSE, TEXT, ORDER, REFLECT]


def answered(taker, answers, minute=0, specs=SPECS, office=None):
    """An attempt scored as the quiz scores it."""
    result = score_attempt(specs, answers, 70)
    return {
        **made(taker, result.percent, minute, office=office),
        "answers": answers,
        "questions": specs,
        "results": [asdict(question) for question in result.questions],
    }


@pytest.fixture
def four_attempts():
    return [
        answered("ana", {"s": "a", "m": ["lo", "up"], "tf": True, "t": "speaker",
                         "o": ["1", "2", "3"], "r": "Much"}, 0, office=NAIROBI),
        answered("ben", {"s": "a", "m": ["lo"], "tf": False, "t": "Clerk",
                         "o": ["2", "1", "3"], "r": ""}, 1, office=SUVA),
        answered("cy", {"s": "b", "m": ["lo", "sc"], "tf": True, "t": "",
                        "o": ["3", "2", "1"]}, 2, office=SUVA),
        answered("dee", {"m": ["lo", "up", "sc"], "tf": None, "t": "The Speaker"}, 3),
    ]  # fmt: skip


def by_key(spread):
    return {row.key: (row.count, row.share) for row in spread}


def test_single_choice_counts_each_choice(four_attempts):
    single = question_statistics(four_attempts)[0]
    assert (single.id, single.number, single.type) == ("s", 1, "single")
    assert (single.attempts, single.answered, single.correct) == (4, 3, 2)
    assert single.correct_share == 50.0
    assert single.mean_points_share == 50.0  # 1, 1, 0, 0 of 1 point
    assert by_key(single.choices) == {
        "a": (2, 50.0), "b": (1, 25.0), "c": (0, 0.0), "none": (1, 25.0),
    }  # fmt: skip
    assert [row.label for row in single.choices] == [
        "The voters", "The king", "The courts", "No answer",
    ]  # fmt: skip
    assert [row.correct for row in single.choices] == [True, False, False, False]
    assert single.spread == single.choices


def test_multiple_choice_counts_every_choice_picked(four_attempts):
    multiple = question_statistics(four_attempts)[1]
    # Picked: lo 4 times, up twice, sc twice; each share is of the 4 attempts.
    assert by_key(multiple.choices) == {
        "lo": (4, 100.0), "up": (2, 50.0), "sc": (2, 50.0), "none": (0, 0.0),
    }  # fmt: skip
    # Points: ana 2/2; ben 1/2; cy max(0, 1/2 - 1/1) = 0; dee max(0, 1 - 1) = 0.
    assert multiple.correct == 1
    assert multiple.mean_points_share == 37.5  # (100 + 50 + 0 + 0) / 4
    assert by_key(multiple.statuses) == {
        "correct": (1, 25.0), "partial": (1, 25.0), "incorrect": (2, 50.0),
        "unanswered": (0, 0.0),
    }  # fmt: skip


def test_true_or_false_counts_each_side(four_attempts):
    true_false = question_statistics(four_attempts)[2]
    assert by_key(true_false.choices) == {
        "true": (2, 50.0), "false": (1, 25.0), "none": (1, 25.0),
    }  # fmt: skip
    assert [row.correct for row in true_false.choices] == [True, False, False]
    assert true_false.correct_share == 50.0


def test_other_questions_are_spread_over_statuses(four_attempts):
    text, order = question_statistics(four_attempts)[3:5]
    assert text.choices == ()
    # Only "Speaker" is accepted: ana's "speaker" is right, ben's "Clerk" and dee's
    # "The Speaker" are not, and cy left it blank.
    assert by_key(text.spread) == {
        "correct": (1, 25.0), "incorrect": (2, 50.0), "unanswered": (1, 25.0),
    }  # fmt: skip
    # Order: ana all in place; ben "3" only; cy "2" only; dee did not answer.
    assert by_key(order.spread) == {
        "correct": (1, 25.0), "partial": (2, 50.0), "incorrect": (0, 0.0),
        "unanswered": (1, 25.0),
    }  # fmt: skip
    assert order.mean_points_share == round((100 + 100 / 3 + 100 / 3 + 0) / 4, 1) == 41.7


def test_a_reflection_is_answered_or_not_and_never_correct(four_attempts):
    reflection = question_statistics(four_attempts)[5]
    assert by_key(reflection.spread) == {"answered": (1, 25.0), "unanswered": (3, 75.0)}
    assert reflection.correct_share is None and reflection.mean_points_share is None


def test_questions_are_matched_by_id_with_the_newest_text():
    old_single = {**SINGLE, "prompt": "<p>Old wording</p>"}
    dropped = {**TEXT, "id": "gone", "prompt": "<p>Dropped since</p>"}
    attempts = [
        answered("ana", {"s": "a", "gone": "Speaker"}, 0, specs=[old_single, dropped]),
        answered("ben", {"s": "b"}, 5, specs=[SINGLE]),
    ]
    specs = newest_specs(attempts)
    assert [(spec["id"], spec["prompt"]) for spec in specs] == [
        ("s", "<p>Who elects MPs?</p>"),
        ("gone", "<p>Dropped since</p>"),
    ]
    single, gone = question_statistics(attempts)
    assert (single.attempts, single.correct) == (2, 1)
    assert (gone.number, gone.attempts, gone.correct) == (2, 1, 1)


def test_a_choice_no_longer_in_the_quiz_is_counted_apart():
    old = {**SINGLE, "choices": [*SINGLE["choices"], {"id": "d", "text": "Judges",
                                                       "correct": False}]}  # fmt: skip
    attempts = [answered("ana", {"s": "d"}, 0, specs=[old]), answered("ben", {"s": "a"}, 1)]
    single = analyse_question(SINGLE, attempts)
    assert by_key(single.choices)["other"] == (1, 50.0)
    assert "Judges" not in [row.label for row in single.choices]


def test_a_question_left_out_of_an_attempt_is_not_counted_against_it():
    drawn = [answered("ana", {"s": "a"}, 0, specs=[SINGLE]), answered("ben", {"t": "x"}, 1)]
    single = analyse_question(SINGLE, drawn)
    assert (single.attempts, single.correct_share) == (2, 50.0)
    ben_without_single = answered("ben", {"t": "x"}, 1, specs=[TEXT])
    single = analyse_question(SINGLE, [drawn[0], ben_without_single])
    assert (single.attempts, single.correct_share) == (1, 100.0)


def test_the_office_narrows_the_summary_and_questions_but_not_the_comparison(four_attempts):
    everything = quiz_statistics(four_attempts)
    assert everything.summary.attempts == 4
    assert [office.office for office in everything.offices] == ["Nairobi", "Suva", ""]
    suva = quiz_statistics(four_attempts, office="2")
    assert (suva.summary.attempts, suva.summary.people) == (2, 2)
    assert suva.questions[0].attempts == 2
    assert by_key(suva.questions[0].choices)["a"] == (1, 50.0)
    assert len(suva.offices) == 3
    nowhere = quiz_statistics(four_attempts, office=NO_OFFICE)
    assert nowhere.summary.attempts == 1


def test_the_index_has_a_quiz_per_page_and_key():
    attempts = [
        {**made("ana", 80, 0), "page_id": 3, "quiz_key": "k1", "quiz_title": "Old title",
         "page_title": "Civics"},
        {**made("ben", 60, 1), "page_id": 3, "quiz_key": "k1", "quiz_title": "Civics check",
         "page_title": "Civics"},
        {**made("ana", 90, 2), "page_id": 4, "quiz_key": "k1", "quiz_title": "Another",
         "page_title": "Budget"},
    ]  # fmt: skip
    entries = quiz_index(attempts)
    assert [(e.title, e.page_id, e.summary.attempts) for e in entries] == [
        ("Another", 4, 1),
        ("Civics check", 3, 2),
    ]
    assert entries[1].summary.pass_rate == 50.0
    assert entries[1].latest == T0 + timedelta(minutes=1)


# The admin views --------------------------------------------------------------------------


def take(user, page, data):
    client = Client()
    client.force_login(user)
    assert post_quiz(client, page, data).status_code == 302
    return QuizAttempt.objects.latest("pk")


@pytest.fixture
def taken(django_user_model, quiz_page, offices):
    """Amina passes in Nairobi; Brian fails, then passes, in Suva."""
    amina = django_user_model.objects.create_user("amina", password="pw")
    brian = django_user_model.objects.create_user("brian", password="pw")
    nairobi, suva = offices
    first = take(amina, quiz_page, correct_answers())
    second = take(brian, quiz_page, wrong_answers())
    third = take(brian, quiz_page, correct_answers())
    QuizAttempt.objects.filter(pk=first.pk).update(location=nairobi)
    QuizAttempt.objects.filter(pk__in=[second.pk, third.pk]).update(location=suva)
    return first, second, third


def staff_client(django_user_model, *codenames):
    user = django_user_model.objects.create_user("analyst", password="pw")
    group = Group.objects.create(name="Analysts")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def test_the_index_lists_quizzes_with_attempts(admin_client, taken, quiz_page):
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    [row] = response.context["quizzes"]
    assert (row["entry"].title, row["entry"].page_title) == ("Parliament check", quiz_page.title)
    summary = row["entry"].summary
    assert (summary.attempts, summary.people, summary.pass_rate) == (3, 2, 100.0)
    html = response.content.decode()
    assert detail_url(quiz_page.pk) in html
    assert "Parliament check" in html and "Know your parliament" in html


def test_the_index_without_attempts(admin_client, db):
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    assert "No quiz has been taken yet." in response.content.decode()


def test_the_detail_shows_summary_offices_and_questions(admin_client, taken, quiz_page):
    response = admin_client.get(detail_url(quiz_page.pk))
    assert response.status_code == 200
    statistics = response.context["statistics"]
    assert (statistics.summary.attempts, statistics.summary.people) == (3, 2)
    # Highest counts: both people reached 100%.
    assert statistics.summary.pass_rate == 100.0
    assert statistics.summary.mean_percent == round((100 + 100 + 0) / 3, 1)
    assert [(o.office, o.summary.attempts) for o in statistics.offices] == [
        ("Nairobi", 1),
        ("Suva", 2),
    ]
    assert len(statistics.questions) == 8
    html = response.content.decode()
    assert "<p>Who elects members of parliament?</p>" in html
    assert "Summary: all offices" in html
    assert '<select name="office"' in html


def test_the_charts_show_their_numbers_as_text(admin_client, taken, quiz_page):
    html = admin_client.get(detail_url(quiz_page.pk)).content.decode()
    # The voters: 2 of 3 attempts, the right answer; the king: 1 of 3.
    assert (
        '<th scope="row">The voters <span class="lg-bars__right">(right answer)</span></th>'
        in html
    )
    assert '<td class="lg-bars__count">2</td>' in html
    assert '<span class="lg-bars__value">66.7%</span>' in html
    assert 'style="width: 66.7%"' in html
    assert '<span class="lg-bars__value">33.3%</span>' in html
    assert "Fully correct: 2 (66.7%)." in html


def test_the_office_filter_narrows_the_detail(admin_client, taken, quiz_page, offices):
    nairobi, suva = offices
    response = admin_client.get(detail_url(quiz_page.pk), {"office": suva.pk})
    statistics = response.context["statistics"]
    assert (statistics.summary.attempts, statistics.summary.people) == (2, 1)
    assert statistics.questions[0].attempts == 2
    assert len(statistics.offices) == 2  # the comparison still has every office
    html = response.content.decode()
    assert "Summary: Suva" in html
    assert f'<option value="{suva.pk}" selected>Suva</option>' in html
    # An office that is not among the choices leaves the statistics whole.
    response = admin_client.get(detail_url(quiz_page.pk), {"office": "999"})
    assert response.context["statistics"].summary.attempts == 3


def test_an_unknown_quiz_is_not_found(admin_client, taken, quiz_page):
    assert admin_client.get(detail_url(quiz_page.pk, "nosuchquiz")).status_code == 404
    assert admin_client.get(detail_url(quiz_page.pk + 1000)).status_code == 404


def test_attempts_in_local_editions_count_for_the_template_quiz(
    admin_client, template, offices, taken
):
    """A local edition shows its template's quizzes: the offices are compared on one quiz."""
    editions = roll_out(template, list(offices)).created
    model = taken[0]
    for number, edition in enumerate(editions):
        QuizAttempt.objects.create(
            taker=f"user:{number}", page=edition, quiz_key="templatequiz", quiz_title="Check",
            page_title=edition.title, location=edition.location, questions=model.questions,
            answers=model.answers, results=model.results, rules=model.rules,
            percent=100, passed=True,
        )  # fmt: skip
    entries = {
        row["entry"].quiz_key: row["entry"] for row in admin_client.get(INDEX).context["quizzes"]
    }
    assert entries["templatequiz"].page_id == template.pk
    assert entries["templatequiz"].page_title == template.title
    statistics = admin_client.get(detail_url(template.pk, "templatequiz")).context["statistics"]
    assert [o.office for o in statistics.offices] == ["Nairobi", "Suva"]
    assert statistics.summary.attempts == 2


def test_only_those_who_may_view_attempts_see_the_statistics(django_user_model, taken, quiz_page):
    client = staff_client(django_user_model)
    assert refused(client.get(INDEX))
    assert refused(client.get(detail_url(quiz_page.pk)))
    assert "Quiz statistics" not in client.get(reverse("wagtailadmin_home")).content.decode()

    group = Group.objects.get(name="Analysts")
    group.permissions.add(Permission.objects.get(codename="view_quizattempt"))
    client.force_login(django_user_model.objects.get(username="analyst"))
    assert client.get(INDEX).status_code == 200
    assert client.get(detail_url(quiz_page.pk)).status_code == 200
    assert "Quiz statistics" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_export_permission_alone_does_not_open_the_statistics(
    django_user_model, taken, quiz_page
):
    client = staff_client(django_user_model, "export_quizattempt")
    assert refused(client.get(INDEX))


def test_a_quiz_on_a_second_page_is_a_quiz_of_its_own(admin_client, taken, root_page):
    other = make_quiz_page(root_page, slug="again")
    user = type(taken[0].user).objects.create_user("cy", password="pw")
    take(user, other, wrong_answers())
    rows = admin_client.get(INDEX).context["quizzes"]
    assert sorted((row["entry"].page_id, row["entry"].summary.attempts) for row in rows) == [
        (taken[0].page_id, 3),
        (other.pk, 1),
    ]


def test_the_quiz_of_a_deleted_page_keeps_its_statistics(admin_client, taken, quiz_page):
    quiz_page.delete()
    [row] = admin_client.get(INDEX).context["quizzes"]
    assert (row["entry"].page_id, row["entry"].page_title) == (None, "Know your parliament")
    assert row["url"] == detail_url(0)
    assert "(page deleted)" in admin_client.get(INDEX).content.decode()
    response = admin_client.get(detail_url(0))
    assert response.status_code == 200
    assert response.context["statistics"].summary.attempts == 3
