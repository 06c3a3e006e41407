"""Stable keys: what slots and quizzes keep their local content and attempts under."""

import uuid

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.blocks.field_block import FieldBlockAdapter

try:  # Wagtail 7.1 and later
    from wagtail.admin.telepath import register
except ImportError:  # Wagtail 7.0
    from wagtail.telepath import register

#: The editor's definition of the key block, which hides the key's row, label and all; it
#: extends Wagtail's definitions of blocks.
SLOT_KEY_JS = "wagtail_learninggroups/js/slot-key.js"
WAGTAIL_BLOCKS_JS = "wagtailadmin/js/telepath/blocks.js"


def new_slot_key():
    """A fresh slot key: short, opaque and unique enough for one template."""
    return uuid.uuid4().hex[:12]


def iter_slot_values(block, value, marker="is_local_slot"):
    """The slot values (``StructValue``) inside a block value, in reading order.

    ``marker`` names the attribute that marks the blocks sought: ``"is_quiz"`` finds quizzes,
    which carry stable keys too.
    """
    if getattr(block, marker, False):
        yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value or ():
            yield from iter_slot_values(child.block, child.value, marker)
    elif isinstance(block, blocks.ListBlock):
        for item in value or ():
            yield from iter_slot_values(block.child_block, item, marker)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if value is not None and name in value:
                yield from iter_slot_values(child, value[name], marker)


def renew_duplicate_keys(block, value, marker="is_local_slot"):
    """Give every slot in ``value`` a key, and a fresh one to each copy of a key met before.

    Copying a slot in the editor copies its key too; the first slot keeps it, so the fills of
    the existing slot stay where they are and the copy starts empty. Quizzes (``marker``
    ``"is_quiz"``) are treated alike: their attempts stay with the original.
    """
    seen = set()
    for slot in iter_slot_values(block, value, marker):
        if not slot.get("key") or slot["key"] in seen:
            slot["key"] = new_slot_key()
        seen.add(slot["key"])
    return value


class SlotKeyInput(forms.HiddenInput):
    """The slot key travels with the form, out of the editor's sight and reach."""


class SlotKeyBlock(blocks.FieldBlock):
    """A slot's stable key: written once when the slot is first saved, then carried along."""

    def __init__(self, **kwargs):
        self.field = forms.CharField(
            required=False, max_length=40, widget=SlotKeyInput(attrs={"data-lg-slot-key": ""})
        )
        super().__init__(**kwargs)

    def clean(self, value, *args, **kwargs):
        return super().clean(value, *args, **kwargs) or new_slot_key()

    def deconstruct(self):
        args, kwargs = self._constructor_args
        return "wagtail_learninggroups.blocks.SlotKeyBlock", args, kwargs

    class Meta:
        default = ""
        icon = "key"
        label = _("Key")
        form_attrs = {"hidden": ""}


class SlotKeyBlockAdapter(FieldBlockAdapter):
    """The key's block in the editor: Wagtail's field block, without its row.

    A struct block shows each child's label above it; the key's input is hidden, and its
    "Key" label would stand alone over nothing (see ``slot-key.js``).
    """

    js_constructor = "wagtail_learninggroups.blocks.SlotKeyBlock"

    @cached_property
    def media(self):
        # One list, so that Django's merge of the page's media keeps Wagtail's block
        # definitions, which ours extends, before ours.
        return forms.Media(js=[versioned_static(WAGTAIL_BLOCKS_JS), SLOT_KEY_JS])


register(SlotKeyBlockAdapter(), SlotKeyBlock)
