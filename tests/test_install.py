"""The wheel is complete and installs into a brand-new Wagtail site, changing nothing else.

Slow (it creates a virtualenv and installs Wagtail into it), so marked; `make test` and CI run it.
"""

import os
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def clean_environment():
    """The environment of a developer's shell: none of this test run's Django settings."""
    drop = {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def run(*args, cwd=None):
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=clean_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    outdir = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", outdir, REPO)
    (built,) = outdir.glob("wagtail_learninggroups-*.whl")
    return built


def test_the_wheel_holds_templates_static_files_locale_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in [
        "wagtail_learninggroups/templates/wagtail_learninggroups/blocks/objectives.html",
        "wagtail_learninggroups/static/wagtail_learninggroups/css/learninggroups.css",
        "wagtail_learninggroups/locale/en/LC_MESSAGES/django.po",
        "wagtail_learninggroups/migrations/0001_initial.py",
        "wagtail_learninggroups/templatetags/learninggroups_tags.py",
    ]:
        assert expected in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.startswith(("tests/", "example_site/")) for name in names)


HOME_MODELS = """\
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_learninggroups.blocks import ObjectivesBlock


class HomePage(Page):
    body = StreamField([("objectives", ObjectivesBlock())], blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
"""

HOME_TEMPLATE = """\
{% extends "base.html" %}
{% load wagtailcore_tags %}
{% block content %}{% include_block page.body %}{% endblock content %}
"""

RENDER_SCRIPT = """\
from django.test import Client
from home.models import HomePage

page = HomePage.objects.get()
page.body = [("objectives", {"heading": "", "objectives": ["Read a committee report"]})]
page.save_revision().publish()
response = Client().get("/")
print("STATUS", response.status_code)
print(response.content.decode())
"""


def add_to_installed_apps(settings_file):
    text = settings_file.read_text()
    marker = 'INSTALLED_APPS = [\n    "home",\n'
    assert marker in text
    settings_file.write_text(
        text.replace(marker, marker + '    "wagtail_modeladmin",\n    "wagtail_learninggroups",\n')
    )


def include_package_urls(urls_file):
    text = urls_file.read_text()
    marker = '    path("search/", search_views.search, name="search"),\n'
    assert marker in text
    urls_file.write_text(
        text.replace(
            marker,
            marker + '    path("learning-groups/", include("wagtail_learninggroups.urls")),\n',
        )
    )


def test_install_into_a_new_wagtail_project(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The same versions as this run, so each end of the version matrix is proven.
    pins = [f"{name}=={version(name)}" for name in ("wagtail", "django", "wagtail-modeladmin")]
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, *pins)

    run(env_dir / "bin" / "wagtail", "start", "intranet", cwd=tmp_path)
    site = tmp_path / "intranet"
    add_to_installed_apps(site / "intranet" / "settings" / "base.py")
    include_package_urls(site / "intranet" / "urls.py")
    (site / "home" / "models.py").write_text(HOME_MODELS)
    (site / "home" / "templates" / "home" / "home_page.html").write_text(HOME_TEMPLATE)

    manage = [python, "manage.py"]
    check = run(*manage, "check", "--fail-level", "WARNING", cwd=site)
    assert "no issues" in check
    run(*manage, "makemigrations", "home", cwd=site)
    run(*manage, "migrate", "--noinput", cwd=site)
    output = run(*manage, "shell", "-c", RENDER_SCRIPT, cwd=site)

    assert "STATUS 200" in output
    assert '<section class="lg-block lg-objectives">' in output
    assert "Read a committee report" in output
