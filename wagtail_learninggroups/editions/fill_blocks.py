"""The blocks an office fills a slot with, and the stored fill of one slot."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from ..core.blocks import TolerantStreamBlock, TolerantStructBlock
from ..core.keys import SlotKeyBlock
from ..core.richtext import SanitisedRichTextBlock
from ..core.sanitise import safe_url
from ..workshops import slots
from ..workshops.blocks import DiscussionBlock
from ..workshops.resources import ResourcesBlock

__all__ = [
    "PersonFillBlock",
    "EventFillBlock",
    "LinkFillBlock",
    "DocumentFillBlock",
    "ImageFillBlock",
    "VideoFillBlock",
    "SlotFillContentBlock",
    "SlotFillBlock",
]


class SafeLinkMixin:
    """Gives the template ``safe_url``: the block's ``url``, or nothing if its scheme is unsafe."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["safe_url"] = safe_url(value.get("url"))
        return context


class PersonFillBlock(TolerantStructBlock):
    """A person the office brings in: a speaker, a contact, a host."""

    name = blocks.CharBlock(max_length=120, label=_("Name"))
    role = blocks.CharBlock(max_length=255, label=_("Role"))
    photo = ImageChooserBlock(required=False, label=_("Photo"))
    about = blocks.TextBlock(required=False, label=_("About them"))

    class Meta:
        icon = "user"
        label = _("Person")
        template = "wagtail_learninggroups/blocks/fills/person.html"


class EventFillBlock(SafeLinkMixin, TolerantStructBlock):
    """A local event: a visit, a briefing, a session."""

    title = blocks.CharBlock(max_length=255, label=_("What"))
    starts = blocks.DateTimeBlock(label=_("Date and time"))
    venue = blocks.CharBlock(required=False, max_length=255, label=_("Where"))
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        icon = "date"
        label = _("Event")
        template = "wagtail_learninggroups/blocks/fills/event.html"


class LinkFillBlock(SafeLinkMixin, TolerantStructBlock):
    """A link to a page or site the office recommends."""

    title = blocks.CharBlock(max_length=255, label=_("Title"))
    url = blocks.URLBlock(label=_("URL"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "wagtail_learninggroups/blocks/fills/link.html"


class DocumentFillBlock(TolerantStructBlock):
    """A document of the office's own, such as local guidance or a sign-up sheet."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Title"),
        help_text=_("Leave blank to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "wagtail_learninggroups/blocks/fills/document.html"


class ImageFillBlock(TolerantStructBlock):
    """A picture, with the text that describes it to those who cannot see it."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alternative text"),
        help_text=_("What the picture shows, for screen readers. Leave blank if decorative."),
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_learninggroups/blocks/fills/image.html"


class VideoFillBlock(SafeLinkMixin, TolerantStructBlock):
    """A video, linked rather than embedded, like the template's own videos."""

    title = blocks.CharBlock(max_length=255, label=_("Title"))
    url = blocks.URLBlock(label=_("Video URL"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "wagtail_learninggroups/blocks/fills/video.html"


class SlotFillContentBlock(TolerantStreamBlock):
    """Everything a fill may hold; each slot allows the part of it its kinds name."""

    heading = blocks.CharBlock(
        max_length=120,
        icon="title",
        label=_("Heading"),
        template="wagtail_learninggroups/blocks/fills/heading.html",
    )
    text = SanitisedRichTextBlock(required=False, label=_("Text"))
    person = PersonFillBlock()
    event = EventFillBlock()
    link = LinkFillBlock()
    document = DocumentFillBlock()
    image = ImageFillBlock()
    video = VideoFillBlock()
    discussion = DiscussionBlock()
    resources = ResourcesBlock()

    class Meta:
        required = False
        icon = "site"
        label = _("Content")

    def for_slot(self, slot):
        """The input of one slot: only the blocks its kinds allow, guided by its instructions.

        Returns the block and whether the instructions could be shown inside its first input.
        """
        children = [(name, copy.deepcopy(self.child_blocks[name])) for name in slot.block_names]
        for _name, child in children:
            if isinstance(child, blocks.RichTextBlock):
                # The rich text editor has no label of its own: name it after the slot.
                rich_text_options(child)["ariaLabel"] = slot.title
        guided = bool(slot.instructions) and set_placeholder(children[0][1], slot.instructions)
        return SlotContentBlock(children, required=False, label=slot.title), guided


class SlotContentBlock(TolerantStreamBlock):
    """One slot's content in the edition editor; blocks left blank are dropped, not refused.

    A new input starts with one blank block so that the slot's guidance shows in it; an editor
    who leaves it untouched has written nothing, which is not an error.
    """

    def value_from_datadict(self, data, files, prefix):
        # A post without this input (a stale or hand-made form) means "no change", not an error.
        if f"{prefix}-count" not in data:
            return None
        try:
            return super().value_from_datadict(data, files, prefix)
        except (KeyError, ValueError):
            return None

    def clean(self, value, *args, **kwargs):
        if value is None:
            return None
        kept = [
            (child.block_type, child.value, child.id)
            for child in value
            if not slots.is_blank_item(
                {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            )
        ]
        return super().clean(blocks.StreamValue(self, kept), *args, **kwargs)

    def blank_value(self):
        """One blank block of the first kind allowed, for the guidance to show in."""
        name, child = next(iter(self.child_blocks.items()))
        return blocks.StreamValue(self, [(name, child.get_default())])


def rich_text_options(block):
    """The options the rich text editor (Draftail) receives, to adjust for one input."""
    options = getattr(block.field.widget, "options", None)
    return options if isinstance(options, dict) else {}


def set_placeholder(block, text):
    """Show ``text`` inside the first text input of ``block`` while it is empty.

    Guidance, not content: the browser (or the rich text editor) draws it, and it disappears
    as soon as the editor types. It is never stored. Returns whether an input took it.
    """
    if isinstance(block, blocks.StructBlock):
        # The first field only: guidance in a later one (an image's alternative text) would
        # read as advice about that field.
        first = next(iter(block.child_blocks.values()), None)
        return first is not None and set_placeholder(first, text)
    if isinstance(block, blocks.RichTextBlock):
        # Another rich text editor than Draftail takes no options: show the text beside it.
        if not isinstance(getattr(block.field.widget, "options", None), dict):
            return False
        rich_text_options(block)["placeholder"] = text
        return True
    if isinstance(block, blocks.FieldBlock):
        widget = block.field.widget
        if isinstance(widget, forms.TextInput | forms.Textarea) and not widget.is_hidden:
            widget.attrs["placeholder"] = text
            return True
    return False


class SlotFillBlock(TolerantStructBlock):
    """An edition's fill of one slot, stored under the slot's key."""

    key = SlotKeyBlock()
    not_applicable = blocks.BooleanBlock(required=False, label=_("Not applicable here"))
    content = SlotFillContentBlock()

    class Meta:
        icon = "site"
        label = _("Fill")


class SlotFillsBlock(TolerantStreamBlock):
    """An edition's fills, one item per slot key: the stream of its ``fills`` field."""

    fill = SlotFillBlock()
