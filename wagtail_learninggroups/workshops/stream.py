"""The stream block that offers every block of the package, grouped for the block chooser."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..champions.blocks import AwardsBlock, ChampionsListBlock, ChampionSpotlightBlock
from ..core import render_cache
from ..core.blocks import TolerantStreamBlock
from ..core.keys import renew_duplicate_keys
from ..core.richtext import SanitisedRichTextBlock
from ..quizzes.blocks import QuizBlock
from .blocks import (
    DiscussionBlock,
    FacilitatorGuidanceBlock,
    ObjectivesBlock,
    PreparationChecklistBlock,
    WorkshopAgendaBlock,
)
from .resources import ResourcesBlock
from .slot_blocks import LocalSlotBlock

__all__ = ["LearningGroupsStreamBlock"]


class LearningGroupsStreamBlock(TolerantStreamBlock):
    """All learning-group blocks, with a heading and rich text, ready to be a page's body."""

    heading = blocks.CharBlock(
        max_length=120,
        icon="title",
        label=_("Heading"),
        group=_("Text"),
        form_classname="title",
        template="wagtail_learninggroups/blocks/heading.html",
    )
    text = SanitisedRichTextBlock(
        features=["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        label=_("Text"),
        group=_("Text"),
    )
    objectives = ObjectivesBlock()
    agenda = WorkshopAgendaBlock()
    discussion = DiscussionBlock()
    resources = ResourcesBlock()
    guidance = FacilitatorGuidanceBlock()
    preparation = PreparationChecklistBlock()
    slot = LocalSlotBlock()
    quiz = QuizBlock()
    spotlight = ChampionSpotlightBlock()
    champions = ChampionsListBlock()
    awards = AwardsBlock()

    #: The blocks that render the same for every reader of one view of a page: the package's
    #: pages keep their HTML (see :mod:`~wagtail_learninggroups.core.render_cache`). A subclass
    #: that adds or replaces a block showing something of the reader's leaves it out.
    reader_independent = frozenset(
        {
            "heading",
            "text",
            "objectives",
            "agenda",
            "discussion",
            "resources",
            "guidance",
            "preparation",
            "slot",
            "spotlight",
            "champions",
            "awards",
        }
    )

    def render_basic(self, value, context=None):
        scope = context.get(render_cache.CONTEXT_NAME) if context else None
        if scope is None:
            return super().render_basic(value, context=context)
        return scope.render_stream(self, value, context)

    def clean(self, value, *args, **kwargs):
        # Copying a slot or a quiz in the editor copies its key: the copy gets a fresh one.
        value = renew_duplicate_keys(self, super().clean(value, *args, **kwargs))
        return renew_duplicate_keys(self, value, marker="is_quiz")

    class Meta:
        icon = "group"
        label = _("Learning groups content")
