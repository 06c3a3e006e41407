"""The version matrix: the suite on the lowest and the newest versions we support.

make test-matrix            # both
nox -s "tests(lowest)"      # one
"""

import nox

nox.options.default_venv_backend = "venv"

MATRIX = {
    # The floors of pyproject.toml: the Wagtail LTS release, the oldest Django it supports, and
    # the oldest of each package the code imports directly.
    "lowest": [
        "wagtail==7.0.*",
        "django==4.2.*",
        "wagtail-modeladmin==2.2.*",
        "bleach==6.0.*",
        "django-modelcluster==6.2.1",
        "django-filter==23.3",
        "django-tasks==0.7.*",
    ],
    # Whatever pip resolves today.
    "newest": [],
}

TEST_SETTINGS = {"DJANGO_SETTINGS_MODULE": "tests.testapp.settings"}


@nox.session
@nox.parametrize("versions", list(MATRIX), ids=list(MATRIX))
def tests(session, versions):
    """Install the package with its test extra at one end of the matrix and run the suite."""
    session.install("-e", ".[test]", *MATRIX[versions])
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run(
        "python", "-m", "django", "makemigrations", "--check", "--dry-run", env=TEST_SETTINGS
    )
    session.run("pytest", *session.posargs)
