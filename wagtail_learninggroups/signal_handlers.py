"""What happens when pages of the package are published, and when any revision is saved."""

import json
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import pre_save
from wagtail.fields import StreamField
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from . import tolerance


def remember_template_revision(sender, instance, **kwargs):
    """An edition that goes live records the template revision it was checked against."""
    instance.record_template_revision()


def purge_editions_from_frontend_cache(sender, instance, **kwargs):
    """A template publish changes every edition of it: purge their URLs from the cache.

    Only when the site uses ``wagtail.contrib.frontend_cache``; Wagtail purges the template's
    own URLs itself.
    """
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from .models import LocalEditionPage

    editions = LocalEditionPage.objects.live().filter(workshop=instance)
    batch = PurgeBatch()
    batch.add_pages(editions)
    batch.purge()


@cache
def tolerant_stream_fields(model):
    """The StreamFields of ``model`` that hold blocks of the package, at any depth."""
    return tuple(
        field
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and tolerance.holds_tolerant_blocks(field.stream_block)
    )


def content_edited_from(revision, fields):
    """The stored fields the editor of ``revision`` started from: the latest revision's.

    An object with no revision yet was edited from its database row.
    """
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id, object_id=revision.object_id
        )
        .order_by("-created_at", "-id")
        .values_list("content", flat=True)
        .first()
    )
    if previous is not None:
        return previous
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    obj = model._default_manager.filter(pk=revision.object_id).first()
    if obj is None:
        return {}
    return {field.name: field.get_prep_value(getattr(obj, field.name)) for field in fields}


def keep_set_aside_content(sender, instance, raw=False, **kwargs):
    """A new revision keeps the stored content of ours that the editor could not show.

    Our blocks leave out what they cannot read (an unknown block type, say one a newer
    release added) and the page editor posts only what it showed. Here, what the revision
    edited from held and the new one lost goes back where it was (see
    :func:`~wagtail_learninggroups.tolerance.keep_set_aside`).
    """
    if raw or instance.pk is not None or not isinstance(instance.content, dict):
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    fields = tolerant_stream_fields(model) if model is not None else ()
    fields = [field for field in fields if field.name in instance.content]
    if not fields:
        return
    before = content_edited_from(instance, fields)
    for field in fields:
        if field.name not in before:
            continue
        after = instance.content[field.name]
        kept = tolerance.keep_set_aside(field.stream_block, before[field.name], after)
        if kept is not after:
            # Revisions hold a StreamField as a JSON string, as Wagtail writes it.
            as_string = isinstance(after, str)
            instance.content[field.name] = (
                json.dumps(kept, cls=DjangoJSONEncoder) if as_string else kept
            )


def register_signal_handlers():
    from .models import LocalEditionPage, WorkshopTemplatePage

    page_published.connect(
        remember_template_revision,
        sender=LocalEditionPage,
        dispatch_uid="wagtail_learninggroups.remember_template_revision",
    )
    pre_save.connect(
        keep_set_aside_content,
        sender=Revision,
        dispatch_uid="wagtail_learninggroups.keep_set_aside_content",
    )
    for signal in (page_published, page_unpublished):
        signal.connect(
            purge_editions_from_frontend_cache,
            sender=WorkshopTemplatePage,
            dispatch_uid=f"wagtail_learninggroups.purge_editions.{id(signal)}",
        )
