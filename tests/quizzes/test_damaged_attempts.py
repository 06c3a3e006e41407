"""Attempt snapshots edited by hand (or written by an import) read as empty parts, never a 500.

An attempt keeps the questions, rules and results as they were: JSON that anyone with database
access can change. Each odd shape is stored past every check, then every screen that reads
attempts is visited as the person who uses it.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.quizzes.factories import QUIZ_KEY, correct_answers, make_quiz_page, post_quiz
from wagtail_learninggroups.models import QuizAttempt

pytestmark = pytest.mark.django_db


def damage(attempt, change):
    """Apply ``change`` to a copy of the attempt's stored JSON and write it past every check."""
    stored = QuizAttempt.objects.filter(pk=attempt.pk).values("rules", "questions", "results")
    fields = stored.get()
    change(fields)
    QuizAttempt.objects.filter(pk=attempt.pk).update(**fields)


def set_rule(name, value):
    def change(fields):
        fields["rules"][name] = value

    return change


def on_each(name, key, value):
    def change(fields):
        for entry in fields[name]:
            entry[key] = value

    return change


DAMAGES = {
    "pass mark as text": set_rule("pass_mark", "seventy"),
    "pass mark as a list": set_rule("pass_mark", [70]),
    "bands as text": set_rule("bands", "well done"),
    "bands as a list of numbers": set_rule("bands", [0, 80]),
    "band start as text": set_rule("bands", [{"from": "eighty", "message": "Well done."}]),
    "attempts allowed as text": set_rule("attempts_allowed", "one"),
    "counting as a number": set_rule("counting", 3),
    "choices null": on_each("questions", "choices", None),
    "items null": on_each("questions", "items", None),
    "pairs as text": on_each("questions", "pairs", "left, right"),
    "points as text": on_each("questions", "points", "many"),
    "awarded score as text": on_each("results", "awarded", "lots"),
    "possible score as a dict": on_each("results", "possible", {"a": 1}),
}


@pytest.fixture
def attempt(root_page, member_client):
    page = make_quiz_page(root_page, slug="damaged-attempts", attempts_allowed=3)
    post_quiz(member_client, page, correct_answers())
    return QuizAttempt.objects.get()


@pytest.mark.parametrize("damage_name", DAMAGES)
def test_every_screen_that_reads_attempts_survives_a_damaged_snapshot(
    damage_name, attempt, member, django_user_model
):
    damage(attempt, DAMAGES[damage_name])
    # Two clients of their own: the suite's client fixtures share one client.
    member_client, admin_client = Client(), Client()
    member_client.force_login(member)
    admin_client.force_login(django_user_model.objects.create_superuser("centre", "c@x.org", "pw"))
    readers = [
        (member_client, reverse("wagtail_learninggroups:my_quiz_results")),
        (member_client, reverse("wagtail_learninggroups:quiz_attempt", args=[attempt.pk])),
        (member_client, attempt.page.url),
        (admin_client, reverse("wagtail_learninggroups_quiz_statistics")),
        (
            admin_client,
            reverse(
                "wagtail_learninggroups_quiz_statistics_detail", args=[attempt.page_id, QUIZ_KEY]
            ),
        ),
    ]
    admin_base = "/admin/wagtail_learninggroups/quizattempt/"
    readers += [
        (admin_client, admin_base),
        (admin_client, f"{admin_base}inspect/{attempt.pk}/"),
        (admin_client, f"{admin_base}export/?export=xlsx"),
        (admin_client, f"{admin_base}export/?export=csv"),
    ]
    for client, url in readers:
        response = client.get(url)
        assert response.status_code == 200, (url, damage_name)
        response.getvalue()  # a streamed export is written as it is read
    # The attempt itself still says what it was.
    assert "Parliament check" in member_client.get(readers[0][1]).content.decode()
