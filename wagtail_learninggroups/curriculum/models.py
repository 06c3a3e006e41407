"""The curriculum: modules, each made of units, that workshops and champions refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class CurriculumModule(ClusterableModel):
    """A module of the learning programme, such as "How government works"."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        help_text=_("The module's place in the programme: 1 for the first module."),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences on what the module covers, shown in listings."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldPanel("summary"),
        InlinePanel("units", heading=_("Units"), label=_("Unit")),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("curriculum module")
        verbose_name_plural = _("curriculum modules")

    def __str__(self):
        return _("Module %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class CurriculumUnit(Orderable):
    """A unit of a module: one or two hours of learning, often with an e-learning course."""

    module = ParentalKey(
        CurriculumModule,
        on_delete=models.CASCADE,
        related_name="units",
        verbose_name=_("module"),
    )
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    e_learning_url = models.URLField(
        _("e-learning URL"),
        blank=True,
        help_text=_("Where staff take the unit's e-learning course, if it has one."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("e_learning_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("curriculum unit")
        verbose_name_plural = _("curriculum units")

    def __str__(self):
        return self.title
