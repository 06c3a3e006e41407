"""Removing the package's tables from a site with content, and installing them again.

``migrate wagtail_learninggroups zero`` drops every table of ours; ``migrate`` creates them
again, empty. What stays behind in Wagtail's own tables is listed in ``docs/removing.md`` and
checked here: the ``wagtailcore_page`` rows of our page types (with their revisions), which
must be deleted as pages before the app leaves ``INSTALLED_APPS``.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page, Revision

from tests.champions.factories import make_champion
from tests.editions.factories import (
    add_page_url,
    edit_url,
    edition_form,
    fill_data,
    make_office,
    person,
    template_slots,
)
from tests.quizzes.factories import correct_answers, make_quiz_page, post_quiz
from tests.testapp.models import HostArticlePage
from tests.workshops.factories import slotted_workshop_form
from wagtail_learninggroups.models import (
    Award,
    Champion,
    CurriculumModule,
    LocalEditionPage,
    Location,
    QuizAttempt,
    WorkshopTemplatePage,
)


def our_tables():
    return {
        name
        for name in connection.introspection.table_names()
        if name.startswith("wagtail_learninggroups_")
    }


def build_site(admin_client, member, root_page):
    """A template, an office's published edition with fills, a quiz taken, a champion."""
    CurriculumModule.objects.create(number=1, title="How parliament works")
    response = admin_client.post(
        add_page_url(WorkshopTemplatePage, root_page), slotted_workshop_form()
    )
    assert response.status_code == 302
    template = WorkshopTemplatePage.objects.get()
    nairobi = make_office(root_page, "Nairobi")
    response = admin_client.post(
        add_page_url(LocalEditionPage, nairobi.page), edition_form(template, nairobi)
    )
    assert response.status_code == 302
    edition = LocalEditionPage.objects.get()
    welcome, speaker, _event = (slot.key for slot in template_slots(template))
    data = edition_form(template, nairobi, action="action-publish")
    data.update(fill_data(welcome, ("text", "<p>Welcome from Nairobi.</p>")))
    data.update(fill_data(speaker, ("person", person())))
    assert admin_client.post(edit_url(edition), data).status_code == 302
    quiz_page = make_quiz_page(root_page)
    member_client = Client()
    member_client.force_login(member)
    assert post_quiz(member_client, quiz_page, correct_answers()).status_code in (200, 302)
    make_champion("Ana Silva", nairobi, awards=[("Learning champion of the year", 2026)])
    news = HostArticlePage(
        title="News",
        slug="news",
        body=[
            {"type": "heading", "value": "Our offices this month", "id": "h-1"},
            {
                "type": "objectives",
                "value": {"heading": "", "objectives": ["Meet your champion"]},
                "id": "b-1",
            },
        ],
    )
    root_page.refresh_from_db()
    root_page.add_child(instance=news)
    news.save_revision().publish()
    counts = {
        model: model.objects.count()
        for model in (WorkshopTemplatePage, LocalEditionPage, QuizAttempt, Champion, Award)
    }
    assert all(counts.values()), counts
    return {"template": template, "edition": edition, "quiz_page": quiz_page, "news": news}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_to_zero_and_back_on_a_site_with_content(admin_client, member, root_page):
    pages = build_site(admin_client, member, root_page)
    tables = our_tables()
    ours = [pages["template"].pk, pages["edition"].pk]
    try:
        call_command("migrate", "wagtail_learninggroups", "zero", verbosity=0)
        assert our_tables() == set()
        # The site's own pages still serve, blocks of ours that need no table included.
        response = Client().get(pages["news"].url)
        assert response.status_code == 200
        assert "Meet your champion" in response.content.decode()
        assert Client().get("/").status_code == 200
        # (The admin needs our tables while the app is installed: docs/removing.md takes the
        # app out of INSTALLED_APPS in the same deployment.)
        # Left behind: the wagtailcore rows of our pages, and their revisions.
        assert Page.objects.filter(pk__in=ours).count() == 2
        assert Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ours]).exists()
    finally:
        # Whatever happened, later tests get a database with every table.
        call_command("migrate", verbosity=0)
    assert our_tables() == tables
    for model in (WorkshopTemplatePage, LocalEditionPage, QuizAttempt, Champion, Location):
        assert not model.objects.exists()
    # The page rows left behind have lost their content; docs/removing.md deletes them so.
    leftover = Page.objects.filter(content_type__app_label="wagtail_learninggroups")
    assert set(leftover.values_list("pk", flat=True)) == set(ours)
    leftover.update(live=False)  # unpublishing on delete would need the lost content
    leftover.delete()
    assert not Page.objects.filter(pk__in=ours).exists()
    assert Client().get(pages["news"].url).status_code == 200
    # A quiz in a site's own page works again; the attempts taken before are gone.
    assert Client().get(pages["quiz_page"].url).status_code == 200
    # The package works again from scratch.
    root_page.refresh_from_db()
    response = admin_client.post(
        add_page_url(WorkshopTemplatePage, root_page), slotted_workshop_form()
    )
    assert response.status_code == 302
    template = WorkshopTemplatePage.objects.get()
    assert Client().get(template.url).status_code == 200
