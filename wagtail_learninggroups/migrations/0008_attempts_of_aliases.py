"""Attempts taken on an alias count at the page the alias stands for, as new attempts do.

Earlier releases kept an attempt taken on an alias under the alias's own id, so a quiz allowing
one attempt could be taken once on a page and once on each alias of it, and its statistics were
split. Reversing leaves the attempts where they are: they belong to the original all the same.
"""

from django.db import migrations

MAX_ALIAS_DEPTH = 10


def count_attempts_at_the_original(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    QuizAttempt = apps.get_model("wagtail_learninggroups", "QuizAttempt")
    alias_of = dict(
        Page.objects.filter(alias_of__isnull=False).values_list("pk", "alias_of_id").iterator()
    )
    quiz_page_ids = QuizAttempt.objects.values_list("quiz_page_id", flat=True).distinct()
    for page_id in [page_id for page_id in quiz_page_ids if page_id in alias_of]:
        original, seen = page_id, {page_id}
        while original in alias_of and len(seen) < MAX_ALIAS_DEPTH:
            original = alias_of[original]
            if original in seen:
                break
            seen.add(original)
        QuizAttempt.objects.filter(quiz_page_id=page_id).update(quiz_page_id=original)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_learninggroups", "0007_champions"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.RunPython(count_attempts_at_the_original, migrations.RunPython.noop),
    ]
