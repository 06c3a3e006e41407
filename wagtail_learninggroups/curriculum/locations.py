"""Offices (posts): where learning groups meet and local editions are written."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel


def validate_time_zone(value):
    """Accept only IANA time zone names, such as "Africa/Nairobi"."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _('"%(value)s" is not a time zone name; use one like "Africa/Nairobi".'),
            params={"value": value},
        )


class Location(models.Model):
    """An office of the organisation: an embassy, a post, a regional centre."""

    class Size(models.TextChoices):
        SMALL = "small", _("Small (under 20 staff)")
        MEDIUM = "medium", _("Medium (20 to 99 staff)")
        LARGE = "large", _("Large (100 staff or more)")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_('A short, stable name used in commands and reports, such as "nairobi".'),
    )
    country = models.CharField(_("country"), max_length=100)
    region = models.CharField(
        _("region"),
        max_length=100,
        help_text=_('The region reports group offices by, such as "Africa".'),
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("The office's time zone, such as Africa/Nairobi, for session times."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive offices keep their editions but get no new ones."),
    )
    page = models.ForeignKey(
        getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page"),
        verbose_name=_("section page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The office's section of the intranet. Its local editions are created below this "
            "page, so the office's editors can edit them and no one else's."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("size"), FieldPanel("time_zone")]),
        FieldPanel("active"),
        PageChooserPanel("page"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name
