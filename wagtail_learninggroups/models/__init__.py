"""Models of wagtail-learninggroups; import them from here."""

from .champions import Award, Champion
from .curriculum import CurriculumModule, CurriculumUnit
from .directory import ChampionDirectoryPage
from .editions import LocalEditionPage
from .locations import Location
from .pages import WorkshopIndexPage, WorkshopTemplatePage
from .quizzes import QuizAttempt

__all__ = [
    "Award",
    "Champion",
    "ChampionDirectoryPage",
    "CurriculumModule",
    "CurriculumUnit",
    "LocalEditionPage",
    "Location",
    "QuizAttempt",
    "WorkshopIndexPage",
    "WorkshopTemplatePage",
]
