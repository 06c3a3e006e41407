"""Rich text that always passes the package's HTML policy."""

from wagtail import blocks
from wagtail.rich_text import RichText

from .sanitise import clean_html

__all__ = ["SanitisedRichTextBlock"]

#: What our blocks let editors write: enough for guidance, never layout.
DEFAULT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """A rich text block whose HTML is sanitised where it is stored and again where it is read."""

    def __init__(self, required=True, help_text=None, editor="default", features=None, **kwargs):
        super().__init__(
            required=required,
            help_text=help_text,
            editor=editor,
            features=DEFAULT_FEATURES if features is None else features,
            **kwargs,
        )

    def to_python(self, value):
        # Read: stored HTML may predate the current policy or come from an import.
        return RichText(clean_html(value))

    def bulk_to_python(self, values):
        return [self.to_python(value) for value in values]

    def get_prep_value(self, value):
        # Store: whatever wrote the value (the editor, an import, the API), keep it clean.
        return clean_html(value.source if isinstance(value, RichText) else value)

    def deconstruct(self):
        # Migrations name the public path, which stays stable across releases.
        path, args, kwargs = super().deconstruct()
        return "wagtail_learninggroups.blocks.SanitisedRichTextBlock", args, kwargs
