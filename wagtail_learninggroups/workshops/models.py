"""The ready-made page types: workshop templates and the index that lists them."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..core import render_cache
from ..core.pages import LearningGroupsPage
from ..curriculum.models import CurriculumModule, CurriculumUnit
from . import agenda
from .stream import LearningGroupsStreamBlock


def agenda_segments(raw_data):
    """Every segment of every agenda block in a body's stored JSON, in order.

    Reads the stored JSON rather than the block values, so that listing many workshops with
    their durations does not load their documents or sanitise their rich text.
    """
    segments = []
    for child in raw_data or ():
        if not isinstance(child, Mapping) or child.get("type") != "agenda":
            continue
        value = child.get("value")
        if not isinstance(value, Mapping):
            continue
        for item in value.get("segments") or []:
            # ListBlock items are stored as {"type": "item", "value": …, "id": …}; older JSON
            # holds the bare values.
            is_wrapped = isinstance(item, Mapping) and item.get("type") == "item"
            segments.append(item.get("value") if is_wrapped else item)
    return segments


class WorkshopViewsMixin(RoutablePageMixin):
    """The three views of a workshop: participant, facilitator (``facilitator/``) and print.

    Templates read the workshop (its header and body) from ``workshop`` in the context, which
    :meth:`get_workshop` provides: the page itself for a template, the template for an edition.
    """

    def get_workshop(self, request):
        return self

    def render_cache_parts(self):
        """What the body's HTML depends on besides the body itself (see ``render_cache``)."""
        return ()

    preview_modes = [
        ("", _("Participant view")),
        ("facilitator", _("Facilitator view")),
        ("print", _("Facilitator pack")),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lg_facilitator"] = False
        context["workshop"] = self.get_workshop(request)
        if context["workshop"] is not None:
            context["workshop"].load_curriculum()
            context[render_cache.CONTEXT_NAME] = render_cache.scope_for(
                request, self, self.render_cache_parts()
            )
        # A page that is not in a site yet (the preview of a new page) has no URL, and so no
        # links to its other views.
        page_url = self.get_url(request)
        if page_url:
            context.update(
                absolute_url=request.build_absolute_uri(page_url),
                participant_url=page_url,
                facilitator_url=page_url + self.reverse_subpage("facilitator_view"),
                print_url=page_url + self.reverse_subpage("facilitator_pack"),
            )
        return context

    def get_cached_paths(self):
        # Purging a frontend cache must reach every view of the page, not only the first.
        return ["/", "/facilitator/", "/print/"]

    def serve_preview(self, request, mode_name):
        if mode_name == "facilitator":
            return self.facilitator_view(request)
        if mode_name == "print":
            return self.facilitator_pack(request)
        return super().serve_preview(request, mode_name)

    @path("facilitator/")
    def facilitator_view(self, request):
        return self.render(request, context_overrides={"lg_facilitator": True})

    @path("print/")
    def facilitator_pack(self, request):
        return self.render(
            request,
            template=self.print_template,
            context_overrides={"lg_facilitator": True, "lg_print": True},
        )


class WorkshopTemplatePage(WorkshopViewsMixin, LearningGroupsPage):
    """A workshop written centrally: objectives, agenda, resources, guidance and discussion.

    Readers get two views of one page: the participant view at the page's URL, and the
    facilitator view (``facilitator/``), which adds facilitator notes, guidance and preparation.
    ``print/`` is the facilitator pack, laid out for paper.
    """

    summary = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences: what the workshop is about and why it matters."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=255,
        blank=True,
        help_text=_('Who it is for, e.g. "All staff; no experience of parliament needed".'),
    )
    module = models.ForeignKey(
        CurriculumModule,
        verbose_name=_("curriculum module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_templates",
    )
    unit = models.ForeignKey(
        CurriculumUnit,
        verbose_name=_("curriculum unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_templates",
        help_text=_("The unit of the module that this workshop belongs to."),
    )
    body = StreamField(LearningGroupsStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("module"), FieldPanel("unit")]),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("module"),
    ]
    template = "wagtail_learninggroups/pages/workshop_template_page.html"
    print_template = "wagtail_learninggroups/pages/workshop_template_print.html"

    class Meta:
        verbose_name = _("workshop template")
        verbose_name_plural = _("workshop templates")

    def clean(self):
        super().clean()
        if self.unit_id and self.module_id and self.unit.module_id != self.module_id:
            raise ValidationError(
                {"unit": _("This unit belongs to %(module)s.") % {"module": self.unit.module}}
            )
        if self.unit_id and not self.module_id:
            self.module_id = self.unit.module_id

    def load_curriculum(self):
        """Read the unit and its module in one query, as the page's header shows both."""
        if self.unit_id is None or WorkshopTemplatePage.unit.is_cached(self):
            return
        unit = CurriculumUnit.objects.select_related("module").filter(pk=self.unit_id).first()
        WorkshopTemplatePage.unit.field.set_cached_value(self, unit)
        if unit is not None and unit.module_id == self.module_id:
            WorkshopTemplatePage.module.field.set_cached_value(self, unit.module)

    @property
    def total_minutes(self):
        """How long the workshop runs: the sum of its agenda segments."""
        return agenda.total_minutes(agenda_segments(self.body.raw_data))

    @property
    def total_duration(self):
        """The running time in words, such as "1 hour 30 min"."""
        return agenda.format_duration(self.total_minutes)


class WorkshopIndexPage(LearningGroupsPage):
    """Lists the workshop templates below it by curriculum module and unit."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "document-link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    sanitised_fields = ("intro",)
    subpage_types = ["wagtail_learninggroups.WorkshopTemplatePage"]
    template = "wagtail_learninggroups/pages/workshop_index_page.html"

    class Meta:
        verbose_name = _("workshop index")
        verbose_name_plural = _("workshop indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = (
            WorkshopTemplatePage.objects.child_of(self)
            .live()
            .select_related("module", "unit")
            .order_by(
                F("module__number").asc(nulls_last=True),
                F("unit__sort_order").asc(nulls_first=True),
                "unit_id",
                "title",
            )
        )
        context["modules"] = group_by_module(viewable_by(request, workshops))
        return context


def viewable_by(request, pages):
    """The pages whose own view restrictions (password, login, groups) let this request in.

    Restrictions of the index and its ancestors were checked when the index was served.
    """
    pages = list(pages)
    restrictions = PageViewRestriction.objects.filter(page__in=pages)
    refused = {r.page_id for r in restrictions if not r.accept_request(request)}
    return [page for page in pages if page.pk not in refused]


def group_by_module(workshops):
    """``[(module or None, [(unit or None, [workshop, …]), …]), …]`` in the order given."""
    grouped = []
    for workshop in workshops:
        if not grouped or grouped[-1][0] != workshop.module:
            grouped.append((workshop.module, []))
        units = grouped[-1][1]
        if not units or units[-1][0] != workshop.unit:
            units.append((workshop.unit, []))
        units[-1][1].append(workshop)
    return grouped
