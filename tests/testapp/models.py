"""The host site's own page types, using the package's blocks as a developer would."""

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_learninggroups.blocks import LearningGroupsStreamBlock, ObjectivesBlock


class HostArticlePage(Page):
    """A page type of the host site that mixes its own blocks with ours."""

    body = StreamField(
        [
            ("heading", blocks.CharBlock()),
            ("paragraph", blocks.RichTextBlock()),
            ("objectives", ObjectivesBlock()),
        ],
        blank=True,
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]


class HostLearningPage(Page):
    """A page type of the host site whose body is the package's full stream block."""

    body = StreamField(LearningGroupsStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
