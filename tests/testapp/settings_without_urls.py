"""A site that added the package but forgot to include its URLs."""

from .settings import *  # noqa: F403

ROOT_URLCONF = "tests.testapp.urls_without_package"
