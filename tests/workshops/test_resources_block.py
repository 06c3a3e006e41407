import pytest

from wagtail_learninggroups.blocks import ResourcesBlock


def resources_value(block, items, heading=""):
    return block.to_python(
        {
            "heading": heading,
            "resources": [{"type": kind, "value": value} for kind, value in items],
        }
    )


LINK = {"url": "https://example.org/c", "title": "Committees", "description": "Who does what"}
E_LEARNING = {
    "url": "https://learn.example/p",
    "title": "Parliament",
    "provider": "Academy",
    "minutes": 30,
}


@pytest.mark.django_db
class TestResourcesBlock:
    def setup_method(self):
        self.block = ResourcesBlock()

    def test_documents_show_their_type_and_size(self, make_document):
        slides = make_document("Parliament slides", "parliament.pdf", size=2500)
        html = self.block.render(
            resources_value(
                self.block,
                [("document", {"document": slides.pk, "title": "", "kind": "slides"})],
            )
        )
        assert f'<a class="lg-resource__title" href="{slides.url}">Parliament slides</a>' in html
        assert "Slides · PDF, 2.4\xa0KB" in html

    def test_videos_are_links_with_an_offline_copy(self, make_document):
        copy = make_document("Video file", "bill.mp4", size=4096)
        html = self.block.render(
            resources_value(
                self.block,
                [
                    (
                        "video",
                        {
                            "url": "https://video.intranet.example/watch/42",
                            "title": "How a bill becomes law",
                            "minutes": 12,
                            "offline_copy": copy.pk,
                        },
                    )
                ],
            )
        )
        assert (
            '<a class="lg-resource__title" href="https://video.intranet.example/watch/42">' in html
        )
        assert "Video · 12 min" in html
        assert "<iframe" not in html
        assert f'<a href="{copy.url}">Download an offline copy</a> (MP4, 4.0\xa0KB)' in html

    def test_links_and_e_learning(self):
        html = self.block.render(
            resources_value(
                self.block,
                [
                    ("link", LINK),
                    ("e_learning", E_LEARNING),
                ],
            )
        )
        assert "Link" in html and "Who does what" in html
        assert "E-learning · Academy · 30 min" in html
        assert '<span class="lg-resource__url">https://learn.example/p</span>' in html

    def test_a_deleted_document_is_left_out_not_a_500(self, make_document):
        gone = make_document("Old slides")
        kept = make_document("New slides")
        gone_pk = gone.pk
        gone.delete()
        value = resources_value(
            self.block,
            [
                ("document", {"document": gone_pk, "title": "", "kind": "slides"}),
                ("document", {"document": kept.pk, "title": "", "kind": "slides"}),
            ],
        )
        html = self.block.render(value)
        assert "Old slides" not in html
        assert "New slides" in html

    def test_documents_load_in_one_query_however_many(
        self, make_document, django_assert_num_queries
    ):
        documents = [make_document(f"Doc {number}", f"doc{number}.pdf") for number in range(12)]
        raw = {
            "heading": "",
            "resources": [
                {"type": "document", "value": {"document": doc.pk, "title": "", "kind": "reading"}}
                for doc in documents
            ],
        }
        with django_assert_num_queries(1):
            html = self.block.render(self.block.to_python(raw))
        assert html.count('class="lg-resource lg-resource--document"') == 12

    def test_get_searchable_content(self):
        value = resources_value(
            self.block,
            [("link", {"url": "https://example.org/", "title": "Hansard", "description": ""})],
        )
        assert "Hansard" in self.block.get_searchable_content(value)


@pytest.mark.django_db
def test_stored_json_with_missing_fields_or_unsafe_urls_is_left_out():
    block = ResourcesBlock()
    value = block.to_python(
        {
            "resources": [
                {"type": "link", "value": {"title": "No address"}},
                {"type": "link", "value": {"url": "javascript:alert(1)", "title": "Trap"}},
                {"type": "e_learning", "value": {"url": "https://learn.example/x"}},
                {"type": "link", "value": {"url": "https://example.org/ok", "title": "Fine"}},
            ]
        }
    )
    html = block.render(value)
    assert "javascript" not in html
    assert "None" not in html
    assert "Trap" not in html and "No address" not in html
    assert html.count('class="lg-resource ') == 1
    assert "Fine" in html
