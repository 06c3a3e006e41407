"""Migrations ship to every site, including sites on the oldest Wagtail we support."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import wagtail_learninggroups

MIGRATIONS = sorted(
    (Path(wagtail_learninggroups.__file__).parent / "migrations").glob("[0-9]*.py")
)
#: The newest migration of each Wagtail app in Wagtail 7.0, our oldest supported release.
WAGTAIL_7_0_LATEST = {"wagtailcore": 94, "wagtaildocs": 14, "wagtailimages": 27}


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda path: path.name)
def test_depends_only_on_migrations_that_wagtail_7_0_has(migration):
    text = migration.read_text()
    for app, number in re.findall(r"\(['\"](wagtail[a-z]*)['\"],\s*['\"](\d{4})_", text):
        assert int(number) <= WAGTAIL_7_0_LATEST.get(app, 0), f"{app} {number}"


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda path: path.name)
def test_reads_the_page_model_setting_only_where_it_may_be_missing(migration):
    # Wagtail 7.0 has no WAGTAIL_PAGE_MODEL setting; Wagtail 8 writes it into new migrations.
    assert not re.search(r"settings\.WAGTAIL_PAGE_MODEL", migration.read_text())


@pytest.mark.parametrize("migration", MIGRATIONS, ids=lambda path: path.name)
def test_names_no_module_that_wagtail_7_0_lacks(migration):
    # Wagtail 8 moved search indexing to the modelsearch package; 7.0 has no such module.
    assert "modelsearch" not in migration.read_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrations_reverse_to_zero_and_apply_again():
    call_command("migrate", "testapp", "zero", verbosity=0)
    call_command("migrate", "intranet", "zero", verbosity=0)
    call_command("migrate", "wagtail_learninggroups", "zero", verbosity=0)
    executor = MigrationExecutor(connection)
    applied = {
        name for app, name in executor.loader.applied_migrations if app == "wagtail_learninggroups"
    }
    assert applied == set()
    call_command("migrate", verbosity=0)
    executor = MigrationExecutor(connection)
    applied = {
        name for app, name in executor.loader.applied_migrations if app == "wagtail_learninggroups"
    }
    assert applied == {path.stem for path in MIGRATIONS}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attempts_kept_under_an_alias_move_to_the_page_it_stands_for():
    from wagtail.models import Site

    from tests.quizzes.factories import make_quiz_page
    from wagtail_learninggroups.models import QuizAttempt

    root = Site.objects.get(is_default_site=True).root_page
    page = make_quiz_page(root, slug="aliased")
    alias = page.create_alias(update_slug="aliased-again")
    alias_of_alias = alias.create_alias(update_slug="aliased-more")
    for number, where in enumerate((page, alias, alias_of_alias), start=1):
        QuizAttempt.objects.create(
            page=where, quiz_page_id=where.pk, quiz_key="q", taker="user:1", number=number
        )
    call_command("migrate", "wagtail_learninggroups", "0007", verbosity=0)
    call_command("migrate", "wagtail_learninggroups", verbosity=0)
    assert sorted(QuizAttempt.objects.values_list("page_id", "quiz_page_id")) == sorted(
        [(page.pk, page.pk), (alias.pk, page.pk), (alias_of_alias.pk, page.pk)]
    )
