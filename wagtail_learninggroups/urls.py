"""URLs of wagtail-learninggroups.

Include them in the site's URLconf, before Wagtail's catch-all::

    path("learning-groups/", include("wagtail_learninggroups.urls")),

The namespace is ``wagtail_learninggroups``.
"""

from django.urls import path

from .curriculum import views as curriculum_views
from .quizzes import views as quiz_views

app_name = "wagtail_learninggroups"

QUIZ = "quiz/<int:page_id>/<slug:quiz_key>/"

urlpatterns = [
    path("my-office/", curriculum_views.my_office_view, name="my_office"),
    path("quiz/my-results/", quiz_views.my_results_view, name="my_quiz_results"),
    path("quiz/attempts/<int:attempt_id>/", quiz_views.attempt_view, name="quiz_attempt"),
    path(QUIZ, quiz_views.quiz_view, name="quiz"),
    path(f"{QUIZ}present/", quiz_views.present_view, name="quiz_present"),
    path(
        f"{QUIZ}present/<int:number>/",
        quiz_views.present_view,
        name="quiz_present_question",
    ),
    path(
        f"{QUIZ}present/<int:number>/answer/",
        quiz_views.present_view,
        {"reveal": True},
        name="quiz_present_answer",
    ),
]
