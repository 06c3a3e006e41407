"""The edition editor's form: one input per slot of the template, and the publishing rule."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.blocks import BlockField

from ..core.time_zones import has_utc_date, in_zone, zone_or_none
from ..workshops import slots
from ..workshops.models import EDITOR_JS
from .fill_blocks import SlotFillContentBlock
from .fill_merge import fill_digest, fill_key, merge_fills

#: The buttons of the page editor that ask for the edition to go live, now or after moderation.
PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")


def content_field_name(slot):
    return f"lg-fill-{slot.key}"


def not_applicable_field_name(slot):
    return f"lg-na-{slot.key}"


def shown_digest_field_name(slot):
    return f"lg-shown-{slot.key}"


def drop_other_kinds_field_name(slot):
    return f"lg-drop-other-kinds-{slot.key}"


def other_kinds(slot, fill):
    """The stored blocks of ``fill`` that ``slot`` no longer accepts (its kinds changed)."""
    if fill is None:
        return []
    allowed = set(slot.block_names)
    return [
        item for item in fill.content if isinstance(item, dict) and item.get("type") not in allowed
    ]


def delete_orphan_field_name(key):
    return f"lg-delete-orphan-{key}"


class SessionStartInput(AdminDateTimeInput):
    """Wagtail's date and time picker, whose list of times goes in steps of five minutes.

    Its own steps are whole hours, so that "10:30" could only be typed.
    """

    minutes_step = 5

    def get_config(self):
        return {**super().get_config(), "step": self.minutes_step}


class SlotFillsForm(forms.Form):
    """The inputs of an edition's fills: one per slot, and a delete box per orphan.

    A form of its own, owned by :class:`LocalEditionPageForm` as Wagtail's page forms own
    their inline formsets: its fields change with the template, so the page editor's panels
    cannot declare them, and would otherwise render them a second time as "missing" fields.
    """

    def __init__(self, template_slots, stored, *args, template_available=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.guided = set()
        content_block = SlotFillContentBlock()
        for slot in template_slots:
            block, guided = content_block.for_slot(slot)
            if guided:
                self.guided.add(slot.key)
            fill = stored.get(slot.key)
            # Blocks of kinds the slot no longer takes are shown apart, not in its input.
            shown_apart = other_kinds(slot, fill)
            editable = [item for item in (fill.content if fill else []) if item not in shown_apart]
            initial = block.to_python(editable) if editable else None
            self.fields[content_field_name(slot)] = BlockField(
                block=block,
                required=False,
                label=slot.title,
                initial=initial if initial else block.blank_value(),
            )
            # The fill as this form shows it, so that saving can tell the editor's changes from
            # what other editors saved meanwhile (see fill_merge).
            shown = list(block.get_prep_value(initial)) if initial else []
            self.fields[shown_digest_field_name(slot)] = forms.CharField(
                required=False,
                widget=forms.HiddenInput,
                initial=fill_digest(shown + shown_apart, bool(fill and fill.not_applicable)),
            )
            if other_kinds(slot, fill):
                self.fields[drop_other_kinds_field_name(slot)] = forms.BooleanField(
                    required=False, label=_("Remove this content for good")
                )
            if not slot.required:
                self.fields[not_applicable_field_name(slot)] = forms.BooleanField(
                    required=False,
                    label=_("Not applicable here"),
                    help_text=_("Counts as done; readers see nothing in its place."),
                    initial=bool(fill and fill.not_applicable),
                )
        keys = {slot.key for slot in template_slots}
        # While the template is unpublished, no slot is known: that makes no fill an orphan.
        self.orphans = (
            [fill for key, fill in stored.items() if key not in keys] if template_available else []
        )
        for fill in self.orphans:
            self.fields[delete_orphan_field_name(fill.key)] = forms.BooleanField(
                required=False, label=_("Delete this content for good")
            )


class LocalEditionPageForm(WagtailAdminPageForm):
    """Session details as usual, then the fills: one input per slot, in template order.

    Each input accepts only the kinds of content its slot allows. Fills whose slot is gone
    from the template (orphans) are carried over untouched unless the editor deletes them.
    A draft may leave any slot empty; publishing with a required slot empty is refused.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and self.instance.pk is None:
            # A new edition's template arrives with the post; its slots decide whether the
            # edition may be published, so they must be known before the form is cleaned.
            self.instance.workshop_id = self.posted_workshop_id()
        self.template_slots = self.instance.template_slots()
        # The fills stored now: others may have saved since this editor's form was opened.
        self.stored_raw = list(self.instance.fills.raw_data)
        self.stored_items = {}
        for item in self.stored_raw:
            key = fill_key(item)
            if key is not None:
                self.stored_items.setdefault(key, item)
        self.stored_fills = self.instance.stored_fills()
        self.fills_form = SlotFillsForm(
            self.template_slots,
            self.stored_fills,
            template_available=self.instance.published_template is not None,
            data=self.data if self.is_bound else None,
            files=self.files if self.is_bound else None,
        )
        self.guided = self.fills_form.guided
        self.orphans = self.fills_form.orphans
        self.show_session_time_in_office_time_zone()
        self.lock_template_and_office()

    #: The fields that tie an edition to its template and its office.
    SOURCE_FIELDS = ("workshop", "location")

    def lock_template_and_office(self):
        """Only those who may edit the template change an edition's template or office.

        For anyone else (an office's local editors) the two fields are shown read-only and a
        post changing them is ignored: Django keeps a disabled field's stored value. See
        :meth:`.LocalEditionPage.template_and_office_editable_by`.
        """
        user = self.for_user
        if user is None or self.instance.template_and_office_editable_by(user):
            return
        for name in self.SOURCE_FIELDS:
            field = self.fields.get(name)
            if field is not None:
                field.disabled = True
                field.help_text = _(
                    "Set by the central learning team: those who may edit the workshop "
                    "template may change it."
                )

    def posted_workshop_id(self):
        """The template id the post names, or ``None`` when it names none that could exist."""
        value = self.data.get(self.add_prefix("workshop"))
        try:
            workshop_id = int(value)
        except (TypeError, ValueError):
            return None
        return workshop_id if 0 < workshop_id < 2**31 else None

    def office_time_zone(self, location=None):
        location = location or getattr(self.instance, "location", None)
        return zone_or_none(location.time_zone) if location else None

    def show_session_time_in_office_time_zone(self):
        """The session time is entered and shown in the office's time zone, not the editor's.

        A local editor thinks of "10:00 in our library"; a central editor helping out from
        another continent should see and type the same.
        """
        field = self.fields.get("session_starts")
        office_zone = self.office_time_zone()
        if field is None or office_zone is None:
            return
        field.help_text = _("In the office's time zone, %(zone)s.") % {"zone": office_zone.key}
        starts = self.instance.session_starts
        local = in_zone(starts, office_zone)
        if local is not None:
            # The office's wall-clock time, labelled with the zone the form works in, so that
            # the form neither shifts it nor reports it changed when the editor left it alone.
            self.initial["session_starts"] = timezone.make_aware(local.replace(tzinfo=None))
        elif starts is not None:
            # So far ahead that it has no date in the office's zone: shown as stored, in UTC.
            field.help_text = _(
                "Shown in UTC: this time has no date in the office's time zone, %(zone)s."
            ) % {"zone": office_zone.key}

    @property
    def media(self):
        return super().media + self.fills_form.media + forms.Media(js=[EDITOR_JS])

    @cached_property
    def is_publishing(self):
        if any(action in self.data for action in PUBLISHING_ACTIONS):
            return True
        # A moderator approving from inside the editor publishes what the form holds.
        return (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )

    def has_changed(self):
        # Wagtail saves a new revision on a workflow action only when the form changed.
        return super().has_changed() or self.fills_form.has_changed()

    def clean_location(self):
        """An edition belongs to the office whose section it lives in, not to another."""
        location = self.cleaned_data.get("location")
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        section = getattr(location, "page", None)
        if location is not None and section is None and location.pk != self.instance.location_id:
            # Without a section, nothing ties the edition to its office's editors, and it would
            # take that office's one edition of the template wherever it was made.
            raise ValidationError(
                _(
                    "%(office)s has no section of the intranet yet, so it cannot have editions. "
                    "Give it a section page under Learning groups → Locations first."
                )
                % {"office": location}
            )
        # A tree path starts with the paths of all its ancestors.
        if section is not None and parent is not None and not parent.path.startswith(section.path):
            raise ValidationError(
                _(
                    "%(office)s’s editions live under its section, %(section)s; this page "
                    "is elsewhere. Create the edition under that section instead."
                )
                % {"office": location, "section": section.title}
            )
        return location

    def clean(self):
        cleaned_data = super().clean()
        office_zone = self.office_time_zone(cleaned_data.get("location"))
        starts = cleaned_data.get("session_starts")
        if "session_starts" in self.fields and "session_starts" not in self.changed_data:
            # Left alone: the stored time stays exactly as it is, whatever the zones make of it.
            cleaned_data["session_starts"] = self.instance.session_starts
        elif starts is not None and office_zone is not None:
            # The form read the time in the editor's zone; it was meant in the office's.
            wall_clock = timezone.make_naive(starts) if timezone.is_aware(starts) else starts
            starts = wall_clock.replace(tzinfo=office_zone)
            cleaned_data["session_starts"] = starts
        if starts is not None and not has_utc_date(starts):
            self.add_error(
                "session_starts",
                _("That date is too far ahead to store. Enter a date before the year 9999."),
            )
        if not self.fills_form.is_valid():
            self.add_error(None, _("Check the local content: some of it is not valid."))
        fills_data, fills_errors = self.fills_form.cleaned_data, self.fills_form.errors
        items, changed = [], set()
        for slot in self.template_slots:
            name = content_field_name(slot)
            value = fills_data.get(name)
            stored = self.stored_items.get(slot.key)
            not_applicable = bool(fills_data.get(not_applicable_field_name(slot)))
            if name in fills_errors or value is None:
                # Invalid, or not in the post at all: keep the stored content.
                content = (stored or {}).get("value", {}).get("content") or []
            else:
                content = list(self.fills_form.fields[name].block.get_prep_value(value))
                # Blocks of kinds the slot no longer takes are not in its input: keep them
                # unless the editor removes them on purpose.
                if not fills_data.get(drop_other_kinds_field_name(slot)):
                    content += other_kinds(slot, self.stored_fills.get(slot.key))
            # A post that does not say what its form showed counts as changing everything.
            if fills_data.get(shown_digest_field_name(slot)) != fill_digest(
                content, not_applicable
            ):
                changed.add(slot.key)
            if stored is None and not content and not not_applicable:
                continue
            items.append(self.fill_item(slot.key, content, not_applicable))
        # Everything stored under a key the template has no slot for is carried over: an
        # orphan until the editor deletes it, or all fills while the template is unavailable.
        slot_keys = {slot.key for slot in self.template_slots}
        for key, item in self.stored_items.items():
            if key in slot_keys:
                continue
            if fills_data.get(delete_orphan_field_name(key)):
                changed.add(key)
            else:
                items.append(item)
        # The editor's changes over what is stored now; saving merges them again into what is
        # stored by then (LocalEditionPage.save_revision). The publishing rule reads the result.
        items = merge_fills(self.stored_raw, items, changed)
        self.instance.fills = items
        self.instance.changed_fill_keys = changed
        if self.is_publishing:
            if self.instance.workshop_id and self.instance.published_template is None:
                self.publish_refused = True
                self.add_error(
                    None,
                    _(
                        "This edition cannot be published while its workshop template is not "
                        "published. Save a draft; publish it when the template is back."
                    ),
                )
            self.refuse_empty_required_slots(items)
        return cleaned_data

    def fill_item(self, key, content, not_applicable):
        stored = self.stored_items.get(key) or {}
        return {
            "type": "fill",
            "id": stored.get("id") or str(uuid.uuid4()),
            "value": {"key": key, "not_applicable": not_applicable, "content": content},
        }

    def refuse_empty_required_slots(self, items):
        progress = slots.progress(self.template_slots, slots.fills_from_raw(items))
        if progress.is_complete:
            return
        titles = ", ".join(f"“{slot.title}”" for slot in progress.missing_required)
        self.publish_refused = True
        self.missing_required_keys = {slot.key for slot in progress.missing_required}
        self.add_error(
            None,
            ValidationError(
                _(
                    "This edition cannot be published while required slots are empty: "
                    "%(titles)s. Fill them, or save a draft."
                )
                % {"titles": titles},
                code="required_slots_empty",
            ),
        )

    missing_required_keys = frozenset()
    #: Whether publishing was refused by a rule of editions that drafts need not keep: the
    #: editor's script then keeps Wagtail's autosave from saying "Saved" beside the refusal.
    publish_refused = False
