"""Models of wagtail-learninggroups; import them from here."""

from .curriculum import CurriculumModule, CurriculumUnit
from .editions import LocalEditionPage
from .locations import Location
from .pages import WorkshopIndexPage, WorkshopTemplatePage
from .quizzes import QuizAttempt

__all__ = [
    "CurriculumModule",
    "CurriculumUnit",
    "LocalEditionPage",
    "Location",
    "QuizAttempt",
    "WorkshopIndexPage",
    "WorkshopTemplatePage",
]
