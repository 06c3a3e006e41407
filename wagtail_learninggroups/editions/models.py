"""Local editions: one office's version of one workshop template, composed when it is read.

An edition stores only what the office adds (its session details and the fills of the
template's slots, keyed by slot key) and a reference to its template. Reading it walks the
template's *published* body and puts each fill in place of its slot, so a template publish
reaches every edition at once and the central parts cannot drift.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page, Revision

from ..core.pages import LearningGroupsPage
from ..core.privacy import refused_restrictions, view_restrictions
from ..core.sanitise import safe_url
from ..core.streams import loads_stream
from ..core.time_zones import in_zone, zone_or_none
from ..curriculum.locations import Location
from ..workshops import slots
from ..workshops.models import WorkshopTemplatePage, WorkshopViewsMixin, agenda_segments
from .fill_blocks import SlotFillContentBlock, SlotFillsBlock
from .fill_merge import merge_fills
from .forms import LocalEditionPageForm
from .panels import SlotFillsPanel

logger = logging.getLogger(__name__)


def revision_body(revision):
    """The body JSON a page revision holds, as a list; empty when it cannot be read."""
    content = revision.content if revision is not None else None
    return loads_stream(content.get("body") if isinstance(content, dict) else None)


def template_outline(raw_body):
    """``(slots, agenda segments)`` of a template body's JSON: what editions plan around."""
    block = WorkshopTemplatePage._meta.get_field("body").stream_block
    return slots.find_slots(block, raw_body), agenda_segments(raw_body)


def comparison_url(template_id, revision_id):
    """Wagtail's comparison of a template revision with the template's live version."""
    return reverse("wagtailadmin_pages:revisions_compare", args=(template_id, revision_id, "live"))


