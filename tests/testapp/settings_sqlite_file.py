"""The test site on an SQLite file set up as the installation guide says, for several editors."""

import os

import django

from .settings import *  # noqa: F403

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["LEARNINGGROUPS_SQLITE_FILE"],
        "OPTIONS": {"timeout": 20},
    }
}
if django.VERSION >= (5, 1):
    DATABASES["default"]["OPTIONS"].update(
        transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL;"
    )
