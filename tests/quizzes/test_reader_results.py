"""Scores as readers read them, and the quiz as it greets someone who has taken it before."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.quizzes.factories import (
    correct_answers,
    make_quiz_page,
    post_quiz,
    quiz_url,
    wrong_answers,
)
from wagtail_learninggroups.models import QuizAttempt
from wagtail_learninggroups.quizzes.formatting import (
    points_of_text,
    points_text,
    rounded_points,
    score_text,
    whole_percent,
)

MY_RESULTS = "wagtail_learninggroups:my_quiz_results"


def html_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html):
    """The words of some HTML, as one line: what a reader reads."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# The pure functions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2.5, "2.5"),
        ("2.50", "2.5"),
        (2.4999, "2.5"),
        (2.44, "2.4"),
        (6.0, "6"),
        (0.3333, "0.3"),
        (0, "0"),
        (1234, "1234"),
        (None, "0"),
        ("many", "0"),
        (float("nan"), "0"),
    ],
)
def test_points_show_at_most_one_decimal(value, text):
    assert points_text(value) == text


def test_points_short_of_the_possible_never_read_as_all_of_them():
    assert points_text(5.96, below=6) == "5.9"
    assert points_text(5.96) == "6"
    assert points_text(6, below=6) == "6"
    assert rounded_points(0.95, below=1) == Decimal("0.9")


@pytest.mark.parametrize(
    ("percent", "rules", "whole"),
    [
        (16.7, {}, 17),
        (41.7, {}, 42),
        (12.5, {}, 13),
        (99.6, {"full": False}, 99),
        (99.6, {}, 100),
        (69.6, {"passed": False, "pass_mark": 70}, 69),
        # 69.95% is kept as 70.0 and does not pass 70: it reads 69%, under the mark.
        (70.0, {"passed": False, "pass_mark": 70}, 69),
        (70.0, {"passed": True, "pass_mark": 70}, 70),
        (69.6, {"passed": False, "pass_mark": 0}, 70),
        (0, {"passed": False, "pass_mark": 0}, 0),
        ("nothing", {}, None),
    ],
)
def test_percentages_are_whole_and_never_say_more_than_the_verdict(percent, rules, whole):
    assert whole_percent(percent, **rules) == whole


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1, 6), "1 of 6 points (17%)"),
        ((2.5, 6, 41.7), "2.5 of 6 points (42%)"),
        ((2.4999, 6), "2.5 of 6 points (42%)"),
        ((5.96, 6, 99.3), "5.9 of 6 points (99%)"),
        ((1, 1, 100.0), "1 of 1 point (100%)"),
        ((0, 1, 0.0), "0 of 1 point (0%)"),
        ((0, 0, 100.0), "0 of 0 points (100%)"),
    ],
)
def test_a_score_reads_as_points_of_points_with_a_whole_percentage(args, text):
    assert score_text(*args) == text


def test_a_score_that_did_not_pass_reads_under_the_pass_mark():
    assert score_text(4.18, 6, 69.7, passed=False, pass_mark=70) == "4.2 of 6 points (69%)"
    assert score_text(4.2, 6, 70.0, passed=True, pass_mark=70) == "4.2 of 6 points (70%)"


def test_what_one_question_earned():
    assert points_of_text(0.5, 1) == "0.5 of 1 point"
    assert points_of_text(1, 2) == "1 of 2 points"
    assert points_of_text(0.3333, 1) == "0.3 of 1 point"


def test_numbers_are_written_as_the_language_writes_them():
    with translation.override("fr"):
        assert score_text(2.5, 6, 41.7).startswith("2,5 ")


# After submitting, and every result shown later ------------------------------------------------


def partial_answers():
    """Right (1 point), half of the multiple choice (1 of 2), half the match (0.5 of 1)."""
    return wrong_answers() | {
        "q-q-single": "c-voters",
        "q-q-multiple": ["c-lower"],
        "q-q-match-p-speaker": "1",
        "q-q-match-p-lord": "1",
    }


