import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText

from tests.core.html_safety import load_xss_vectors, problems
from wagtail_learninggroups.blocks import (
    DiscussionBlock,
    FacilitatorGuidanceBlock,
    PreparationChecklistBlock,
    SanitisedRichTextBlock,
)

FACILITATOR = {"lg_facilitator": True}


class TestDiscussionBlock:
    def setup_method(self):
        self.block = DiscussionBlock()
        self.value = self.block.to_python(
            {
                "title": "Parliament where you are",
                "prompts": [
                    "Who holds the government to account here?",
                    "When did a vote matter?",
                ],
                "group_size": 4,
                "minutes": 20,
            }
        )

    def test_render(self):
        html = self.block.render(self.value)
        assert '<h2 class="lg-discussion__title">Parliament where you are</h2>' in html
        assert html.count("<li>") == 2
        assert "Groups of 4 · 20 minutes" in html

    def test_clean_needs_a_question(self):
        value = self.block.to_python({"title": "Empty", "prompts": [], "group_size": None})
        with pytest.raises(StructBlockValidationError):
            self.block.clean(value)

    def test_clean_rejects_a_group_of_one(self):
        value = self.block.to_python({"title": "Alone", "prompts": ["Why?"], "group_size": 1})
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(value)
        assert "group_size" in caught.value.block_errors

    def test_get_searchable_content(self):
        assert "When did a vote matter?" in self.block.get_searchable_content(self.value)


class TestFacilitatorGuidanceBlock:
    def setup_method(self):
        self.block = FacilitatorGuidanceBlock()

    def value(self, **fields):
        data = {"kind": "tip", "title": "", "text": "", "checklist": []}
        data.update(fields)
        return self.block.to_python(data)

    def test_participants_do_not_see_guidance(self):
        html = self.block.render(self.value(text="<p>Wait ten seconds.</p>"))
        assert html.strip() == ""

    def test_facilitators_see_a_labelled_callout(self):
        html = self.block.render(
            self.value(kind="warning", title="Timing", text="<p>Wait ten seconds.</p>"),
            context=FACILITATOR,
        )
        assert '<aside class="lg-block lg-guidance lg-guidance--warning"' in html
        assert 'aria-label="Facilitator guidance: Watch out"' in html
        assert "Wait ten seconds." in html
        assert "Timing" in html

    def test_checklist_renders_items(self):
        html = self.block.render(
            self.value(kind="checklist", checklist=["Room booked", "Slides loaded"]),
            context=FACILITATOR,
        )
        assert "<li>Room booked</li>" in html
        assert "<li>Slides loaded</li>" in html

    def test_clean_checklist_needs_items(self):
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(self.value(kind="checklist"))
        assert "checklist" in caught.value.block_errors

    def test_clean_tip_needs_text(self):
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(self.value(kind="tip"))
        assert "text" in caught.value.block_errors

    def test_guidance_text_is_sanitised_when_read_and_when_stored(self):
        value = self.value(text='<p onclick="x()">Hi<script>alert(1)</script></p>')
        assert value["text"].source == "<p>Hialert(1)</p>"
        value["text"] = RichText('<p><a href="javascript:alert(1)">x</a></p>')
        stored = self.block.get_prep_value(value)
        assert stored["text"] == "<p><a>x</a></p>"

    def test_get_searchable_content_includes_guidance(self):
        content = self.block.get_searchable_content(
            self.value(title="Silence", text="<p>Let the room think.</p>")
        )
        assert "Silence" in content
        assert any("Let the room think." in item for item in content)


class TestPreparationChecklistBlock:
    def setup_method(self):
        self.block = PreparationChecklistBlock()
        self.value = self.block.to_python(
            {
                "tasks": [
                    {"task": "Book a room with a screen", "lead_time": "14"},
                    {"task": "Print the pack", "lead_time": "1"},
                ],
                "pre_work": [
                    {
                        "title": "E-learning: Parliament",
                        "url": "https://l.example/p",
                        "minutes": 30,
                    }
                ],
            }
        )

    def test_participants_see_only_the_pre_work(self):
        html = self.block.render(self.value)
        assert "Book a room" not in html
        assert '<a href="https://l.example/p">E-learning: Parliament</a>' in html
        assert "(30 min)" in html

    def test_facilitators_see_tasks_with_how_far_ahead(self):
        html = self.block.render(self.value, context=FACILITATOR)
        assert '<span class="lg-preparation__when">2 weeks before</span> Book a room' in html
        assert "The day before</span> Print the pack" in html

    def test_a_checklist_with_only_tasks_is_invisible_to_participants(self):
        value = self.block.to_python({"tasks": [{"task": "Book", "lead_time": "7"}]})
        assert self.block.render(value).strip() == ""

    def test_clean_rejects_an_empty_checklist(self):
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(self.block.to_python({"tasks": [], "pre_work": []}))
        assert caught.value.non_block_errors


class TestSanitisedRichTextBlock:
    def setup_method(self):
        self.block = SanitisedRichTextBlock()

    def test_keeps_wagtail_rich_text(self):
        source = '<p data-block-key="k1">See <a linktype="page" id="4">this</a></p>'
        assert self.block.to_python(source).source == source
        assert self.block.get_prep_value(RichText(source)) == source

    def test_deconstructs_to_the_public_path(self):
        path, _args, kwargs = self.block.deconstruct()
        assert path == "wagtail_learninggroups.blocks.SanitisedRichTextBlock"

    @pytest.mark.parametrize("vector", load_xss_vectors())
    def test_stored_and_read_values_are_inert(self, vector):
        assert problems(self.block.to_python(vector).source) == []
        assert problems(self.block.get_prep_value(RichText(vector))) == []


def test_pre_work_with_an_unsafe_url_keeps_its_title_but_not_the_link():
    block = PreparationChecklistBlock()
    value = block.to_python(
        {"tasks": [], "pre_work": [{"title": "Read this", "url": "javascript:alert(1)"}]}
    )
    html = block.render(value)
    assert "javascript" not in html
    assert "Read this" in html
