"""The material a workshop uses: documents and slides, videos, links and the unit's e-learning."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from ..core.blocks import PREVIEW_TEMPLATE, TolerantStreamBlock, TolerantStructBlock
from ..core.sanitise import safe_url
from . import agenda

__all__ = [
    "DocumentResourceBlock",
    "VideoResourceBlock",
    "LinkResourceBlock",
    "ELearningResourceBlock",
    "ResourcesBlock",
]

DOCUMENT_KINDS = [
    ("slides", _("Slides")),
    ("handout", _("Handout")),
    ("reading", _("Reading")),
    ("template", _("Template")),
    ("document", _("Document")),
]
DOCUMENT_KIND_LABELS = dict(DOCUMENT_KINDS)


def file_facts(document):
    """``"PDF, 2.4 MB"``: what a reader on a slow link wants to know before downloading."""
    facts = document.file_extension.upper()
    if document.file_size:
        facts += f", {filesizeformat(document.file_size)}"
    return facts


def minutes_fact(minutes):
    return _("%(minutes)s min") % {"minutes": minutes} if minutes else None


def absolute(request, url):
    """The full address of ``url``, for paper; as it is when there is no request to go by."""
    return request.build_absolute_uri(url) if request is not None else url


def resource_row(block_type, item):
    """One resource as the template shows it, or ``None`` when it can no longer be shown.

    A chosen document that has since been deleted comes back as ``None`` from the chooser, and
    JSON stored by an older release may lack a field or hold an unsafe URL; such a resource is
    left out rather than rendered broken.
    """
    if block_type == "document":
        document = item.get("document")
        if document is None:
            return None
        return {
            "type": block_type,
            "title": item.get("title") or document.title,
            "url": document.url,
            "facts": [DOCUMENT_KIND_LABELS.get(item.get("kind"), ""), file_facts(document)],
            "description": item.get("description") or "",
        }
    url, title = safe_url(item.get("url")), item.get("title")
    if not (url and title):
        return None
    row = {"type": block_type, "title": title, "url": url, "description": ""}
    if block_type == "video":
        row["facts"] = [_("Video"), minutes_fact(item.get("minutes"))]
        if item.get("offline_copy") is not None:
            row["offline_copy"] = item["offline_copy"]
            row["offline_facts"] = file_facts(item["offline_copy"])
    elif block_type == "link":
        row["facts"] = [_("Link")]
        row["description"] = item.get("description") or ""
    else:
        row["facts"] = [_("E-learning"), item.get("provider"), minutes_fact(item.get("minutes"))]
    return row


class DocumentResourceBlock(TolerantStructBlock):
    """A Wagtail document, listed with its file type and size for offices on slow links."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Title"),
        help_text=_("Leave blank to use the document's own title."),
    )
    kind = blocks.ChoiceBlock(choices=DOCUMENT_KINDS, default="document", label=_("Kind"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document or slides")


class VideoResourceBlock(TolerantStructBlock):
    """A video, linked rather than embedded, with a downloadable copy for offices offline.

    A link, not an embed: an embedded player loads from the video site on every page view, and
    Wagtail checks an embed URL by fetching it from the video site when the page is saved. Both
    fail on a closed intranet and on the slow links of small offices.
    """

    url = blocks.URLBlock(
        label=_("Video URL"),
        help_text=_("The address of the video on your video platform."),
    )
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=agenda.MAX_MINUTES, label=_("Minutes")
    )
    offline_copy = DocumentChooserBlock(
        required=False,
        label=_("Offline copy"),
        help_text=_("A video file for offices that cannot reach video sites."),
    )

    class Meta:
        icon = "media"
        label = _("Video")


class LinkResourceBlock(TolerantStructBlock):
    """A link to a web page: a guide, a news article, a public record."""

    url = blocks.URLBlock(label=_("URL"))
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "link"
        label = _("Link")


class ELearningResourceBlock(TolerantStructBlock):
    """The e-learning course of the unit, which participants usually take first."""

    url = blocks.URLBlock(label=_("URL"))
    title = blocks.CharBlock(max_length=255, label=_("Course title"))
    provider = blocks.CharBlock(
        required=False, max_length=120, label=_("Provider"), help_text=_("Who runs the course.")
    )
    minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=agenda.MAX_MINUTES, label=_("Minutes")
    )

    class Meta:
        icon = "desktop"
        label = _("E-learning")


class ResourceStreamBlock(TolerantStreamBlock):
    """The kinds of resource a workshop can list."""

    document = DocumentResourceBlock()
    video = VideoResourceBlock()
    link = LinkResourceBlock()
    e_learning = ELearningResourceBlock()

    class Meta:
        icon = "folder-open-inverse"
        min_num = 1


class ResourcesBlock(TolerantStructBlock):
    """The slides, documents, videos, links and e-learning a workshop uses."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    resources = ResourceStreamBlock(label=_("Resources"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        rows = (resource_row(child.block_type, child.value) for child in value["resources"])
        context["rows"] = [row for row in rows if row is not None]
        # On paper a link cannot be followed, so its address is written out in full.
        request = context.get("request")
        for row in context["rows"]:
            row["facts"] = [fact for fact in row["facts"] if fact]
            row["printed_url"] = absolute(request, row["url"])
            if "offline_copy" in row:
                row["printed_offline_url"] = absolute(request, row["offline_copy"].url)
        return context

    class Meta:
        icon = "folder-open-inverse"
        template = "wagtail_learninggroups/blocks/resources.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Resources")
        group = _("Resources")
        description = _(
            "Slides and documents with their size, videos with an offline copy, links and the "
            "unit's e-learning."
        )
        preview_value = {
            "heading": "",
            "resources": [
                (
                    "e_learning",
                    {
                        "url": "https://learning.example.org/parliament",
                        "title": "Parliament in 30 minutes",
                        "provider": "Learning team",
                        "minutes": 30,
                    },
                ),
                (
                    "link",
                    {
                        "url": "https://example.org/committees",
                        "title": "The committees and what they cover",
                        "description": "",
                    },
                ),
            ],
        }