def test_the_result_reads_points_of_points_and_a_whole_percentage(quiz_page, member_client):
    location = post_quiz(member_client, quiz_page, partial_answers())["Location"]
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.maximum) == (2.5, 8)
    html = html_of(member_client.get(location))
    words = text_of(html)
    assert "2.5 of 8 points (31%)" in words
    assert "1 of 2 points" in words  # the multiple choice, partly right
    assert "0.5 of 1 point" in words  # the match, half right
    assert "0 of 1 point" in words
    assert "2.50" not in html and "out of" not in html and "31.2" not in html


def test_the_result_in_place_reads_the_same(quiz_page, member_client):
    response = post_quiz(member_client, quiz_page, partial_answers(), fragment=True)
    assert "2.5 of 8 points (31%)" in text_of(html_of(response))


def test_a_right_attempt_reads_all_the_points(quiz_page, member_client):
    location = post_quiz(member_client, quiz_page, correct_answers())["Location"]
    assert "8 of 8 points (100%)" in text_of(html_of(member_client.get(location)))


def test_my_quiz_results_read_scores_the_same_way(quiz_page, member_client):
    post_quiz(member_client, quiz_page, partial_answers())
    post_quiz(member_client, quiz_page, wrong_answers())
    words = text_of(html_of(member_client.get(reverse(MY_RESULTS))))
    assert "Counted score: 31%" in words  # the highest counts
    assert "2.5 of 8 points (31%)" in words
    assert "0 of 8 points (0%)" in words


def test_a_score_short_of_the_pass_mark_never_reads_as_reaching_it(root_page, member_client):
    page = make_quiz_page(root_page, slug="close", pass_mark=92)
    # All right but the order question, of which one item of three is in place: 7.33 of 8,
    # 91.625%, kept as 91.6, which would round to the pass mark it does not reach.
    answers = correct_answers() | {"q-q-order-i-committee": "3", "q-q-order-i-third": "2"}
    location = post_quiz(member_client, page, answers)["Location"]
    assert not QuizAttempt.objects.get().passed
    words = text_of(html_of(member_client.get(location)))
    assert "7.3 of 8 points (91%) Not passed yet The pass mark is 92%." in words
    words = text_of(html_of(member_client.get(reverse(MY_RESULTS))))
    assert "Counted score: 91%, not passed yet" in words
    assert "7.3 of 8 points (91%)" in words


def test_signed_out_my_quiz_results_only_asks_to_sign_in(client):
    words = text_of(html_of(client.get(reverse(MY_RESULTS))))
    assert "Sign in to see the results kept for your account." in words
    assert "You have not taken any quizzes yet." not in words


def test_signed_in_without_attempts_my_quiz_results_says_so(member_client):
    words = text_of(html_of(member_client.get(reverse(MY_RESULTS))))
    assert "You have not taken any quizzes yet." in words
    assert "Sign in" not in words


# Returning to the quiz -------------------------------------------------------------------


def returning_summary(html):
    """The summary of past attempts, up to the form or the note that none are left."""
    start = html.find("data-lg-quiz-returning")
    if start < 0:
        return ""
    ends = [html.find(mark, start) for mark in ("<form", "data-lg-quiz-message")]
    return html[start : min([end for end in ends if end >= 0] or [len(html)])]


def test_returning_shows_the_last_and_the_best_result_and_the_attempts_left_above_the_form(
    root_page, member_client
):
    page = make_quiz_page(root_page, slug="three-tries", attempts_allowed=3)
    post_quiz(member_client, page, correct_answers())
    post_quiz(member_client, page, partial_answers())
    html = html_of(member_client.get(page.url))
    words = text_of(returning_summary(html))
    assert "Your last result 2.5 of 8 points (31%) Not passed" in words
    assert "Your best result 8 of 8 points (100%) Passed" in words
    assert "You have one attempt left." in words
    assert html.index("data-lg-quiz-returning") < html.index("data-lg-quiz-form")
    # The attempts left are said once, above the form.
    assert html.count("attempt left") == 1
    last, best = QuizAttempt.objects.order_by("-number")
    assert reverse("wagtail_learninggroups:quiz_attempt", args=[last.pk]) in html
    assert reverse("wagtail_learninggroups:quiz_attempt", args=[best.pk]) in html


