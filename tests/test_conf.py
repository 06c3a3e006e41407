import pytest
from django.test import override_settings

from wagtail_learninggroups import conf


def test_defaults_are_used_when_the_site_sets_nothing(settings):
    if hasattr(settings, "WAGTAIL_LEARNINGGROUPS"):
        del settings.WAGTAIL_LEARNINGGROUPS
    assert conf.get_setting("HTML_ALLOWED_TAGS") == conf.DEFAULT_HTML_ALLOWED_TAGS


def test_site_value_overrides_the_default():
    with override_settings(WAGTAIL_LEARNINGGROUPS={"HTML_ALLOWED_TAGS": ["p"]}):
        assert conf.get_setting("HTML_ALLOWED_TAGS") == ["p"]
    assert conf.get_setting("HTML_ALLOWED_TAGS") == conf.DEFAULT_HTML_ALLOWED_TAGS


def test_keys_the_site_leaves_out_keep_their_defaults():
    with override_settings(WAGTAIL_LEARNINGGROUPS={"HTML_ALLOWED_TAGS": ["p"]}):
        assert conf.get_setting("HTML_ALLOWED_PROTOCOLS") == conf.DEFAULT_HTML_ALLOWED_PROTOCOLS


def test_unknown_setting_name_in_package_code_fails_loudly():
    with pytest.raises(KeyError, match="NO_SUCH_SETTING"):
        conf.get_setting("NO_SUCH_SETTING")


def test_a_non_dict_setting_falls_back_to_defaults():
    # The system check reports it (see test_checks); reading must not crash meanwhile.
    with override_settings(WAGTAIL_LEARNINGGROUPS=["HTML_ALLOWED_TAGS"]):
        assert conf.get_setting("HTML_ALLOWED_TAGS") == conf.DEFAULT_HTML_ALLOWED_TAGS


def test_conf_can_be_imported_before_django_is_configured():
    """A site's settings.py may import the defaults from conf to widen them."""
    import subprocess
    import sys

    code = (
        "from wagtail_learninggroups.conf import DEFAULT_HTML_ALLOWED_TAGS as T; "
        "from django.conf import settings; "
        "assert not settings.configured; print(sorted(T | {'abbr'})[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "", "PYTHONPATH": "."},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "a"
