"""Local editions: one office's version of one workshop template, composed when it is read.

An edition stores only what the office adds (its session details and the fills of the
template's slots, keyed by slot key) and a reference to its template. Reading it walks the
template's *published* body and puts each fill in place of its slot, so a template publish
reaches every edition at once and the central parts cannot drift.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..core.pages import LearningGroupsPage
from ..core.privacy import refused_restrictions, view_restrictions
from ..core.sanitise import safe_url
from ..core.streams import loads_stream
from ..core.time_zones import in_zone, zone_or_none
from ..curriculum.locations import Location
from ..workshops import slots
from ..workshops.blocks import SEGMENT_KIND_LABELS
from ..workshops.models import WorkshopTemplatePage, WorkshopViewsMixin, agenda_segments
from .fill_blocks import SlotFillContentBlock, SlotFillsBlock
from .fill_merge import merge_fills
from .forms import LocalEditionPageForm, SessionStartInput
from .panels import LockableFieldPanel, LockablePageChooserPanel, SlotFillsPanel

logger = logging.getLogger(__name__)


def revision_body(revision):
    """The body JSON a page revision holds, as a list; empty when it cannot be read."""
    content = revision.content if revision is not None else None
    return loads_stream(content.get("body") if isinstance(content, dict) else None)


def template_outline(raw_body):
    """``(slots, agenda segments)`` of a template body's JSON: what editions plan around."""
    block = WorkshopTemplatePage._meta.get_field("body").stream_block
    return slots.find_slots(block, raw_body), agenda_segments(raw_body)


def agenda_items(raw_body):
    """``[(id or None, segment), …]``: the agenda segments of a body's JSON, with their ids.

    Like :func:`.agenda_segments`; the ids tell a renamed segment from one removed and one
    added. JSON older than Wagtail's list item ids has none.
    """
    items = []
    for child in raw_body or ():
        if not isinstance(child, Mapping) or child.get("type") != "agenda":
            continue
        value = child.get("value")
        segments = value.get("segments") if isinstance(value, Mapping) else None
        for item in segments if isinstance(segments, list) else ():
            is_wrapped = isinstance(item, Mapping) and item.get("type") == "item"
            segment = item.get("value") if is_wrapped else item
            if isinstance(segment, Mapping):
                items.append((item.get("id") if is_wrapped else None, segment))
    return items


def pair_segments(old, new):
    """``(pairs, removed, added)`` of two lists from :func:`agenda_items`.

    Segments pair by id; those left over pair by title. ``pairs`` holds ``(old index, new
    index)`` in the new order.
    """
    old_left, new_left = dict(enumerate(old)), dict(enumerate(new))
    pairs = []
    for key in ("id", "title"):
        for new_index, (item_id, segment) in list(new_left.items()):
            wanted = item_id if key == "id" else segment.get("title")
            if not wanted:
                continue
            for old_index, (old_id, old_segment) in old_left.items():
                if wanted == (old_id if key == "id" else old_segment.get("title")):
                    pairs.append((old_index, new_index))
                    del old_left[old_index], new_left[new_index]
                    break
    pairs.sort(key=lambda pair: pair[1])
    return pairs, [old[i][1] for i in sorted(old_left)], [new[i][1] for i in sorted(new_left)]


def _title(segment):
    return str(segment.get("title") or "") or gettext("Untitled")


