"""The test site's database comes from DATABASE_URL: SQLite by default, PostgreSQL in CI."""

import pytest

from tests.testapp.database import database_from_url


def test_no_url_means_sqlite_in_memory():
    assert database_from_url("") == {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}


def test_a_postgres_url_gives_each_part():
    assert database_from_url("postgres://lg:p%40ss@127.0.0.1:55432/learning") == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "learning",
        "USER": "lg",
        "PASSWORD": "p@ss",
        "HOST": "127.0.0.1",
        "PORT": "55432",
    }


def test_a_sqlite_url_names_a_file():
    assert database_from_url("sqlite:////srv/lg.sqlite3")["NAME"] == "/srv/lg.sqlite3"


def test_another_scheme_is_refused_plainly():
    with pytest.raises(ValueError, match="unsupported scheme 'mysql'"):
        database_from_url("mysql://localhost/lg")
