"""Where a site uses the package: its blocks in any StreamField, and the rows of its models.

Used by the ``learninggroups_usage`` command before an upgrade or a removal. The stored JSON is
read as it is (no block is loaded, nothing is sanitised), so a site with thousands of pages is
surveyed in a few queries per StreamField, and damaged content is counted rather than fatal.
"""

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast

from . import tolerance

APP_LABEL = "wagtail_learninggroups"


def is_ours(block):
    """Whether ``block`` is an instance of a block class of this package."""
    return type(block).__module__.split(".")[0] == APP_LABEL


def _is_stream(block):
    from wagtail import blocks

    return isinstance(block, blocks.BaseStreamBlock)


def block_classes(block):
    """Names of our block classes in a block definition: what a site's code must replace.

    Our stream blocks are looked into (they are containers); any other block of ours is
    named, and not looked into.
    """
    names = set()
    if is_ours(block) and not _is_stream(block):
        return {type(block).__name__}
    if is_ours(block):
        names.add(type(block).__name__)
    children = getattr(block, "child_blocks", None)
    if children is None:
        child = getattr(block, "child_block", None)
        children = {"item": child} if child is not None else {}
    for child in children.values():
        names |= block_classes(child)
    return names


def count_blocks(block, raw, counts=None):
    """``Counter`` of our block classes in the stored JSON ``raw`` of a value of ``block``.

    Counted as :func:`block_classes` names them: a quiz is one ``QuizBlock``, not also its
    questions. Items that cannot be read are skipped (see :func:`unreadable_parts`).
    """
    from wagtail import blocks

    counts = Counter() if counts is None else counts
    if is_ours(block) and not _is_stream(block):
        counts[type(block).__name__] += 1
    elif isinstance(block, blocks.BaseStreamBlock):
        for item in raw if isinstance(raw, list) else ():
            if isinstance(item, Mapping) and item.get("type") in block.child_blocks:
                count_blocks(block.child_blocks[item["type"]], item.get("value"), counts)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else ():
            wrapped = isinstance(item, Mapping) and item.get("type") == "item" and "value" in item
            count_blocks(block.child_block, item["value"] if wrapped else item, counts)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, Mapping):
        for name, child in block.child_blocks.items():
            if name in raw:
                count_blocks(child, raw[name], counts)
    return counts


def unreadable_parts(block, raw):
    """How many parts of ``raw`` inside our blocks this release sets aside when reading."""
    return len(tolerance.split_readable(block, raw, through_tolerant=True)[1])


@dataclass
class StreamUsage:
    """Our blocks in one StreamField of one object (a page, a snippet…)."""

    model: str
    field: str
    pk: object
    title: str
    url_path: str
    #: ``"live"`` for the object's row, ``"draft"`` for the latest revision when it differs.
    version: str
    blocks: dict
    unreadable: int = 0

    def as_dict(self):
        return {
            "model": self.model,
            "id": self.pk,
            "title": self.title,
            "url_path": self.url_path,
            "field": self.field,
            "version": self.version,
            "blocks": dict(sorted(self.blocks.items())),
            "unreadable": self.unreadable,
        }


@dataclass
class Usage:
    """Everything :func:`find_usage` found."""

    streams: list = field(default_factory=list)
    #: ``{"app_label.Model.field": [our block classes]}``: definitions that name our blocks.
    definitions: dict = field(default_factory=dict)
    #: ``{"app_label.model": (verbose name plural, row count)}`` for each model of ours.
    rows: dict = field(default_factory=dict)

    def as_dict(self):
        return {
            "streams": [usage.as_dict() for usage in self.streams],
            "definitions": self.definitions,
            "rows": {
                label: {"name": str(name), "count": count}
                for label, (name, count) in self.rows.items()
            },
        }


def stream_fields():
    """``(model, field)`` for each StreamField of any installed model whose blocks include ours.

    Each field once, on the model that declares it (a page type's table, not its subclasses').
    """
    from wagtail.fields import StreamField

    for model in apps.get_models():
        for model_field in model._meta.local_fields:
            if isinstance(model_field, StreamField) and block_classes(model_field.stream_block):
                yield model, model_field


def _stored(model, model_field):
    """``(pk, title, url_path, latest revision id or None, stored JSON)`` of each row."""
    from wagtail.models import Page

    is_page = issubclass(model, Page)
    columns = ["pk", "lg_json"]
    if is_page:
        columns += ["title", "url_path", "has_unpublished_changes", "latest_revision_id"]
    # The base manager: every row, whatever a custom default manager leaves out.
    rows = (
        model._base_manager.annotate(lg_json=Cast(model_field.name, output_field=TextField()))
        .order_by("pk")
        .values_list(*columns)
    )
    for row in rows.iterator():
        pk, text = row[0], row[1]
        title, url_path, draft, revision_id = row[2:] if is_page else (str(pk), "", False, None)
        yield pk, title, url_path, revision_id if draft else None, tolerance.loads(text)


def _draft_fields(model_field, revision_ids):
    from wagtail.models import Revision

    drafts = {}
    for pk, content in Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"):
        if isinstance(content, Mapping) and model_field.name in content:
            drafts[pk] = tolerance.loads(content[model_field.name])
    return drafts


def find_usage():
    """Survey the site: our blocks in every StreamField, and the rows of our models."""
    usage = Usage()
    for model, model_field in stream_fields():
        label = f"{model._meta.label}.{model_field.name}"
        block = model_field.stream_block
        usage.definitions[label] = sorted(block_classes(block))
        stored = list(_stored(model, model_field))
        drafts = _draft_fields(model_field, [row[3] for row in stored if row[3] is not None])
        for pk, title, url_path, revision_id, raw in stored:
            versions = [("live", raw)]
            if revision_id in drafts and drafts[revision_id] != raw:
                versions.append(("draft", drafts[revision_id]))
            for version, value in versions:
                counts = count_blocks(block, value)
                unreadable = unreadable_parts(block, value)
                if counts or unreadable:
                    usage.streams.append(
                        StreamUsage(
                            model=model._meta.label_lower,
                            field=model_field.name,
                            pk=pk,
                            title=title,
                            url_path=url_path,
                            version=version,
                            blocks=dict(counts),
                            unreadable=unreadable,
                        )
                    )
    for model in apps.get_app_config(APP_LABEL).get_models():
        usage.rows[model._meta.label_lower] = (
            model._meta.verbose_name_plural,
            model._base_manager.count(),
        )
    return usage


def dumps(usage):
    """The survey as JSON text."""
    return json.dumps(usage.as_dict(), indent=2, default=str)
