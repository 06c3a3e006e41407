"""Workshop templates and their index, created and read as editors and staff do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.workshops.factories import workshop_form
from wagtail_learninggroups.models import (
    CurriculumModule,
    CurriculumUnit,
    WorkshopIndexPage,
    WorkshopTemplatePage,
)


@pytest.fixture
def index_page(root_page):
    index = WorkshopIndexPage(title="Workshops", slug="workshops")
    root_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def curriculum(db):
    module = CurriculumModule.objects.create(number=2, title="Parliament")
    unit = CurriculumUnit.objects.create(module=module, title="How laws are made", sort_order=0)
    other = CurriculumModule.objects.create(number=3, title="Partners")
    stranger = CurriculumUnit.objects.create(module=other, title="Mapping partners", sort_order=0)
    return module, unit, stranger


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=("wagtail_learninggroups", "workshoptemplatepage", parent.pk),
    )


@pytest.fixture
def workshop(
    admin_client, index_page, make_document, curriculum, django_capture_on_commit_callbacks
):
    module, unit, _ = curriculum
    slides = make_document("Parliament slides", "parliament.pdf", size=3000)
    # Run what Wagtail defers until the transaction commits (search indexing, on 7.0).
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            add_url(index_page),
            workshop_form(slides.pk, module=str(module.pk), unit=str(unit.pk)),
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    return WorkshopTemplatePage.objects.get(slug="how-parliament-works")


def test_an_editor_creates_and_publishes_a_workshop_with_every_block(workshop):
    assert workshop.live
    assert [child.block_type for child in workshop.body] == [
        "heading",
        "text",
        "objectives",
        "agenda",
        "discussion",
        "resources",
        "guidance",
        "preparation",
    ]
    assert workshop.total_minutes == 70
    assert workshop.total_duration == "1 hour 10 min"


def test_participant_view(client, workshop):
    html = client.get(workshop.url).content.decode()
    assert "<h1>How parliament works</h1>" in html
    assert '<h2 class="lg-heading">Why parliament matters to us</h2>' in html
    assert "Module 2: Parliament · How laws are made" in html
    assert "<dd>1 hour 10 min</dd>" in html
    assert "Total: 1 hour 10 min" in html
    assert "43% discussion and activities" in html
    assert "PDF, 2.9\xa0KB" in html
    assert "Which committee would question our ambassador?" in html
    assert "Parliament in 30 minutes" in html  # pre-work is for participants too
    # Facilitator-only content stays out of the participant view.
    assert "count to ten" not in html
    assert "Test sound." not in html
    assert "Book a room" not in html
    assert 'aria-current="page">Participant view</a>' in html
    assert html.count("learninggroups.css") == 1


def test_facilitator_view_adds_notes_guidance_and_preparation(client, workshop):
    response = client.get(workshop.url + "facilitator/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "After a question, count to ten before you help." in html
    assert "Test sound." in html
    assert "2 weeks before</span> Book a room with a screen" in html
    assert 'aria-current="page">Facilitator view</a>' in html


def test_print_view_is_the_facilitator_pack_with_urls_written_out(client, workshop):
    response = client.get(workshop.url + "print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Facilitator pack: How parliament works</title>" in html
    assert "count to ten" in html
    assert '<span class="lg-resource__url">https://learning.example.org/parliament</span>' in html
    assert "lg-view-switch" not in html


@pytest.mark.parametrize("mode", ["", "facilitator", "print"])
def test_editors_preview_every_view(admin_client, workshop, mode):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(workshop.pk,))
    response = admin_client.get(url, {"mode": mode})
    assert response.status_code == 200


def test_agenda_errors_are_shown_on_the_segment(admin_client, index_page, make_document):
    data = workshop_form(make_document().pk, slug="broken")
    data["body-3-value-segments-1-value-minutes"] = "0"
    response = admin_client.post(add_url(index_page), data)
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    assert not WorkshopTemplatePage.objects.filter(slug="broken").exists()


def test_a_unit_of_another_module_is_refused(admin_client, index_page, make_document, curriculum):
    module, _, stranger = curriculum
    data = workshop_form(
        make_document().pk, slug="mixed", module=str(module.pk), unit=str(stranger.pk)
    )
    response = admin_client.post(add_url(index_page), data)
    assert response.status_code == 200
    assert "This unit belongs to Module 3: Partners." in response.content.decode()


def test_choosing_a_unit_fills_in_its_module(admin_client, index_page, make_document, curriculum):
    module, unit, _ = curriculum
    data = workshop_form(make_document().pk, slug="unit-only", unit=str(unit.pk))
    assert admin_client.post(add_url(index_page), data).status_code == 302
    assert WorkshopTemplatePage.objects.get(slug="unit-only").module == module


def test_the_index_lists_workshops_by_module_and_unit(client, index_page, workshop):
    index_page.refresh_from_db()  # the admin added a child through another instance
    loose = WorkshopTemplatePage(title="Welcome to learning groups", slug="loose", summary="Start")
    index_page.add_child(instance=loose)
    loose.save_revision().publish()
    html = client.get(index_page.url).content.decode()
    assert html.index("<h2>Module 2: Parliament</h2>") < html.index("How parliament works")
    assert "<h3>How laws are made</h3>" in html
    assert "<h2>Other workshops</h2>" in html
    assert "· 1 hour 10 min" in html


def test_search_finds_a_workshop_by_what_it_covers(workshop):
    def found(query):
        return list(WorkshopTemplatePage.objects.live().search(query))

    assert found("scrutiny") == [workshop]  # agenda segment title
    assert found("ambassador") == [workshop]  # discussion prompt
    assert found("explain") == [workshop]  # objective
    assert found("count to ten") == [workshop]  # facilitator guidance
    assert found("zebra") == []


def test_the_base_template_can_be_the_sites_own(client, workshop, settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "testapp/site_base.html"}
    html = client.get(workshop.url).content.decode()
    assert '<div class="host-site-chrome">' in html
    assert "How parliament works" in html


def build_workshop(parent, copies, documents):
    """A published workshop whose body repeats agenda and resources blocks ``copies`` times."""
    body = []
    for number in range(copies):
        body.append(
            (
                "agenda",
                {
                    "heading": f"Part {number}",
                    "segments": [
                        {"title": "Talk", "minutes": 10, "kind": "presentation", "core": False},
                        {"title": "Talk back", "minutes": 10, "kind": "discussion", "core": True},
                    ],
                },
            )
        )
        body.append(
            (
                "resources",
                {
                    "heading": "",
                    "resources": [
                        ("document", {"document": doc, "title": "", "kind": "reading"})
                        for doc in documents
                    ],
                },
            )
        )
        body.append(("guidance", {"kind": "tip", "title": "", "text": "<p>Tip</p>"}))
    page = WorkshopTemplatePage(title=f"Big {copies}", slug=f"big-{copies}", summary="Big")
    page.body = body
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def queries_to_render(client, url):
    client.get(url)  # warm the site and template caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_blocks_or_documents(client, index_page, make_document):
    few_docs = [make_document(f"Doc {n}", f"d{n}.pdf") for n in range(2)]
    many_docs = few_docs + [make_document(f"More {n}", f"m{n}.pdf") for n in range(10)]
    small = build_workshop(index_page, 1, few_docs)
    large = build_workshop(index_page, 25, many_docs)
    for suffix in ["", "facilitator/"]:
        assert queries_to_render(client, large.url + suffix) == queries_to_render(
            client, small.url + suffix
        )


def test_an_editor_edits_the_agenda_and_the_total_follows(admin_client, workshop, make_document):
    edit_url = reverse("wagtailadmin_pages:edit", args=(workshop.pk,))
    assert admin_client.get(edit_url).status_code == 200
    data = workshop_form(make_document().pk)
    data["body-3-value-segments-2-value-minutes"] = "45"  # the core discussion runs longer
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.total_minutes == 85
    assert "Total: 1 hour 25 min" in admin_client.get(workshop.url).content.decode()


def test_the_index_hides_workshops_the_reader_may_not_view(client, index_page, workshop):
    from wagtail.models import PageViewRestriction

    secret = WorkshopTemplatePage(title="Restricted workshop", slug="restricted", summary="Shh")
    index_page.refresh_from_db()
    index_page.add_child(instance=secret)
    secret.save_revision().publish()
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    html = client.get(index_page.url).content.decode()
    assert "How parliament works" in html
    assert "Restricted workshop" not in html


def test_the_index_query_count_does_not_grow_with_workshops(client, index_page, make_document):
    documents = [make_document(f"Doc {n}", f"d{n}.pdf") for n in range(3)]
    build_workshop(index_page, 2, documents)
    few = queries_to_render(client, index_page.url)
    for copies in range(3, 8):
        index_page.refresh_from_db()
        build_workshop(index_page, copies, documents)
    assert queries_to_render(client, index_page.url) == few


def test_total_minutes_reads_old_and_new_list_formats(root_page):
    page = WorkshopTemplatePage(title="Old data", slug="old-data", summary="Stored long ago")
    page.body = [("agenda", {"heading": "", "segments": [{"title": "A", "minutes": 20}]})]
    root_page.add_child(instance=page)
    raw = page.body.raw_data
    raw[0]["value"]["segments"].append({"title": "Bare, as older releases stored", "minutes": 5})
    raw.append({"type": "agenda", "value": "not a mapping"})
    assert page.total_minutes == 25


def test_preview_of_a_page_not_yet_in_a_site_has_no_broken_links(rf, db):
    from django.contrib.auth.models import AnonymousUser

    page = WorkshopTemplatePage(title="Draft", slug="draft", summary="Not saved yet")
    request = rf.get("/")
    request.user = AnonymousUser()
    context = page.get_context(request)
    assert "facilitator_url" not in context
    html = page.make_preview_request(request, "").content.decode()
    assert "Draft" in html
    assert 'href="facilitator/"' not in html


def test_index_intro_is_sanitised_when_stored(root_page):
    index = WorkshopIndexPage(
        title="Workshops",
        slug="all-workshops",
        intro='<p onclick="x()">Hi<script>y()</script></p>',
    )
    root_page.add_child(instance=index)
    index.refresh_from_db()
    assert index.intro == "<p>Hiy()</p>"


def test_an_index_intro_holding_an_image_opens_in_the_editor(admin_client, root_page):
    index = WorkshopIndexPage(
        title="Workshops",
        slug="workshops-with-a-picture",
        intro='<p>Our academy <img src="/static/academy.png" alt="The academy"> in spring.</p>',
    )
    root_page.add_child(instance=index)
    index.save_revision().publish()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[index.pk]))
    assert response.status_code == 200
    assert "in spring." in response.content.decode()
