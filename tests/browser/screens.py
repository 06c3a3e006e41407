"""Screenshots for the docs, taken by the browser tests on their way.

``make screenshots`` runs the browser tests with ``LEARNINGGROUPS_SCREENSHOTS=1``: the pictures
then go to ``docs/_static/screenshots/`` so the docs show what the code does today. Otherwise
they go to the test's temporary folder, and are still checked to hold a picture.
"""

import os
from pathlib import Path

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "_static" / "screenshots"


def shot(target, name, tmp_path):
    """Photograph ``target`` (a page or a locator) as ``name``."""
    saving = os.environ.get("LEARNINGGROUPS_SCREENSHOTS") == "1"
    path = (DOCS_SCREENSHOTS if saving else tmp_path) / name
    target.screenshot(path=path)
    assert path.stat().st_size > 2000, f"{name} is too small to hold a picture"
    return path
