"""The requests the benchmarks time: a reader's, a member of staff's and an editor's.

Each helper returns an action (a function of no arguments) for :mod:`bench.measure`; it checks
the answer's status, so that a benchmark never times an error page by mistake.
"""

from django.test import Client, override_settings


def reader():
    """An anonymous reader of the intranet."""
    return Client(HTTP_HOST="localhost")


def signed_in(username, superuser=False):
    """A member of staff (or an editor, ``superuser=True``) who is signed in."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        create = users.create_superuser if superuser else users.create_user
        user = create(username, f"{username}@example.org", None)
    client = reader()
    client.force_login(user)
    return client


def get(client, url, status=200):
    """GET ``url``, expecting ``status``."""

    def action():
        return _checked(client.get(url), url, status)

    return action


def post(client, url, data, status=302):
    """POST ``data`` to ``url``, expecting ``status`` (a redirect, after a save)."""

    def action():
        return _checked(client.post(url, data), url, status)

    return action


def _checked(response, url, status):
    if response.status_code != status:
        raise RuntimeError(f"{url} answered {response.status_code}, not {status}")
    return response


def render_cache_off():
    """Settings under which pages keep no rendered blocks: every request renders them all.

    For the benchmarks of what rendering costs (sizes, memory, the sanitiser); a reader after
    a change pays this once.
    """
    from django.conf import settings

    ours = getattr(settings, "WAGTAIL_LEARNINGGROUPS", {})
    return override_settings(WAGTAIL_LEARNINGGROUPS={**ours, "RENDER_CACHE": None})
