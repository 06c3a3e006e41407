"""The test database, chosen by the ``DATABASE_URL`` environment variable.

SQLite in memory when it is unset (``make test``); PostgreSQL when it names one, as
``.ci/run`` does: ``postgres://user:password@host:port/name``.
"""

from urllib.parse import unquote, urlsplit

ENGINES = {
    "postgres": "django.db.backends.postgresql",
    "postgresql": "django.db.backends.postgresql",
    "sqlite": "django.db.backends.sqlite3",
}


def database_from_url(url):
    """Django's ``DATABASES["default"]`` for ``url``; SQLite in memory for an empty one."""
    if not url:
        return {"ENGINE": ENGINES["sqlite"], "NAME": ":memory:"}
    parts = urlsplit(url)
    if parts.scheme not in ENGINES:
        raise ValueError(f"DATABASE_URL: unsupported scheme {parts.scheme!r} (postgres or sqlite)")
    if parts.scheme == "sqlite":
        return {"ENGINE": ENGINES["sqlite"], "NAME": unquote(parts.path[1:]) or ":memory:"}
    return {
        "ENGINE": ENGINES[parts.scheme],
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
    }
