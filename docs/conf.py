"""Sphinx configuration for the wagtail-learninggroups documentation."""

import os
import sys
from pathlib import Path

import django

# Autodoc imports the package, and the package imports Wagtail models, so Django must be set up
# first. The test host site's settings install the package as any site would.
REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.testapp.settings")
django.setup()

import wagtail_learninggroups  # noqa: E402

# -- Project -------------------------------------------------------------------------------------

project = "wagtail-learninggroups"
author = "The wagtail-learninggroups contributors"
copyright = "the wagtail-learninggroups contributors"  # noqa: A001
release = wagtail_learninggroups.__version__
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}

# -- HTML ----------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"wagtail-learninggroups {release}"
html_static_path = []
