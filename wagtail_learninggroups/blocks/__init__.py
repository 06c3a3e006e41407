"""The public blocks of wagtail-learninggroups.

Import blocks from here, never from the feature folders: this is the import path that stays
stable across releases. Wagtail writes struct and stream blocks into a site's migrations as plain
definitions, so those migrations do not depend on the package's layout; the few blocks that
migrations name by path (keys, choosers, choices, sanitised rich text) name this module.

``__all__`` lists the blocks a site puts in its own StreamFields. The *parts* below it (keys,
choices, single question types, the fills' content blocks) are importable here for migrations
and subclassing, but are not the API: they may change with the blocks that hold them.
"""

from ..champions.blocks import (
    AwardsBlock,
    ChampionChooserBlock,
    ChampionsListBlock,
    ChampionSpotlightBlock,
    OfficeChoiceBlock,
    RegionChoiceBlock,
    ThemeChoiceBlock,
)
from ..core.keys import SlotKeyBlock
from ..core.richtext import SanitisedRichTextBlock
from ..editions.fill_blocks import (
    DocumentFillBlock,
    EventFillBlock,
    ImageFillBlock,
    LinkFillBlock,
    PersonFillBlock,
    SlotFillBlock,
    SlotFillContentBlock,
    VideoFillBlock,
)
from ..quizzes.blocks import (
    MatchQuestionBlock,
    MultipleChoiceQuestionBlock,
    NumberQuestionBlock,
    OrderQuestionBlock,
    QuizBlock,
    QuizKeyBlock,
    ReflectionQuestionBlock,
    ShortTextQuestionBlock,
    SingleChoiceQuestionBlock,
    TrueFalseQuestionBlock,
)
from ..workshops.blocks import (
    AgendaSegmentBlock,
    DiscussionBlock,
    FacilitatorGuidanceBlock,
    ObjectivesBlock,
    PreparationChecklistBlock,
    WorkshopAgendaBlock,
)
from ..workshops.resources import (
    DocumentResourceBlock,
    ELearningResourceBlock,
    LinkResourceBlock,
    ResourcesBlock,
    VideoResourceBlock,
)
from ..workshops.slot_blocks import LocalSlotBlock
from ..workshops.stream import LearningGroupsStreamBlock

__all__ = [
    # Workshops
    "ObjectivesBlock",
    "WorkshopAgendaBlock",
    "DiscussionBlock",
    "FacilitatorGuidanceBlock",
    "PreparationChecklistBlock",
    "ResourcesBlock",
    "SanitisedRichTextBlock",
    # Local content
    "LocalSlotBlock",
    # Quizzes
    "QuizBlock",
    # Champions
    "ChampionChooserBlock",
    "ChampionSpotlightBlock",
    "ChampionsListBlock",
    "AwardsBlock",
    # Everything above in one stream
    "LearningGroupsStreamBlock",
]

#: Parts of the blocks above: importable for migrations and subclassing, not the public API.
PARTS = [
    "AgendaSegmentBlock",
    "DocumentResourceBlock",
    "VideoResourceBlock",
    "LinkResourceBlock",
    "ELearningResourceBlock",
    "SlotKeyBlock",
    "QuizKeyBlock",
    "SingleChoiceQuestionBlock",
    "MultipleChoiceQuestionBlock",
    "TrueFalseQuestionBlock",
    "ShortTextQuestionBlock",
    "NumberQuestionBlock",
    "OrderQuestionBlock",
    "MatchQuestionBlock",
    "ReflectionQuestionBlock",
    "OfficeChoiceBlock",
    "RegionChoiceBlock",
    "ThemeChoiceBlock",
    "PersonFillBlock",
    "EventFillBlock",
    "LinkFillBlock",
    "DocumentFillBlock",
    "ImageFillBlock",
    "VideoFillBlock",
    "SlotFillContentBlock",
    "SlotFillBlock",
]
