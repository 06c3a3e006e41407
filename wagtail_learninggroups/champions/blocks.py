"""Champion spotlights, lists of champions and award winners, for any page.

Each block loads what it shows for the whole stream at once (Wagtail converts a stream's blocks
of one type together, through ``bulk_to_python``), so a page with fifty spotlights and lists
runs as many queries as a page with one.
"""

from collections import defaultdict

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from ..core.blocks import PREVIEW_TEMPLATE, TolerantStructBlock

__all__ = [
    "ChampionChooserBlock",
    "ChampionSpotlightBlock",
    "ChampionsListBlock",
    "AwardsBlock",
    "OfficeChoiceBlock",
    "RegionChoiceBlock",
    "ThemeChoiceBlock",
]


def champion_model():
    return apps.get_model("wagtail_learninggroups", "Champion")


def award_model():
    return apps.get_model("wagtail_learninggroups", "Award")


class ChampionChooserBlock(blocks.ChooserBlock):
    """Choose a champion with the champions chooser; loads their photo, office and awards too."""

    @cached_property
    def target_model(self):
        return champion_model()

    @cached_property
    def widget(self):
        from .chooser import champion_chooser_viewset

        return champion_chooser_viewset.widget_class()

    def bulk_to_python(self, values):
        # Each champion once: in_bulk splits a long list of ids into batches (999 on SQLite),
        # and each batch repeats the query and its prefetches.
        champions = (
            champion_model()
            .objects.for_display()
            .in_bulk({value for value in values if value is not None})
        )
        return [champions.get(value) for value in values]

    def deconstruct(self):
        args, kwargs = self._constructor_args
        return "wagtail_learninggroups.blocks.ChampionChooserBlock", args, kwargs

    class Meta:
        icon = "user"


class _LiveChoiceBlock(blocks.ChoiceBlock):
    """A choice among rows of the database, listed afresh each time the form is shown.

    The choices are never written into migrations: only the block's public path is.
    """

    def __init__(self, **kwargs):
        kwargs.pop("choices", None)
        super().__init__(choices=self.live_choices, **kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return f"wagtail_learninggroups.blocks.{type(self).__name__}", args, kwargs

    # Reading a stored value must not list the choices: that would be a query per block.
    def to_python(self, value):
        return value

    def bulk_to_python(self, values):
        return list(values)


class OfficeChoiceBlock(_LiveChoiceBlock):
    """An office, by its stable slug."""

    @staticmethod
    def live_choices():
        Location = apps.get_model("wagtail_learninggroups", "Location")
        return [("", "---------"), *Location.objects.values_list("slug", "name")]

    class Meta:
        icon = "site"


class RegionChoiceBlock(_LiveChoiceBlock):
    """A region, as the offices name them."""

    @staticmethod
    def live_choices():
        Location = apps.get_model("wagtail_learninggroups", "Location")
        regions = Location.objects.order_by("region").values_list("region", flat=True).distinct()
        return [("", "---------"), *((region, region) for region in regions)]

    class Meta:
        icon = "globe"


class ThemeChoiceBlock(_LiveChoiceBlock):
    """A module of the curriculum, as a theme champions care about."""

    @staticmethod
    def live_choices():
        CurriculumModule = apps.get_model("wagtail_learninggroups", "CurriculumModule")
        return [
            ("", "---------"),
            *((str(module.pk), str(module)) for module in CurriculumModule.objects.all()),
        ]

    class Meta:
        icon = "list-ol"


def is_editor_preview(context):
    request = (context or {}).get("request")
    return bool(getattr(request, "is_preview", False))


class ChampionSpotlightBlock(TolerantStructBlock):
    """One champion, their photo, headline and quote, as a card or a feature.

    A deleted or inactive champion renders nothing for readers; in a preview, editors see a
    notice saying so.
    """

    champion = ChampionChooserBlock(label=_("Champion"))
    headline = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Headline"),
        help_text=_("Leave blank to use their name."),
    )
    quote = blocks.TextBlock(
        required=False,
        label=_("Quote"),
        help_text=_("Leave blank to use the quote on their profile."),
    )
    layout = blocks.ChoiceBlock(
        choices=[("card", _("Card")), ("feature", _("Feature: wide, with the story"))],
        default="card",
        label=_("Layout"),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        champion = value.get("champion")
        context["champion"] = champion if champion is not None and champion.active else None
        context["editor_notice"] = context["champion"] is None and is_editor_preview(
            parent_context
        )
        context["quote"] = value.get("quote") or (champion.quote if champion else "")
        return context

    class Meta:
        icon = "user"
        template = "wagtail_learninggroups/blocks/champion_spotlight.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Champion spotlight")
        group = _("Champions")
        description = _("Thank a champion on the page: their photo, their words, their office.")


SCOPES = [
    ("office", _("Champions of an office")),
    ("region", _("Champions of a region")),
    ("theme", _("Champions who care about a theme")),
    ("awards", _("Recent award winners")),
    ("all", _("All champions")),
]


