"""Where readers sign in: the site's own page, coming back to where they were."""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import resolve_url


def login_url(next_url):
    """The site's sign-in page (Wagtail's front-end one if set), coming back to ``next_url``.

    Sites with single sign-on point ``WAGTAIL_FRONTEND_LOGIN_URL`` (or ``LOGIN_URL``) at it.
    """
    url = resolve_url(getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or settings.LOGIN_URL)
    if not next_url:
        return url
    query = QueryDict(mutable=True)
    query["next"] = next_url
    return f"{url}?{query.urlencode(safe='/')}"
