"""A quiz taken outside any edition counts for the taker's office, where the site knows it."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.quizzes.factories import QUIZ_KEY, correct_answers, make_quiz_page, post_quiz
from wagtail_learninggroups.models import LearnerProfile, QuizAttempt

pytestmark = pytest.mark.django_db


def test_a_quiz_on_the_central_page_counts_for_the_takers_office(
    root_page, offices, django_user_model
):
    page = make_quiz_page(root_page, slug="central")
    person = django_user_model.objects.create_user("amina", "a@example.org", "pw")
    LearnerProfile.objects.create(user=person, location=offices[0])
    client = Client()
    client.force_login(person)
    assert post_quiz(client, page, correct_answers()).status_code == 302
    assert QuizAttempt.objects.get().location == offices[0]
    admin = Client()
    admin.force_login(django_user_model.objects.create_superuser("centre", "c@x.org", "pw"))
    detail = reverse("wagtail_learninggroups_quiz_statistics_detail", args=[page.pk, QUIZ_KEY])
    html = admin.get(detail).content.decode()
    assert offices[0].name in html


def test_a_taker_without_an_office_counts_for_none(root_page, member_client):
    page = make_quiz_page(root_page, slug="central")
    post_quiz(member_client, page, correct_answers())
    assert QuizAttempt.objects.get().location is None


def test_an_editions_office_counts_before_the_takers(edition, django_user_model, offices):
    from tests.quizzes.factories import quiz_value
    from wagtail_learninggroups.models import WorkshopTemplatePage

    template = WorkshopTemplatePage.objects.get(pk=edition.workshop_id)
    quiz = {"type": "quiz", "value": quiz_value(), "id": "qz"}
    template.body = [*template.body.raw_data, quiz]
    template.save_revision().publish()
    edition.save_revision().publish()
    person = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    LearnerProfile.objects.create(user=person, location=offices[1])
    client = Client()
    client.force_login(person)
    post_quiz(client, edition, correct_answers())
    assert QuizAttempt.objects.get().location == edition.location
