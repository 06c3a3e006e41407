"""The ready-made page types: workshop templates and the index that lists them."""

import json
from collections.abc import Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
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


#: The editor's script that keeps the unit list to the chosen module's units.
EDITOR_JS = "wagtail_learninggroups/js/editor.js"


def template_skeleton():
    """What a new template starts from: a summary and a body the editor rewrites.

    Objectives, an agenda of two segments (one a discussion), a discussion and a tip for the
    facilitator. It passes validation as it stands, so that an editor who only gives the page
    a title may save or publish it; its text is in the editor's language.
    """
    discussion = gettext("Discussion")
    body = [
        {
            "type": "objectives",
            "value": {
                "heading": "",
                "objectives": [
                    gettext("Explain the main idea of this workshop"),
                    gettext("Relate it to the work of your office"),
                ],
            },
        },
        {
            "type": "agenda",
            "value": {
                "heading": "",
                "segments": [
                    {"title": gettext("Introduction"), "minutes": 15, "kind": "presentation"},
                    {"title": discussion, "minutes": 30, "kind": "discussion", "core": True},
                ],
            },
        },
        {
            "type": "discussion",
            "value": {
                "title": discussion,
                "prompts": [gettext("What does this change for the work of your office?")],
                "group_size": 4,
                "minutes": 30,
            },
        },
        {
            "type": "guidance",
            "value": {
                "kind": "tip",
                "title": gettext("Before the session"),
                "text": format_html(
                    "<p>{}</p>",
                    gettext(
                        "Read the workshop through once and choose examples from your office."
                    ),
                ),
                "checklist": [],
            },
        },
    ]
    summary = gettext("What this workshop is about, and why it matters to our offices.")
    return summary, body


class UnitSelect(forms.Select):
    """The unit list; the editor's script narrows it to the units of the module chosen."""

    @property
    def media(self):
        return forms.Media(js=[EDITOR_JS])


class WorkshopTemplatePageForm(WagtailAdminPageForm):
    """The template editor's form: a new template starts from a skeleton, and the unit list
    holds the units of the chosen module only, in their order.

    Without the editor's script the list is the one of the module the page had when the form
    was opened; with it, it follows the module select. Either way the unit posted must belong
    to the module posted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound and not self.instance.body:
            summary, body = template_skeleton()
            if not self.initial.get("summary"):
                self.initial["summary"] = summary
            stream_block = WorkshopTemplatePage._meta.get_field("body").stream_block
            self.initial["body"] = stream_block.to_python(body)
        self.limit_units()

    def posted_id(self, name):
        """The id the post gives ``name``, or ``None`` when it gives none that could exist."""
        value = str(self.data.get(self.add_prefix(name)) or "")
        return int(value) if value.isdecimal() and 0 < int(value) < 2**31 else None

    def chosen_module_id(self):
        if self.is_bound:
            return self.posted_id("module")
        return self.initial.get("module") or self.instance.module_id

    def unit_refusal(self, units, module_id):
        """What a post naming a unit outside the chosen module is told."""
        posted = self.posted_id("unit") if self.is_bound else None
        other = None
        if posted is not None:
            other = units.exclude(module_id=module_id).select_related("module")
            other = other.filter(pk=posted).first()
        if other is None:
            return _("Choose a unit of the chosen module.")
        return _("This unit belongs to %(module)s. Choose a unit of the chosen module.") % {
            "module": other.module
        }

    def limit_units(self):
        unit, module = self.fields.get("unit"), self.fields.get("module")
        if unit is None:
            return
        units = CurriculumUnit.objects.order_by("module__number", "sort_order", "pk")
        module_id = self.chosen_module_id()
        if module_id:
            unit.queryset = units.filter(module_id=module_id)
            unit.error_messages["invalid_choice"] = self.unit_refusal(units, module_id)
        else:
            unit.queryset = units
        if module is None:
            return
        # Every module's units, for the script to rebuild the list when the module changes.
        by_module = {}
        for pk, module_pk, title in units.values_list("pk", "module_id", "title"):
            by_module.setdefault(str(module_pk), []).append([pk, title])
        unit.widget.attrs.update(
            {
                "data-lg-units": json.dumps(by_module, separators=(",", ":")),
                "data-lg-module-field": self["module"].auto_id,
            }
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
        FieldRowPanel([FieldPanel("module"), FieldPanel("unit", widget=UnitSelect)]),
        FieldPanel("body"),
    ]
    base_form_class = WorkshopTemplatePageForm
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