class LocalEditionPage(WorkshopViewsMixin, LearningGroupsPage):
    """One office's edition of a workshop template: its session details and its fills.

    It lives under its office's section of the intranet, so Wagtail's page permissions decide
    who edits it. It holds no copy of the template: readers see the template's published
    content with this office's fills in place of the slots.
    """

    class SessionFormat(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        ACCELERATED = "accelerated", _("Accelerated")

    workshop = models.ForeignKey(
        WorkshopTemplatePage,
        verbose_name=_("workshop template"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="editions",
        help_text=_("The central workshop this edition localises."),
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("office"),
        null=True,
        on_delete=models.PROTECT,
        related_name="editions",
    )
    session_format = models.CharField(
        _("session format"),
        max_length=20,
        choices=SessionFormat.choices,
        default=SessionFormat.IN_PERSON,
    )
    session_starts = models.DateTimeField(
        _("date and time"),
        null=True,
        blank=True,
        help_text=_("In the office's time zone."),
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_('e.g. "Library, 2nd floor".')
    )
    joining_url = models.URLField(
        _("joining link"), blank=True, help_text=_("For a virtual session: the meeting link.")
    )
    facilitator = models.CharField(
        _("facilitator"),
        max_length=255,
        blank=True,
        help_text=_("Who runs the session, as readers should see it."),
    )
    fills = StreamField(SlotFillsBlock(), blank=True, verbose_name=_("fills"), default=list)
    template_revision = models.ForeignKey(
        Revision,
        verbose_name=_("template revision"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The revision of the template this edition was last published against."),
    )

    content_panels = [
        TitleFieldPanel("title"),
        FieldRowPanel(
            [
                PageChooserPanel("workshop", "wagtail_learninggroups.WorkshopTemplatePage"),
                FieldPanel("location"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldPanel("session_format"),
                FieldPanel("session_starts"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("joining_url")]),
                FieldPanel("facilitator"),
            ],
            heading=_("Session"),
            icon="date",
        ),
        SlotFillsPanel(heading=_("Local content"), icon="site"),
    ]
    base_form_class = LocalEditionPageForm
    template = "wagtail_learninggroups/pages/local_edition_page.html"
    print_template = "wagtail_learninggroups/pages/local_edition_print.html"
    subpage_types = []

    class Meta:
        verbose_name = _("local edition")
        verbose_name_plural = _("local editions")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "location"],
                name="lg_one_edition_per_template_and_location",
            )
        ]
        permissions = [
            ("view_completeness_report", _("Can view the completeness report of local editions"))
        ]

    def clean(self):
        super().clean()
        if not (self.workshop_id and self.location_id):
            return
        others = LocalEditionPage.objects.filter(
            workshop_id=self.workshop_id, location_id=self.location_id
        ).exclude(pk=self.pk)
        existing = others.first()
        if existing is not None:
            raise ValidationError(
                {
                    "location": _(
                        '%(office)s already has an edition of this workshop: "%(title)s". '
                        "Edit that one instead."
                    )
                    % {"office": self.location, "title": existing.title}
                }
            )

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self.__dict__.pop("published_template", None)

    # Composition ---------------------------------------------------------------------------

    @cached_property
    def published_template(self):
        """The template as it is published, or ``None`` when it is unpublished or deleted."""
        if not self.workshop_id:
            return None
        templates = WorkshopTemplatePage.objects.select_related("module", "unit")
        try:
            # get(), not first(), which would order the pages by path for nothing.
            return templates.get(pk=self.workshop_id, live=True)
        except WorkshopTemplatePage.DoesNotExist:
            return None

    def template_slots(self):
        """The published template's slots, in template order."""
        template = self.published_template
        if template is None:
            return []
        return slots.find_slots(template.body.stream_block, template.body.raw_data)

    @property
    def office_zone(self):
        """The office's time zone, or ``None`` when it has none that is known."""
        return zone_or_none(self.location.time_zone) if self.location_id else None

    def session_starts_in_office(self):
        """``(start, zone name)``: the session's start in the office's time zone.

        In UTC where the office has no known zone, or where the time has no date in it.
        """
        if self.session_starts is None:
            return None, ""
        local = in_zone(self.session_starts, self.office_zone)
        if local is None:
            return self.session_starts, "UTC"
        return local, self.office_zone.key

    def stored_fills(self):
        """``{key: slots.Fill}`` read from the stored JSON, without loading any block."""
        return slots.fills_from_raw(self.fills.raw_data)

    def progress(self):
        return slots.progress(self.template_slots(), self.stored_fills())

    def template_changes(self):
        """What the template changed since this edition was last published against it."""
        template = self.published_template
        if template is None or self.template_revision_id is None:
            return slots.TemplateChanges()
        if template.live_revision_id == self.template_revision_id:
            return slots.TemplateChanges()
        old_slots, old_agenda = template_outline(revision_body(self.template_revision))
        new_slots, new_agenda = template_outline(template.body.raw_data)
        return slots.template_changes(old_slots, new_slots, old_agenda, new_agenda)

    def template_comparison_url(self):
        """Wagtail's comparison of the revision last published against with the live one."""
        if not (self.workshop_id and self.template_revision_id):
            return None
        return comparison_url(self.workshop_id, self.template_revision_id)

    def render_fills(self):
        """``{key: {"content": StreamValue, "not_applicable": bool}}`` for the slot blocks.

        Built from the stored JSON of all fills at once, so that their documents and images
        load in one query per kind rather than one per fill. Should that fail, the fills are
        read one at a time, so that a damaged fill is left out (and logged) rather than
        breaking the page.
        """
        content_block = SlotFillContentBlock()
        stored = self.stored_fills()
        try:
            contents = content_block.bulk_to_python([fill.content for fill in stored.values()])
        except Exception:  # noqa: BLE001 - damaged data must not take the page down
            contents = [self._read_fill(content_block, key, fill) for key, fill in stored.items()]
        return {
            key: {"content": content, "not_applicable": fill.not_applicable}
            for (key, fill), content in zip(stored.items(), contents, strict=True)
            if content is not None
        }

    def _read_fill(self, content_block, key, fill):
        """One fill's content, or ``None`` (logged) when its stored JSON cannot be read."""
        try:
            return content_block.to_python(fill.content)
        except Exception:  # noqa: BLE001 - damaged data must not take the page down
            logger.warning("Edition %s: the fill of slot %s cannot be read", self.pk, key)
            return None

    def get_workshop(self, request):
        template = self.published_template
        if template is None:
            return None
        if refused_restrictions(template, request):
            return None
        return template

    def render_cache_parts(self):
        # Slots show the fills; an event's time reads in the office's time zone.
        return (list(self.fills.raw_data), self.location_id)

    def get_quiz_streams(self, request):
        """Quizzes of an edition live in its template's body, as far as the reader may see it."""
        template = self.get_workshop(request)
        return [template.body] if template is not None else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["edition"] = self
        context["joining_url"] = safe_url(self.joining_url)
        context["session_starts"], context["session_zone"] = self.session_starts_in_office()
        # Read only if a slot renders: kept renderings of the body need no fills.
        context["lg_fills"] = SimpleLazyObject(self.render_fills) if context["workshop"] else {}
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        template = self.published_template
        if template is not None and view_restrictions(template):
            # The page shows a private template's content to those allowed to see it: a shared
            # cache must not pass it on to others.
            add_never_cache_headers(response)
        return response

    # Saving and publishing -----------------------------------------------------------------

    def save_revision(self, *args, **kwargs):
        """Save a revision; the editor form's fills are merged into those stored by then.

        Local editors of an office may fill their own slots of this edition at the same time.
        The editor's form says which slots its editor changed (``changed_fill_keys``); the
        others keep what the latest revision holds, which may be newer than the form. Saves of
        one edition queue on a lock of its page row, so each merges into the one before. (SQLite
        has no row locks: there, two saves at the same instant queue only if the database uses
        immediate transactions, as the example intranet's does; otherwise the second may fail
        with "database is locked".)
        """
        changed = self.__dict__.pop("changed_fill_keys", None)
        if changed is None or self.pk is None:
            return super().save_revision(*args, **kwargs)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.pk).values_list("pk"))
            latest = self.revisions.order_by("-created_at", "-id").first()
            if latest is not None:
                stored = list(latest.as_object().fills.raw_data)
                self.fills = merge_fills(stored, list(self.fills.raw_data), changed)
            return super().save_revision(*args, **kwargs)

    def record_template_revision(self):
        """Remember the template revision this edition is now published against."""
        revision_id = (
            WorkshopTemplatePage.objects.filter(pk=self.workshop_id)
            .values_list("live_revision_id", flat=True)
            .first()
        )
        LocalEditionPage.objects.filter(pk=self.pk).update(template_revision_id=revision_id)
        self.template_revision_id = revision_id