@dataclass(frozen=True)
class TemplateChanges(slots.TemplateChanges):
    """What changed in a template since an edition was published against it, in words.

    Besides the slots added and removed and whether the agenda changed (see
    :class:`.slots.TemplateChanges`), the slots renamed, made required or optional or given
    other kinds, and the agenda segments added, removed, renamed, retimed, changed in kind or
    in being core, and reordered: what a local editor plans around. :meth:`describe` says it
    all, for an editor who may not open Wagtail's comparison of revisions.
    """

    renamed: tuple = ()  # (old slot, new slot)
    now_required: tuple = ()
    now_optional: tuple = ()
    kinds_changed: tuple = ()  # new slots
    segments_added: tuple = ()
    segments_removed: tuple = ()
    segments_renamed: tuple = ()  # (old segment, new segment)
    segments_retimed: tuple = ()  # (old segment, new segment)
    segments_rekinded: tuple = ()  # new segments
    segments_core_changed: tuple = ()  # new segments
    segments_reordered: bool = False

    def __bool__(self):
        slot_changes = (self.renamed, self.now_required, self.now_optional, self.kinds_changed)
        return super().__bool__() or any(slot_changes) or self.agenda_described

    def describe(self):
        """One sentence per change, such as "Slot renamed: “A” is now “B”"."""
        said = []
        for slot in self.new_required:
            said.append(gettext("New required slot: “%(title)s”") % {"title": slot.title})
        for slot in self.new_optional:
            said.append(gettext("New optional slot: “%(title)s”") % {"title": slot.title})
        for slot in self.removed:
            said.append(gettext("Slot removed: “%(title)s”") % {"title": slot.title})
        for old, new in self.renamed:
            said.append(
                gettext("Slot renamed: “%(old)s” is now “%(new)s”")
                % {"old": old.title, "new": new.title}
            )
        for slot in self.now_required:
            said.append(gettext("Slot now required: “%(title)s”") % {"title": slot.title})
        for slot in self.now_optional:
            said.append(gettext("Slot now optional: “%(title)s”") % {"title": slot.title})
        for slot in self.kinds_changed:
            kinds = "; ".join(str(label) for label in slot.kind_labels)
            said.append(
                gettext("Slot “%(title)s” now takes: %(kinds)s")
                % {"title": slot.title, "kinds": kinds}
            )
        for segment in self.segments_added:
            said.append(
                gettext("New agenda segment: “%(title)s”, %(minutes)s min")
                % {"title": _title(segment), "minutes": segment.get("minutes") or 0}
            )
        for segment in self.segments_removed:
            said.append(
                gettext("Agenda segment removed: “%(title)s”") % {"title": _title(segment)}
            )
        for old, new in self.segments_renamed:
            said.append(
                gettext("Agenda segment renamed: “%(old)s” is now “%(new)s”")
                % {"old": _title(old), "new": _title(new)}
            )
        for old, new in self.segments_retimed:
            said.append(
                gettext("Agenda segment “%(title)s”: %(old)s min is now %(new)s min")
                % {
                    "title": _title(new),
                    "old": old.get("minutes") or 0,
                    "new": new.get("minutes") or 0,
                }
            )
        for segment in self.segments_rekinded:
            kind = segment.get("kind")
            kind = SEGMENT_KIND_LABELS.get(kind, kind) if isinstance(kind, str) else ""
            said.append(
                gettext("Agenda segment “%(title)s” is now: %(kind)s")
                % {"title": _title(segment), "kind": kind}
            )
        for segment in self.segments_core_changed:
            if segment.get("core"):
                message = gettext("Agenda segment “%(title)s” is now core: it must not be cut")
            else:
                message = gettext("Agenda segment “%(title)s” may now be cut")
            said.append(message % {"title": _title(segment)})
        if self.segments_reordered:
            said.append(gettext("Agenda segments in a new order"))
        if self.agenda_changed and not self.agenda_described:
            said.append(gettext("Agenda changed"))
        return said

    @property
    def agenda_described(self):
        """Whether :meth:`describe` names a change of the agenda's segments."""
        return any(
            (
                self.segments_added,
                self.segments_removed,
                self.segments_renamed,
                self.segments_retimed,
                self.segments_rekinded,
                self.segments_core_changed,
                self.segments_reordered,
            )
        )


def compare_templates(old_body, new_body):
    """:class:`TemplateChanges` between two versions of a template body's JSON."""
    old_slots, old_agenda = template_outline(old_body)
    new_slots, new_agenda = template_outline(new_body)
    base = slots.template_changes(old_slots, new_slots, old_agenda, new_agenda)
    old_by_key = {slot.key: slot for slot in old_slots}
    kept = [(old_by_key[slot.key], slot) for slot in new_slots if slot.key in old_by_key]
    old_items, new_items = agenda_items(old_body), agenda_items(new_body)
    pairs, removed, added = pair_segments(old_items, new_items)
    matched = [(old_items[o][1], new_items[n][1]) for o, n in pairs]
    return TemplateChanges(
        new_required=base.new_required,
        new_optional=base.new_optional,
        removed=base.removed,
        agenda_changed=base.agenda_changed,
        renamed=tuple((o, n) for o, n in kept if o.title != n.title),
        now_required=tuple(n for o, n in kept if n.required and not o.required),
        now_optional=tuple(n for o, n in kept if o.required and not n.required),
        kinds_changed=tuple(n for o, n in kept if set(o.kinds) != set(n.kinds)),
        segments_added=tuple(added),
        segments_removed=tuple(removed),
        segments_renamed=tuple((o, n) for o, n in matched if o.get("title") != n.get("title")),
        segments_retimed=tuple(
            (o, n) for o, n in matched if str(o.get("minutes")) != str(n.get("minutes"))
        ),
        segments_rekinded=tuple(n for o, n in matched if o.get("kind") != n.get("kind")),
        segments_core_changed=tuple(
            n for o, n in matched if bool(o.get("core")) != bool(n.get("core"))
        ),
        segments_reordered=[o for o, _n in pairs] != sorted(o for o, _n in pairs),
    )


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
                LockablePageChooserPanel(
                    "workshop", "wagtail_learninggroups.WorkshopTemplatePage"
                ),
                LockableFieldPanel("location"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldPanel("session_format"),
                FieldPanel("session_starts", widget=SessionStartInput),
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
        """What the template changed since this edition was last published against it.

        A :class:`TemplateChanges`: false when nothing changed; ``describe()`` says what did.
        """
        template = self.published_template
        if template is None or self.template_revision_id is None:
            return TemplateChanges()
        if template.live_revision_id == self.template_revision_id:
            return TemplateChanges()
        return compare_templates(revision_body(self.template_revision), template.body.raw_data)

    def template_and_office_editable_by(self, user):
        """Whether ``user`` may change this edition's template and office.

        Those who may edit the template itself may: the central learning team, which rolls
        templates out. An office's local editors may not; they fill the edition. Anyone who
        may create an edition chooses both for it. An edition whose template is gone is left
        to those who may edit any workshop template.
        """
        if self.pk is None or user.is_superuser:
            return True
        template = WorkshopTemplatePage.objects.filter(pk=self.workshop_id).first()
        if template is not None:
            return template.permissions_for_user(user).can_edit()
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        return editable.type(WorkshopTemplatePage).exists()

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
