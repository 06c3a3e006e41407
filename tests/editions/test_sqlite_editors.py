"""Several editors saving one edition at once on SQLite, set up as the installation guide says.

SQLite has no row locks: with its default deferred transactions, two saves that read before
they write can fail with "database is locked". Immediate transactions queue them instead (Django
5.1 and newer can ask for them); the guide's settings are checked here in a real process.
"""

import os
import subprocess
import sys
from pathlib import Path

import django
import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).parent / "scripts" / "save_one_edition_at_once.py"


@pytest.mark.skipif(
    django.VERSION < (5, 1), reason="Django 4.2 cannot ask SQLite for immediate transactions"
)
def test_thirty_saves_of_one_edition_at_once_all_succeed(tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "30"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.testapp.settings_sqlite_file",
            "LEARNINGGROUPS_SQLITE_FILE": str(tmp_path / "editors.sqlite3"),
            "PYTHONPATH": str(REPO),
        },
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0", result.stderr
