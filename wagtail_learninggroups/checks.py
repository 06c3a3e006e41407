"""System checks: tell a site exactly what to add when the package is half installed."""

import difflib

from django.apps import apps
from django.core import checks
from django.urls import get_resolver

from .conf import DEFAULTS, SETTINGS_NAME

APP_NAME = "wagtail_learninggroups"


@checks.register(checks.Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs):
    """wagtail-modeladmin provides our admin screens; without it the admin menu breaks."""
    if apps.is_installed("wagtail_modeladmin"):
        return []
    return [
        checks.Error(
            "wagtail_learninggroups needs 'wagtail_modeladmin' in INSTALLED_APPS.",
            hint=(
                'Add "wagtail_modeladmin" to INSTALLED_APPS, next to "wagtail_learninggroups". '
                "It is installed with wagtail-learninggroups and provides the "
                "'Learning groups' admin screens."
            ),
            id=f"{APP_NAME}.E001",
        )
    ]


@checks.register(checks.Tags.urls)
def check_urls_included(app_configs=None, **kwargs):
    """The package serves its own views from its URLconf, so the site should include it.

    A warning, not an error: the site runs without them (a quiz then says it cannot be taken
    here), and an error would stop ``migrate`` in a site that has only added the app.
    """
    if APP_NAME in get_resolver().app_dict:
        return []
    return [
        checks.Warning(
            "The URLs of wagtail_learninggroups are not included in the site's URLconf.",
            hint=(
                'Add path("learning-groups/", include("wagtail_learninggroups.urls")) to '
                "urlpatterns in your urls.py, before Wagtail's catch-all "
                'path("", include(wagtail_urls)).'
            ),
            id=f"{APP_NAME}.W002",
        )
    ]


@checks.register(checks.Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    """The settings dict must be a dict, and every key in it must be one we know."""
    from django.conf import settings

    value = getattr(settings, SETTINGS_NAME, None)
    if value is None:
        return []
    if not isinstance(value, dict):
        return [
            checks.Error(
                f"{SETTINGS_NAME} must be a dict, not {type(value).__name__}.",
                hint=f"Write it as {SETTINGS_NAME} = {{...}}, or remove it to use the defaults.",
                id=f"{APP_NAME}.E003",
            )
        ]
    messages = []
    for key in sorted(set(value) - set(DEFAULTS), key=str):
        close = difflib.get_close_matches(str(key), list(DEFAULTS), n=1)
        hint = f"Did you mean {close[0]!r}?" if close else None
        messages.append(
            checks.Warning(
                f"{SETTINGS_NAME} has an unknown key {key!r}; it is ignored.",
                hint=hint or f"Known keys: {', '.join(sorted(DEFAULTS))}.",
                id=f"{APP_NAME}.W001",
            )
        )
    return messages


@checks.register(checks.Tags.caches)
def check_render_cache(app_configs=None, **kwargs):
    """``RENDER_CACHE`` must name a cache of ``CACHES`` (or be ``None``)."""
    from django.conf import settings

    from .conf import user_settings

    if not isinstance(getattr(settings, SETTINGS_NAME, None), dict):
        return []  # E003 says so; the default is used meanwhile
    alias = user_settings().get("RENDER_CACHE", DEFAULTS["RENDER_CACHE"])
    if not alias or alias in settings.CACHES:
        return []
    return [
        checks.Error(
            f"{SETTINGS_NAME}['RENDER_CACHE'] names the cache {alias!r}, which is not in CACHES.",
            hint="Name one of CACHES, or set it to None to keep no rendered blocks. "
            "Pages render without the cache meanwhile.",
            id=f"{APP_NAME}.E004",
        )
    ]
