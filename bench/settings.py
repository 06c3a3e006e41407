"""The example intranet, measured: its own SQLite database in a temporary folder, DEBUG off."""

import os
import tempfile
from pathlib import Path

#: Whether the run works in a folder of its own, made here and removed when the run ends.
OWN_DATA_DIR = "EXAMPLE_SITE_DATA_DIR" not in os.environ
if OWN_DATA_DIR:
    os.environ["EXAMPLE_SITE_DATA_DIR"] = tempfile.mkdtemp(prefix="learninggroups-bench-")

from example_site.settings import *  # noqa: E402, F403

DEBUG = False
DATA_DIR = Path(os.environ["EXAMPLE_SITE_DATA_DIR"])
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "bench.db"}}
MEDIA_ROOT = DATA_DIR / "media"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# The intranet's URLs, and the plain form view that quiz submissions are compared with.
ROOT_URLCONF = "bench.urls"
