"""The models of wagtail-learninggroups: import them from here.

Each model lives in its feature's folder; this module is the stable import path.
"""

from ..champions.directory import ChampionDirectoryPage
from ..champions.models import Award, Champion
from ..curriculum.locations import Location
from ..curriculum.models import CurriculumModule, CurriculumUnit
from ..curriculum.people import LearnerProfile
from ..editions.models import LocalEditionPage
from ..editions.models_rollout import RolloutRun
from ..quizzes.models import QuizAttempt
from ..workshops.models import WorkshopIndexPage, WorkshopTemplatePage

__all__ = [
    "Award",
    "Champion",
    "ChampionDirectoryPage",
    "CurriculumModule",
    "CurriculumUnit",
    "LearnerProfile",
    "LocalEditionPage",
    "Location",
    "QuizAttempt",
    "RolloutRun",
    "WorkshopIndexPage",
    "WorkshopTemplatePage",
]
