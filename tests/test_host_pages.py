"""Our blocks in a host site's own page types, created and edited through Wagtail's page editor."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.testapp.models import HostArticlePage, HostLearningPage
from tests.utils import list_block


def objectives(*items, heading=""):
    return {"heading": heading, "objectives": list_block(items)}


def test_create_and_publish_a_host_page_with_objectives(admin_client, root_page):
    url = reverse("wagtailadmin_pages:add", args=("testapp", "hostarticlepage", root_page.pk))
    data = nested_form_data(
        {
            "title": "Understanding parliament",
            "slug": "understanding-parliament",
            "body": streamfield(
                [
                    ("heading", "Why it matters"),
                    ("paragraph", rich_text("<p>Every post works with legislators.</p>")),
                    (
                        "objectives",
                        objectives("Explain how a bill becomes law", "Name a committee"),
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = HostArticlePage.objects.get(slug="understanding-parliament")
    assert page.live
    assert [child.block_type for child in page.body] == ["heading", "paragraph", "objectives"]

    response = admin_client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<section class="lg-block lg-objectives">' in html
    assert "Explain how a bill becomes law" in html
    assert "/static/wagtail_learninggroups/css/learninggroups.css" in html


def test_an_empty_objectives_list_is_refused_on_the_block(admin_client, root_page):
    url = reverse("wagtailadmin_pages:add", args=("testapp", "hostlearningpage", root_page.pk))
    data = nested_form_data(
        {
            "title": "Draft",
            "slug": "draft",
            "body": streamfield([("objectives", objectives())]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not HostLearningPage.objects.filter(slug="draft").exists()
    assert "The page could not be created due to validation errors" in response.content.decode()


def test_edit_keeps_the_block_and_changes_its_text(admin_client, root_page):
    page = HostLearningPage(title="Workshop", slug="workshop")
    page.body = [("objectives", {"heading": "", "objectives": ["Listen well"]})]
    root_page.add_child(instance=page)

    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Workshop",
            "slug": "workshop",
            "body": streamfield([("objectives", objectives("Listen well", "Ask open questions"))]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert list(page.body[0].value["objectives"]) == ["Listen well", "Ask open questions"]
    assert "Ask open questions" in admin_client.get(page.url).content.decode()


def test_the_agenda_works_in_the_host_sites_own_page_type(client, root_page):
    page = HostLearningPage(title="Our own page", slug="our-own-page")
    page.body = [
        (
            "agenda",
            {
                "heading": "Running order",
                "segments": [
                    {"title": "Talk", "minutes": 15, "kind": "presentation", "core": False,
                     "facilitator_notes": "Only for facilitators"},
                    {"title": "Discuss", "minutes": 45, "kind": "discussion", "core": True},
                ],
            },
        )
    ]  # fmt: skip
    root_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Total: 1 hour" in html
    assert "75% discussion and activities" in html
    assert "Only for facilitators" not in html  # the host's page did not ask for that view
