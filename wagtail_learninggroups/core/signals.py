"""What the package does when any revision is saved, and when what blocks show changes."""

import json
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import tolerance, write_back
from .render_cache import forget_rendered_blocks


@cache
def tolerant_stream_fields(model):
    """The StreamFields of ``model`` that hold blocks of the package, at any depth."""
    return tuple(
        field
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and tolerance.holds_tolerant_blocks(field.stream_block)
    )


def content_edited_from(revision, fields):
    """The stored fields the editor of ``revision`` started from, or ``None`` if it is no edit.

    A new revision was edited from the object's latest revision, or from its database row if
    it has no revision yet. A revision saved again was edited from what it held, if the page
    editor overwrote it.
    """
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    objects = model._default_manager.filter(pk=revision.object_id)
    revisions = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id, object_id=revision.object_id
    ).values_list("created_at", "content")
    if revision.pk is not None:
        # The editor's autosave overwrites a revision and moves its time on. Other code saving
        # a revision again, such as a script removing content for good, is left alone.
        stored = revisions.filter(pk=revision.pk).first()
        return stored[1] if stored and revision.created_at > stored[0] else None
    if issubclass(model, Page):
        # Wagtail's copy of a page copies its revisions with their times, none later than the
        # time of the page's latest revision, which the copy keeps too.
        latest_at = objects.values_list("latest_revision_created_at", flat=True).first()
        if latest_at is not None and revision.created_at <= latest_at:
            return None
    latest = revisions.order_by("-created_at", "-id").first()
    if latest is not None:
        return latest[1]
    obj = objects.first()
    if obj is None:
        return {}
    return {field.name: field.get_prep_value(getattr(obj, field.name)) for field in fields}


def keep_set_aside_content(sender, instance, raw=False, **kwargs):
    """A revision keeps the stored content of ours that the editor could not show.

    Our blocks leave out what they cannot read (an unknown block type, say one a newer
    release added) and the page editor posts only what it showed. Here, what the revision
    was edited from held and the new content lost goes back where it was (see
    :func:`content_edited_from` and :func:`.write_back.keep_set_aside`).
    """
    if raw or not isinstance(instance.content, dict):
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    fields = tolerant_stream_fields(model) if model is not None else ()
    fields = [field for field in fields if field.name in instance.content]
    if not fields:
        return
    before = content_edited_from(instance, fields)
    if before is None:
        return
    for field in fields:
        if field.name not in before:
            continue
        after = instance.content[field.name]
        kept = write_back.keep_set_aside(field.stream_block, before[field.name], after)
        if kept is not after:
            # Revisions hold a StreamField as a JSON string, as Wagtail writes it.
            as_string = isinstance(after, str)
            instance.content[field.name] = (
                json.dumps(kept, cls=DjangoJSONEncoder) if as_string else kept
            )


def register_render_cache_handlers(models=()):
    """When what blocks show from elsewhere changes, kept renderings are left behind.

    ``models`` are the features' models that blocks show (champions, awards, offices); images,
    documents, sites and pages are watched here.
    """
    # A page deleted may be the target of links that kept blocks show. Deleting a page of any
    # type deletes its row of Page too, so its signal is sent with Page as the sender.
    # (Receivers without a sender would cost every model of the site Django's fast deletes.)
    watched = (*models, get_image_model(), get_document_model(), Site)
    for model in watched:
        for signal in (post_save, post_delete):
            signal.connect(
                forget_rendered_blocks,
                sender=model,
                dispatch_uid=f"wagtail_learninggroups.render_cache.{model._meta.label}.{id(signal)}",
            )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            forget_rendered_blocks,
            dispatch_uid=f"wagtail_learninggroups.render_cache.pages.{id(signal)}",
        )
    post_delete.connect(
        forget_rendered_blocks,
        sender=Page,
        dispatch_uid="wagtail_learninggroups.render_cache.page_deleted",
    )


def register_revision_handlers():
    pre_save.connect(
        keep_set_aside_content,
        sender=Revision,
        dispatch_uid="wagtail_learninggroups.keep_set_aside_content",
    )
