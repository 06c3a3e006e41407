"""Models of wagtail-learninggroups; import them from here."""

from .curriculum import CurriculumModule, CurriculumUnit

__all__ = ["CurriculumModule", "CurriculumUnit"]
