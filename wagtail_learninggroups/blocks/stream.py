"""The stream block that offers every block of the package, grouped for the block chooser."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .workshop import ObjectivesBlock

__all__ = ["LearningGroupsStreamBlock"]


class LearningGroupsStreamBlock(blocks.StreamBlock):
    """All learning-group blocks, ready to use as the body of a page."""

    objectives = ObjectivesBlock()

    class Meta:
        icon = "group"
        label = _("Learning groups content")