def list_filter(value):
    """The query of one list's champions, as a ``Q``; ``None`` when it cannot match anyone."""
    scope = value.get("scope")
    if scope == "office":
        return Q(location__slug=value.get("office")) if value.get("office") else None
    if scope == "region":
        return Q(location__region=value.get("region")) if value.get("region") else None
    if scope == "theme":
        return Q(themes__pk=value.get("theme")) if value.get("theme") else None
    if scope == "awards":
        return Q(latest_award__isnull=False)
    return Q()


def list_matches(value, champion, theme_ids):
    """Whether ``champion`` belongs in the list ``value`` describes (the query, in Python)."""
    scope = value.get("scope")
    if scope == "office":
        return bool(champion.location) and champion.location.slug == value.get("office")
    if scope == "region":
        return bool(champion.location) and champion.location.region == value.get("region")
    if scope == "theme":
        return str(value.get("theme")) in theme_ids
    if scope == "awards":
        return champion.latest_award is not None
    return True


class ChampionsListBlock(TolerantStructBlock):
    """Champions picked automatically: of an office, a region or a theme, or recent winners."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    scope = blocks.ChoiceBlock(choices=SCOPES, default="office", label=_("Which champions"))
    office = OfficeChoiceBlock(required=False, label=_("Office"))
    region = RegionChoiceBlock(required=False, label=_("Region"))
    theme = ThemeChoiceBlock(required=False, label=_("Theme"))
    limit = blocks.IntegerBlock(min_value=1, max_value=48, default=6, label=_("At most"))

    def bulk_to_python(self, values):
        values = super().bulk_to_python(values)
        attach_champions(values)
        return values

    def to_python(self, value):
        value = super().to_python(value)
        attach_champions([value])
        return value

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        scope = value.get("scope")
        if scope in ("office", "region", "theme") and not value.get(scope):
            raise StructBlockValidationError(
                block_errors={scope: ValidationError(_("Choose one, or pick other champions."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["champions"] = getattr(value, "champions", [])
        return context

    class Meta:
        icon = "group"
        template = "wagtail_learninggroups/blocks/champions_list.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Champions list")
        group = _("Champions")
        description = _("Champions of an office, a region or a theme, or recent award winners.")


def attach_champions(values):
    """Give each list value its ``champions``, loading them for all the lists in one go."""
    filters = [list_filter(value) for value in values]
    wanted = [query for query in filters if query is not None]
    found = []
    if wanted:
        # An empty Q (everyone) would vanish when or-ed with the others: it wins outright.
        query = Q() if any(not other for other in wanted) else wanted[0]
        for other in wanted[1:] if query else ():
            query |= other
        found = list(
            champion_model()
            .objects.active()
            .for_display()
            .prefetch_related("themes")
            .annotate(latest_award=Max("awards__year"))
            .filter(query)
            .distinct()
            .order_by("name")
        )
    for value, query in zip(values, filters, strict=True):
        matches = []
        if query is not None:
            for champion in found:
                theme_ids = {str(theme.pk) for theme in champion.themes.all()}
                if list_matches(value, champion, theme_ids):
                    matches.append(champion)
        if value.get("scope") == "awards":
            matches.sort(key=lambda champion: -champion.latest_award)
        value.champions = matches[: value.get("limit") or 6]


class AwardsBlock(TolerantStructBlock):
    """The winners of an award year, grouped by award, as for an awards ceremony page."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    year = blocks.IntegerBlock(min_value=1900, max_value=2200, label=_("Year"))
    award = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Award"),
        help_text=_("Leave blank to show every award of the year."),
    )

    def bulk_to_python(self, values):
        values = super().bulk_to_python(values)
        attach_awards(values)
        return values

    def to_python(self, value):
        value = super().to_python(value)
        attach_awards([value])
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["awards"] = getattr(value, "awards", {})
        return context

    class Meta:
        icon = "pick"
        template = "wagtail_learninggroups/blocks/awards.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Award winners")
        group = _("Champions")
        description = _("Everyone who received an award in a year, grouped by award.")


def attach_awards(values):
    """Give each awards value its ``awards``: ``{title: [Award]}``, for all values in one query."""
    years = {value.get("year") for value in values if value.get("year")}
    by_year = defaultdict(list)
    if years:
        awards = (
            award_model()
            .objects.filter(year__in=years, champion__active=True)
            .select_related("champion__location", "champion__photo")
            .prefetch_related("champion__photo__renditions")
            .order_by("title", "champion__name")
        )
        for award in awards:
            by_year[award.year].append(award)
    for value in values:
        grouped = defaultdict(list)
        wanted = (value.get("award") or "").strip().casefold()
        for award in by_year.get(value.get("year"), ()):
            if not wanted or award.title.casefold() == wanted:
                grouped[award.title].append(award)
        value.awards = dict(grouped)
