"""Local-content slots: the gaps of a template that each office fills."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from ..core.blocks import PREVIEW_TEMPLATE, TolerantStructBlock
from ..core.keys import SlotKeyBlock
from . import slots

__all__ = ["LocalSlotBlock"]


class LocalSlotBlock(TolerantStructBlock):
    """A deliberate gap in a template that each office fills in its own edition.

    Its key is created when the slot is first saved and kept through renames, reordering and
    new revisions: an edition's fills are stored under it. Readers of the template see an
    "each office adds" placeholder; readers of an edition see the office's fill, or the
    fallback while it is empty.
    """

    is_local_slot = True

    key = SlotKeyBlock()
    title = blocks.CharBlock(
        max_length=120,
        label=_("What each office adds"),
        help_text=_(
            'Short, for readers and editors alike, e.g. "A colleague who has worked '
            'with members of parliament".'
        ),
    )
    instructions = blocks.TextBlock(
        required=False,
        label=_("Instructions for local editors"),
        help_text=_("Shown to local editors as guidance in the empty input; never to readers."),
    )
    example = blocks.TextBlock(
        required=False,
        label=_("Example of a good fill"),
        help_text=_("Shown to local editors beside the input."),
    )
    required = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("Required"),
        help_text=_("An edition cannot be published while a required slot is empty."),
    )
    kinds = blocks.MultipleChoiceBlock(
        choices=slots.FILL_KINDS,
        default=["text"],
        widget=forms.CheckboxSelectMultiple,
        label=_("What may fill it"),
    )
    when_empty = blocks.ChoiceBlock(
        choices=[
            (slots.WHEN_EMPTY_FALLBACK, _("Show the fallback text")),
            (slots.WHEN_EMPTY_NOTHING, _("Show nothing")),
        ],
        default=slots.WHEN_EMPTY_FALLBACK,
        label=_("While it is empty, readers see"),
    )
    fallback = blocks.TextBlock(
        required=False,
        label=_("Fallback text"),
        help_text=_('e.g. "Ask your learning champion who will speak at your office."'),
    )

    def get_default(self):
        """A new slot's values, which pass validation once it has a title.

        A new slot shows readers the fallback text while it is empty, and a fallback must
        then be written: the slot starts with one, which the editor may change. (Set here
        rather than as the fallback field's default, which migrations would record.)
        """
        value = super().get_default()
        if not value.get("fallback"):
            value["fallback"] = gettext("Ask your learning champion.")
        return value

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if value.get("when_empty") == slots.WHEN_EMPTY_FALLBACK and not value.get("fallback"):
            raise StructBlockValidationError(
                block_errors={
                    "fallback": ValidationError(
                        _('Write the fallback text, or choose "Show nothing".')
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        fills = (parent_context or {}).get("lg_fills")
        if fills is None:
            context["state"] = "placeholder"
            return context
        fill_value = fills.get(value.get("key"))
        fill = None
        if fill_value is not None:
            fill = slots.Fill(
                key=value.get("key"),
                content=list(fill_value["content"].raw_data),
                not_applicable=bool(fill_value.get("not_applicable")),
            )
        slot = slots.Slot(key=value.get("key"), title="", required=bool(value.get("required")))
        context["state"] = slots.fill_state(slot, fill)
        context["fill"] = fill_value
        return context

    class Meta:
        icon = "site"
        template = "wagtail_learninggroups/blocks/slot.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Local content slot")
        group = _("Local content")
        description = _(
            "A gap each office fills in its own edition, such as a local speaker or an event."
        )
        label_format = "{title}"
        preview_value = {
            "title": "A colleague who has worked with members of parliament",
            "required": True,
            "kinds": ["person"],
            "when_empty": slots.WHEN_EMPTY_FALLBACK,
            "fallback": "Ask your learning champion.",
        }
