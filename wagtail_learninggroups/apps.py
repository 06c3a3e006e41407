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
        from .champions.models import Award, Champion
        from .core import signals
        from .curriculum.locations import Location
        from .editions.signals import register_signal_handlers as register_edition_handlers

        signals.register_revision_handlers()
        signals.register_render_cache_handlers(models=(Champion, Award, Location))
        register_edition_handlers()
