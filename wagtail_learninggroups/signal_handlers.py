"""What happens when pages of the package are published."""

from wagtail.signals import page_published


def remember_template_revision(sender, instance, **kwargs):
    """An edition that goes live records the template revision it was checked against."""
    instance.record_template_revision()


def register_signal_handlers():
    from .models import LocalEditionPage

    page_published.connect(
        remember_template_revision,
        sender=LocalEditionPage,
        dispatch_uid="wagtail_learninggroups.remember_template_revision",
    )
