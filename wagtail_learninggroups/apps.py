from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailLearningGroupsAppConfig(AppConfig):
    """Application configuration for wagtail-learninggroups."""

    name = "wagtail_learninggroups"
    label = "wagtail_learninggroups"
    verbose_name = _("Learning groups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing registers the system checks with Django's check framework.
        from . import checks  # noqa: F401
        from .core.signals import register_signal_handlers

        register_signal_handlers()
