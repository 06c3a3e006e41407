"""``manage.py learninggroups_usage``: where a site uses the package's blocks and models."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.champions.factories import make_champion
from tests.quizzes.factories import quiz_value
from tests.testapp.models import HostArticlePage, HostLearningPage
from wagtail_learninggroups.blocks import LearningGroupsStreamBlock
from wagtail_learninggroups.core import usage
from wagtail_learninggroups.models import Award, Champion, WorkshopTemplatePage

OBJECTIVES = {
    "heading": "",
    "objectives": [{"type": "item", "value": "Explain how a bill becomes law", "id": "o-1"}],
}


def run(*args):
    out = StringIO()
    call_command("learninggroups_usage", *args, stdout=out)
    return out.getvalue()


def add(parent, page):
    parent.refresh_from_db()
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def site(root_page):
    """A host article with objectives, a host page with a quiz and a poll, and a template."""
    article = add(
        root_page,
        HostArticlePage(
            title="News",
            slug="news",
            body=[
                {"type": "heading", "value": "Our offices", "id": "h-1"},
                {"type": "objectives", "value": OBJECTIVES, "id": "b-1"},
            ],
        ),
    )
    learning = add(
        root_page,
        HostLearningPage(
            title="Know your parliament",
            slug="know",
            body=[{"type": "quiz", "value": quiz_value(), "id": "b-quiz"}],
        ),
    )
    # A block a newer release added: this one cannot read it, and says so.
    HostLearningPage.objects.filter(pk=learning.pk).update(
        body=[
            {"type": "quiz", "value": quiz_value(), "id": "b-quiz"},
            {"type": "poll", "value": {"question": "?"}, "id": "b-poll"},
        ]
    )
    template = add(
        root_page,
        WorkshopTemplatePage(
            title="How parliament works",
            slug="how",
            summary="Parliament.",
            body=[
                {"type": "objectives", "value": OBJECTIVES, "id": "b-1"},
                {"type": "objectives", "value": OBJECTIVES, "id": "b-2"},
                {"type": "heading", "value": "Not one of our blocks", "id": "h-1"},
            ],
        ),
    )
    # An unpublished change: a quiz in the draft only.
    draft = WorkshopTemplatePage.objects.get(pk=template.pk)
    draft.body = [
        *draft.body.raw_data,
        {"type": "quiz", "value": quiz_value(key="draftquiz001"), "id": "b-quiz"},
    ]
    draft.save_revision()
    ana = make_champion("Ana Silva", awards=[("Newcomer award", 2026)])
    return {"article": article, "learning": learning, "template": template, "ana": ana}


def streams_of(report, page):
    return {
        (stream["field"], stream["version"]): stream
        for stream in report["streams"]
        if stream["id"] == page.pk
    }


def test_json_lists_each_page_field_and_block(site):
    report = json.loads(run("--format", "json"))
    article = streams_of(report, site["article"])
    assert article[("body", "live")]["blocks"] == {"ObjectivesBlock": 1}
    assert article[("body", "live")]["model"] == "testapp.hostarticlepage"
    assert article[("body", "live")]["url_path"] == site["article"].url_path
    assert article[("body", "live")]["title"] == "News"
    learning = streams_of(report, site["learning"])[("body", "live")]
    assert learning["blocks"] == {"QuizBlock": 1}
    assert learning["unreadable"] == 1
    template = streams_of(report, site["template"])
    assert template[("body", "live")]["blocks"] == {"ObjectivesBlock": 2}
    assert template[("body", "draft")]["blocks"] == {"ObjectivesBlock": 2, "QuizBlock": 1}
    assert set(template) == {("body", "live"), ("body", "draft")}


def test_json_names_the_definitions_and_counts_our_rows(site):
    report = json.loads(run("--format", "json"))
    assert report["definitions"]["testapp.HostArticlePage.body"] == ["ObjectivesBlock"]
    assert "QuizBlock" in report["definitions"]["testapp.HostLearningPage.body"]
    definitions = report["definitions"]
    assert "SlotFillBlock" in definitions["wagtail_learninggroups.LocalEditionPage.fills"]
    rows = report["rows"]
    assert rows["wagtail_learninggroups.champion"]["count"] == Champion.objects.count() == 1
    assert rows["wagtail_learninggroups.award"]["count"] == Award.objects.count() == 1
    assert rows["wagtail_learninggroups.workshoptemplatepage"]["count"] == 1
    assert rows["wagtail_learninggroups.quizattempt"]["count"] == 0
    assert rows["wagtail_learninggroups.workshoptemplatepage"]["name"] == "workshop templates"


def test_text_is_for_people(site):
    text = run()
    assert "Content using our blocks" in text
    assert f"#{site['article'].pk} “News” (testapp.hostarticlepage) /" in text
    assert "body: ObjectivesBlock ×1" in text
    assert "body: ObjectivesBlock ×2, QuizBlock ×1" in text
    assert "[unpublished changes]" in text
    assert "1 part this release cannot read (kept as stored)" in text
    assert "testapp.HostArticlePage.body: ObjectivesBlock" in text
    assert "champions: 1  (wagtail_learninggroups.champion)" in text


def test_a_site_without_our_content_says_so(db):
    text = run()
    assert "None." in text
    assert json.loads(run("--format", "json"))["streams"] == []


def test_queries_do_not_grow_with_the_number_of_pages(root_page):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            run("--format", "json")
        return len(captured)

    add(root_page, HostArticlePage(title="A", slug="a", body=[
        {"type": "objectives", "value": OBJECTIVES, "id": "b-1"}]))  # fmt: skip
    few = queries()
    for index in range(5):
        add(root_page, HostArticlePage(title=f"B{index}", slug=f"b{index}", body=[
            {"type": "objectives", "value": OBJECTIVES, "id": "b-1"}]))  # fmt: skip
    assert queries() == few


def test_blocks_are_counted_where_the_json_says_and_nowhere_else():
    block = LearningGroupsStreamBlock()
    raw = [
        {"type": "objectives", "value": OBJECTIVES},
        {"type": "text", "value": "<p>Rich text of ours</p>"},
        {"type": "heading", "value": "A plain heading"},
        {"type": "poll", "value": {}},
        "not an item",
    ]
    assert usage.count_blocks(block, raw) == {"ObjectivesBlock": 1, "SanitisedRichTextBlock": 1}
    assert usage.count_blocks(block, {"type": "objectives"}) == {}
    assert usage.unreadable_parts(block, raw) == 2
