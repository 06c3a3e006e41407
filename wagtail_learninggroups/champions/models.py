"""Champions: the volunteers who start and keep learning groups going, and their awards."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from ..core.sanitise import clean_html, safe_url
from ..curriculum.locations import Location
from ..curriculum.models import CurriculumModule

STORY_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ChampionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_display(self):
        """With what a card shows, loaded in the same few queries however many there are."""
        return self.select_related("location", "photo").prefetch_related(
            "photo__renditions", "awards"
        )


class Champion(index.Indexed, ClusterableModel):
    """A volunteer who runs or animates learning groups at an office.

    Spotlighted on pages with :class:`~wagtail_learninggroups.blocks.ChampionSpotlightBlock`,
    listed by :class:`~wagtail_learninggroups.blocks.ChampionsListBlock` and in the champions
    directory, and thanked with awards.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The end of their profile's address. Left blank, it is made from the name."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the champion's own account on the intranet."),
    )
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    location = models.ForeignKey(
        Location,
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="champions",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, shown square beside their name (so readers hear the name once)."),
    )
    quote = models.CharField(
        _("quote"),
        max_length=280,
        blank=True,
        help_text=_("In their words, why they do it. One or two sentences."),
    )
    story = RichTextField(_("story"), features=STORY_FEATURES, blank=True)
    themes = ParentalManyToManyField(
        CurriculumModule,
        verbose_name=_("themes they care about"),
        blank=True,
        related_name="champions",
    )
    volunteering_since = models.PositiveSmallIntegerField(
        _("volunteering since (year)"), null=True, blank=True
    )
    email = models.EmailField(_("email"), blank=True)
    chat_url = models.URLField(
        _("chat link"), blank=True, help_text=_("A link that opens a chat with them.")
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive champions keep their awards but are no longer shown."),
    )

    objects = ChampionQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("quote"),
        index.SearchField("story"),
        index.FilterField("active"),
        index.FilterField("location_id"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("job_title"), FieldPanel("location")]),
        FieldPanel("photo"),
        FieldPanel("quote"),
        FieldPanel("story"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("volunteering_since"), FieldPanel("active")]),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("chat_url"), FieldPanel("user")],
            heading=_("Contact"),
        ),
        InlinePanel("awards", heading=_("Awards"), label=_("Award")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("champion")
        verbose_name_plural = _("champions")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.chat_url and not safe_url(self.chat_url):
            raise ValidationError({"chat_url": _("Use an http or https link.")})

    def save(self, *args, **kwargs):
        self.story = clean_html(self.story or "")
        if not self.slug:
            self.slug = unique_slug(self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def region(self):
        return self.location.region if self.location else ""

    def get_usage_url(self):
        return reverse("wagtail_learninggroups_champion_usage", args=[self.pk])


def unique_slug(name, exclude_pk=None):
    """A slug made from ``name`` that no other champion has."""
    base = slugify(name)[:90] or "champion"
    slug, number = base, 1
    taken = Champion.objects.exclude(pk=exclude_pk).values_list("slug", flat=True)
    existing = set(taken.filter(slug__startswith=base))
    while slug in existing:
        number += 1
        slug = f"{base}-{number}"
    return slug


class Award(Orderable):
    """A recognition a champion received: its title, the year and why."""

    champion = ParentalKey(Champion, on_delete=models.CASCADE, related_name="awards")
    title = models.CharField(
        _("award"),
        max_length=255,
        help_text=_(
            'The same title for everyone who holds it, e.g. "Learning champion of the year".'
        ),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    citation = models.TextField(_("citation"), blank=True, help_text=_("Why they received it."))

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("year")]), FieldPanel("citation")]

    class Meta(Orderable.Meta):
        ordering = ["-year", "sort_order"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.title} ({self.year})"

    @property
    def title_slug(self):
        return award_slug(self.title)


def award_slug(title):
    """The address of an award's page: its title in Latin letters, or in its own script.

    Titles with Latin letters keep the addresses they always had; a title written in another
    script (Chinese, Arabic, Cyrillic) keeps its own letters rather than giving an empty slug.
    """
    return slugify(title) or slugify(title, allow_unicode=True) or "award"
