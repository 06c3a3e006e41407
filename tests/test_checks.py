import os
import subprocess
import sys

from django.core import checks
from django.test import override_settings

from wagtail_learninggroups.checks import (
    check_required_apps,
    check_settings,
    check_urls_included,
)


def ids(messages):
    return [message.id for message in messages]


def test_a_complete_installation_passes_every_check():
    assert check_required_apps() == []
    assert check_urls_included() == []
    assert check_settings() == []


def run_manage_check(settings_module):
    """Run ``manage.py check`` in a fresh process, as a developer would after editing settings."""
    return subprocess.run(
        [sys.executable, "-m", "django", "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "PYTHONPATH": "."},
        check=False,
    )


def test_a_site_that_forgets_wagtail_modeladmin_is_told_what_to_add():
    result = run_manage_check("tests.testapp.settings_without_modeladmin")
    assert result.returncode == 1
    assert "wagtail_learninggroups.E001" in result.stderr
    assert 'Add "wagtail_modeladmin" to INSTALLED_APPS' in result.stderr
    assert "Traceback" not in result.stderr


def test_a_site_that_forgets_the_urls_is_warned_with_the_line_to_add():
    result = run_manage_check("tests.testapp.settings_without_urls")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "wagtail_learninggroups.W002" in output
    assert 'path("learning-groups/", include("wagtail_learninggroups.urls"))' in output
    assert "Traceback" not in output


def test_a_site_that_has_only_added_the_app_can_migrate(tmp_path):
    """A missing URLconf line must not stop ``migrate``: the warning says what to add."""
    result = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--noinput"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.testapp.settings_without_urls",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            "PYTHONPATH": ".",
        },
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Applying wagtail_learninggroups.0007_champions... OK" in result.stdout
    assert "wagtail_learninggroups.W002" in result.stdout + result.stderr


def test_a_complete_site_passes_manage_check():
    result = run_manage_check("tests.testapp.settings")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@override_settings(ROOT_URLCONF="tests.testapp.urls_without_package")
def test_missing_urls_say_what_to_add():
    messages = check_urls_included()
    assert ids(messages) == ["wagtail_learninggroups.W002"]
    assert messages[0].level == checks.WARNING
    assert 'include("wagtail_learninggroups.urls")' in messages[0].hint


@override_settings(ROOT_URLCONF="tests.testapp.urls_nested")
def test_urls_included_inside_another_include_are_found():
    assert check_urls_included() == []


@override_settings(WAGTAIL_LEARNINGGROUPS={"HTML_ALLOWED_TAG": ["p"], "COLOUR": "red"})
def test_unknown_keys_are_named_with_a_suggestion():
    messages = check_settings()
    assert ids(messages) == ["wagtail_learninggroups.W001", "wagtail_learninggroups.W001"]
    assert all(message.level == checks.WARNING for message in messages)
    colour, typo = messages
    assert "'COLOUR'" in colour.msg
    assert "Known keys" in colour.hint
    assert "'HTML_ALLOWED_TAG'" in typo.msg
    assert typo.hint == "Did you mean 'HTML_ALLOWED_TAGS'?"


@override_settings(WAGTAIL_LEARNINGGROUPS=("HTML_ALLOWED_TAGS",))
def test_a_setting_that_is_not_a_dict_is_an_error():
    messages = check_settings()
    assert ids(messages) == ["wagtail_learninggroups.E003"]
    assert "must be a dict, not tuple" in messages[0].msg


@override_settings(WAGTAIL_LEARNINGGROUPS={"COLOUR": "red"})
def test_checks_are_registered_with_django():
    assert "wagtail_learninggroups.W001" in ids(checks.run_checks())
