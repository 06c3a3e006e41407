"""View restrictions, told in one query for the pages that have none above them.

The package checks Wagtail's view restrictions itself where it shows a page's content away from
the page: a local edition shows its template's, and the quiz endpoint takes a page's quiz.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from tests.editions.factories import make_office
from tests.permissions import add_published
from tests.quizzes.factories import make_quiz_page, quiz_url
from tests.testapp.models import HostLearningPage
from wagtail_learninggroups.core.privacy import (
    ancestor_paths,
    may_be_restricted,
    refused_restrictions,
)
from wagtail_learninggroups.models import LocalEditionPage, WorkshopTemplatePage


def section(parent, slug):
    return add_published(parent, HostLearningPage(title=slug.title(), slug=slug, body=[]))


def anonymous_request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.session = {}
    return request


@pytest.fixture
def aliased_private_section(root_page):
    """A section that is an alias of a private one: Wagtail applies the source's restriction.

    The source was made private after the alias was made, so the alias has no restriction of
    its own (Wagtail would ignore one anyway).
    """
    private = section(root_page, "private")
    root_page.refresh_from_db()
    alias = private.create_alias(parent=root_page, update_slug="private-alias")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert not PageViewRestriction.objects.filter(page=alias).exists()
    return alias


def test_ancestor_paths_are_the_prefixes_of_the_path():
    assert ancestor_paths("000100020003") == ["0001", "00010002", "000100020003"]


def test_a_page_with_nothing_above_it_is_not_restricted(root_page, django_assert_num_queries):
    page = section(section(root_page, "open"), "inner")
    with django_assert_num_queries(1):
        assert not may_be_restricted(page)
        assert refused_restrictions(page, anonymous_request()) == []


@pytest.mark.parametrize("restricted", ["page", "ancestor"])
def test_a_restriction_on_the_page_or_above_it_is_seen(root_page, restricted):
    outer = section(root_page, "outer")
    page = section(outer, "inner")
    PageViewRestriction.objects.create(
        page=page if restricted == "page" else outer, restriction_type="login"
    )
    assert may_be_restricted(page)
    assert [r.restriction_type for r in refused_restrictions(page, anonymous_request())] == [
        "login"
    ]


def test_a_page_below_an_alias_follows_the_aliass_source(aliased_private_section):
    page = section(aliased_private_section, "inner")
    assert may_be_restricted(page)
    assert refused_restrictions(page, anonymous_request())


def test_an_edition_keeps_the_content_of_a_template_below_a_private_alias(
    client, root_page, aliased_private_section
):
    template = add_published(
        aliased_private_section,
        WorkshopTemplatePage(title="Hidden", slug="hidden", summary="Only for staff.", body=[]),
    )
    office = make_office(root_page, "Nairobi")
    edition = add_published(
        office.page,
        LocalEditionPage(
            title="Hidden: Nairobi", slug="hidden", workshop=template, location=office
        ),
    )
    response = client.get(edition.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This workshop is not available at the moment." in html
    assert "Only for staff." not in html
    assert "no-cache" in response.headers.get("Cache-Control", "")


def test_the_quiz_of_a_page_below_a_private_alias_asks_to_sign_in(client, aliased_private_section):
    page = make_quiz_page(aliased_private_section)
    response = client.get(quiz_url(page))
    assert response.status_code == 302
    assert "login" in response.url


@pytest.fixture
def office(root_page):
    return make_office(root_page, "Nairobi")


def edition_of(template, office):
    return add_published(
        office.page,
        LocalEditionPage(
            title=f"{template.title}: Nairobi", slug=template.slug, workshop=template,
            location=office,
        ),
    )  # fmt: skip


def test_an_edition_below_an_alias_that_is_not_private_stays_public(client, root_page, office):
    source = section(root_page, "open-source")
    root_page.refresh_from_db()
    alias = source.create_alias(parent=root_page, update_slug="open-alias")
    template = add_published(
        alias, WorkshopTemplatePage(title="Open", slug="open", summary="For everyone.", body=[])
    )
    response = client.get(edition_of(template, office).url)
    assert "For everyone." in response.content.decode()
    assert "no-cache" not in response.headers.get("Cache-Control", "")


def test_a_template_made_private_after_its_edition_was_read_is_kept_from_others(
    client, root_page, office, django_user_model
):
    template = add_published(
        root_page,
        WorkshopTemplatePage(title="Soon private", slug="soon", summary="Staff only.", body=[]),
    )
    edition = edition_of(template, office)
    assert "Staff only." in client.get(edition.url).content.decode()
    staff = Group.objects.create(name="Staff")
    restriction = PageViewRestriction.objects.create(page=template, restriction_type="groups")
    restriction.groups.add(staff)
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "pw")
    for reader in (None, outsider):
        if reader is not None:
            client.force_login(reader)
        html = client.get(edition.url).content.decode()
        assert "This workshop is not available at the moment." in html
        assert "Staff only." not in html
