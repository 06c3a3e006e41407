"""Settings of the example intranet: a small Wagtail site that installs wagtail-learninggroups.

For the demo only (DEBUG on, a fixed secret key, SQLite beside this file). The two lines a real
site adds are marked "wagtail-learninggroups" below, and one more in urls.py.
"""

import os
from pathlib import Path

import django

SITE_DIR = Path(__file__).resolve().parent
# The demo's database and uploads live outside the source tree, in .demo/ beside it.
DATA_DIR = Path(os.environ.get("EXAMPLE_SITE_DATA_DIR", SITE_DIR.parent / ".demo"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = "example-site-demo-only-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "example_site.intranet",
    "wagtail_modeladmin",  # wagtail-learninggroups
    "wagtail_learninggroups",  # wagtail-learninggroups
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "demo.sqlite3",
        # Wait up to 20 s for a lock rather than failing at once with "database is locked".
        "OPTIONS": {"timeout": 20},
    }
}
if django.VERSION >= (5, 1):
    # A busy demo must not lock up: in WAL mode readers never wait for the writer, and
    # immediate transactions take the write lock when they begin, so two writers queue instead
    # of failing halfway through. (Django 5.1 added these options; older ones keep the defaults.)
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Foreign Service Intranet"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The package's own pages (workshops and their index) extend the intranet's base template.
WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}

# Staff sign in on the intranet's own page (the admin's sign-in is for editors). A site with
# single sign-on points these at its identity provider's page instead.
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# A closed intranet: the admin must not call out for Wagtail's release news or for avatars.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
