"""Admin panels of the package."""

from wagtail.admin.panels import FieldPanel, PageChooserPanel, Panel

from ..workshops import slots
from .fill_merge import second_fills


def second_fill_content(item):
    """The content list of a stored fill item, or ``[]`` when it has none to show."""
    content = item.get("value", {}).get("content")
    return content if isinstance(content, list) else []


class LockableFieldPanel(FieldPanel):
    """A field panel that shows its value read-only, as Wagtail's ``read_only`` panels do,
    whenever the form disabled the field for this editor (see ``LocalEditionPageForm``)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None and self.bound_field.field.disabled:
                self.read_only = True


class LockablePageChooserPanel(PageChooserPanel):
    """A page chooser panel that shows its page read-only when the form disabled its field."""

    BoundPanel = LockableFieldPanel.BoundPanel


class SlotFillsPanel(Panel):
    """The local editor's view of the template's slots: one input per slot, in template order.

    Each slot shows its title, where it sits, whether it is required, what may fill it and an
    example of a good fill; its instructions guide the editor from inside the empty input. Fills
    whose slot left the template are listed apart, with their content, until deleted on purpose.
    Works with :class:`~wagtail_learninggroups.editions.forms.LocalEditionPageForm`.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_learninggroups/admin/slot_fills_panel.html"

        def get_context_data(self, parent_context=None):
            from .fill_blocks import SlotFillContentBlock
            from .forms import (
                content_field_name,
                delete_orphan_field_name,
                drop_other_kinds_field_name,
                other_kinds,
                shown_digest_field_name,
            )
            from .forms import not_applicable_field_name as na_name

            context = super().get_context_data(parent_context)
            content_block = SlotFillContentBlock()
            form, edition = self.form, self.instance
            fills_form = getattr(form, "fills_form", None)
            stored = edition.stored_fills()
            seconds = second_fills(edition.fills.raw_data)
            changes = edition.template_changes()
            new_keys = {slot.key for slot in changes.new_required + changes.new_optional}
            missing = getattr(form, "missing_required_keys", frozenset())
            context["rows"] = [
                {
                    "slot": slot,
                    "field": fills_form[content_field_name(slot)],
                    "shown": fills_form[shown_digest_field_name(slot)],
                    "not_applicable": (
                        fills_form[na_name(slot)] if na_name(slot) in fills_form.fields else None
                    ),
                    "state": slots.fill_state(slot, stored.get(slot.key)),
                    "is_new": slot.key in new_keys,
                    "refused": slot.key in missing,
                    "guided": slot.key in form.guided,
                    "other_kinds": content_block.to_python(
                        other_kinds(slot, stored.get(slot.key))
                    ),
                    "second_fills": [
                        content_block.to_python(second_fill_content(item))
                        for item in seconds.get(slot.key, ())
                    ],
                    "drop_other_kinds": (
                        fills_form[drop_other_kinds_field_name(slot)]
                        if drop_other_kinds_field_name(slot) in fills_form.fields
                        else None
                    ),
                }
                for slot in getattr(form, "template_slots", ())
            ]
            context["orphans"] = [
                {
                    "fill": fill,
                    "content": content_block.to_python(fill.content),
                    "delete": fills_form[delete_orphan_field_name(fill.key)],
                }
                for fill in getattr(form, "orphans", ())
            ]
            context["edition"] = edition
            context["template_available"] = edition.published_template is not None
            context["changes"] = changes.describe()
            context["publish_refused"] = getattr(form, "publish_refused", False)
            # The comparison is a page of the template's history: for those who may edit it.
            template = edition.published_template
            may_compare = template is not None and (
                template.permissions_for_user(self.request.user).can_edit()
            )
            context["comparison_url"] = (
                edition.template_comparison_url() if changes and may_compare else None
            )
            return context
