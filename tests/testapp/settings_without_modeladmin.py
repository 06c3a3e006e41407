"""A site that added the package but forgot wagtail_modeladmin."""

from .settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail_modeladmin"]  # noqa: F405
