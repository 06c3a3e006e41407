"""What an edition does when it, or its template, is published."""

from django.apps import apps
from wagtail.signals import page_published, page_unpublished

from ..workshops.models import WorkshopTemplatePage
from .models import LocalEditionPage


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

    editions = LocalEditionPage.objects.live().filter(workshop=instance)
    batch = PurgeBatch()
    batch.add_pages(editions)
    batch.purge()


def register_signal_handlers():
    page_published.connect(
        remember_template_revision,
        sender=LocalEditionPage,
        dispatch_uid="wagtail_learninggroups.remember_template_revision",
    )
    for signal in (page_published, page_unpublished):
        signal.connect(
            purge_editions_from_frontend_cache,
            sender=WorkshopTemplatePage,
            dispatch_uid=f"wagtail_learninggroups.purge_editions.{id(signal)}",
        )
