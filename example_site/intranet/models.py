"""Page types of the example intranet.

These belong to the *site*, not to the package: they show how an intranet uses the blocks of
wagtail-learninggroups in its own StreamFields, next to blocks of its own.
"""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from wagtail_learninggroups.blocks import (
    AwardsBlock,
    ChampionsListBlock,
    ChampionSpotlightBlock,
    ObjectivesBlock,
)
from wagtail_learninggroups.models import CurriculumModule, Location


def intranet_body():
    """The body StreamField of the intranet's pages: its own blocks plus the package's."""
    return StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", icon="title")),
            ("paragraph", blocks.RichTextBlock()),
            ("objectives", ObjectivesBlock()),
            ("spotlight", ChampionSpotlightBlock()),
            ("champions", ChampionsListBlock()),
            ("awards", AwardsBlock()),
        ],
        blank=True,
    )


class HomePage(Page):
    """The intranet's front page."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = intranet_body()

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = [
        "intranet.StandardPage",
        "intranet.CurriculumPage",
        "intranet.OfficeIndexPage",
        "wagtail_learninggroups.WorkshopIndexPage",
        "wagtail_learninggroups.ChampionDirectoryPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = CurriculumModule.objects.prefetch_related("units")
        context["sections"] = self.get_children().live().in_menu()
        return context


class StandardPage(Page):
    """An ordinary page of the intranet: news, guidance, a programme overview."""

    intro = models.TextField(blank=True, help_text="A sentence or two shown under the title.")
    body = intranet_body()

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]


class CurriculumPage(Page):
    """Lists the modules of the learning programme and their units."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["intranet.StandardPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = CurriculumModule.objects.prefetch_related("units")
        return context


class OfficeIndexPage(Page):
    """The list of the organisation's offices, grouped by region."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["intranet.OfficePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offices = OfficePage.objects.child_of(self).live().order_by("region", "title")
        regions = {}
        for office in offices:
            regions.setdefault(office.get_region_display(), []).append(office)
        context["regions"] = regions
        return context


class OfficePage(Page):
    """One office (an embassy or a post): its section of the intranet."""

    class Region(models.TextChoices):
        AFRICA = "africa", "Africa"
        AMERICAS = "americas", "Americas"
        ASIA_PACIFIC = "asia-pacific", "Asia and the Pacific"
        EUROPE = "europe", "Europe"
        MIDDLE_EAST = "middle-east", "Middle East"

    country = models.CharField(max_length=100)
    city = models.CharField(max_length=100)
    region = models.CharField(max_length=20, choices=Region.choices)
    staff_count = models.PositiveIntegerField(help_text="Roughly how many people work here.")
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    working_conditions = models.TextField(
        blank=True,
        help_text="Anything visitors and trainers should know: security, connectivity, hours.",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("staff_count")]),
        FieldPanel("intro"),
        FieldPanel("working_conditions"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("city"),
        index.SearchField("country"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["intranet.OfficeIndexPage"]
    # An office's section holds its own pages and its local editions of the workshops.
    subpage_types = ["intranet.StandardPage", "wagtail_learninggroups.LocalEditionPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["office_champions"] = self.champions_list(context)
        return context

    def champions_list(self, context):
        """The office's champions, shown by the package's own list block (empty if none)."""
        location = Location.objects.filter(page=self, active=True).first()
        if location is None or not location.champions.filter(active=True).exists():
            return ""
        block = ChampionsListBlock()
        value = block.to_python(
            {"heading": "Champions at this office", "scope": "office", "office": location.slug,
             "region": "", "theme": "", "limit": 6}
        )  # fmt: skip
        return block.render(value, context)

    @property
    def size_label(self):
        if self.staff_count >= 100:
            return "Large office"
        if self.staff_count >= 20:
            return "Medium office"
        return "Small office"