def test_a_last_attempt_that_is_also_the_best_is_said_once(root_page, member_client):
    page = make_quiz_page(root_page, slug="better", attempts_allowed=3)
    post_quiz(member_client, page, partial_answers())
    words = text_of(returning_summary(html_of(member_client.get(page.url))))
    assert "Your result 2.5 of 8 points (31%) Not passed" in words
    assert "You have 2 attempts left." in words
    post_quiz(member_client, page, correct_answers())
    words = text_of(returning_summary(html_of(member_client.get(page.url))))
    assert "Your last and best result 8 of 8 points (100%) Passed" in words
    assert "best result" not in words.replace("last and best result", "")


def test_someone_who_passed_and_used_every_attempt_sees_their_results(root_page, member_client):
    page = make_quiz_page(root_page, slug="two-tries", attempts_allowed=2)
    post_quiz(member_client, page, correct_answers())
    post_quiz(member_client, page, wrong_answers())
    html = html_of(member_client.get(page.url))
    words = text_of(html)
    assert "data-lg-quiz-form" not in html
    assert "Your last result 0 of 8 points (0%) Not passed" in words
    assert "Your best result 8 of 8 points (100%) Passed" in words
    assert "You have used all 2 attempts this quiz allows." in words
    assert html.index("data-lg-quiz-returning") < html.index("You have used all")


def test_a_quiz_without_a_limit_shows_the_results_and_no_count(quiz_page, member_client):
    post_quiz(member_client, quiz_page, wrong_answers())
    html = html_of(member_client.get(quiz_page.url))
    words = text_of(returning_summary(html))
    assert "Your result 0 of 8 points (0%) Not passed" in words
    assert "attempts left" not in html and "attempt left" not in html
    assert "See your quiz results" in words


def test_the_standalone_quiz_page_greets_a_returning_person_too(root_page, member_client):
    page = make_quiz_page(root_page, slug="standalone", attempts_allowed=3)
    post_quiz(member_client, page, partial_answers())
    response = member_client.get(quiz_url(page))
    assert "Your result 2.5 of 8 points (31%)" in text_of(html_of(response))


def test_the_summary_is_each_readers_own(root_page, member_client, django_user_model):
    page = make_quiz_page(root_page, slug="own", attempts_allowed=3)
    post_quiz(member_client, page, correct_answers())
    other = Client()
    other.force_login(django_user_model.objects.create_user("brian", "b@example.org", "pw"))
    html = html_of(other.get(page.url))
    assert "data-lg-quiz-returning" not in html
    assert "You have 3 attempts left." in text_of(html)
    assert "data-lg-quiz-returning" not in html_of(Client().get(page.url))


def queries_to_read(client, url):
    client.get(url)  # warm the site, template and render caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_summary_costs_one_query_whatever_the_attempts_and_the_limit(root_page, member_client):
    limited = make_quiz_page(root_page, slug="limited", attempts_allowed=10)
    unlimited = make_quiz_page(root_page, slug="unlimited", attempts_allowed=0)
    untaken = queries_to_read(member_client, limited.url)
    assert queries_to_read(member_client, unlimited.url) == untaken
    post_quiz(member_client, limited, partial_answers())
    once = queries_to_read(member_client, limited.url)
    for answers in (correct_answers(), wrong_answers(), partial_answers()):
        post_quiz(member_client, limited, answers)
        post_quiz(member_client, unlimited, answers)
    assert queries_to_read(member_client, limited.url) == once == untaken
    assert queries_to_read(member_client, unlimited.url) == untaken
