import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue

from wagtail_learninggroups.blocks import LearningGroupsStreamBlock, ObjectivesBlock


class TestObjectivesBlock:
    def setup_method(self):
        self.block = ObjectivesBlock()
        self.block.set_name("objectives")
        self.db_value = {
            "heading": "",
            "objectives": [
                {"type": "item", "value": "Explain how a bill becomes law", "id": "a"},
                {"type": "item", "value": "Name two select committees", "id": "b"},
            ],
        }

    def test_to_python(self):
        value = self.block.to_python(self.db_value)
        assert value["heading"] == ""
        assert list(value["objectives"]) == [
            "Explain how a bill becomes law",
            "Name two select committees",
        ]

    def test_get_prep_value_round_trip(self):
        value = self.block.to_python(self.db_value)
        prepped = self.block.get_prep_value(value)
        assert prepped["heading"] == ""
        assert [item["value"] for item in prepped["objectives"]] == [
            "Explain how a bill becomes law",
            "Name two select committees",
        ]
        assert [item["id"] for item in prepped["objectives"]] == ["a", "b"]

    def test_render_uses_default_heading_and_a_list(self):
        html = self.block.render(self.block.to_python(self.db_value))
        assert '<section class="lg-block lg-objectives">' in html
        assert "By the end of this workshop you will be able to" in html
        assert '<li class="lg-objectives__item">Explain how a bill becomes law</li>' in html
        assert html.count("<li") == 2

    def test_render_escapes_text(self):
        value = self.block.to_python(
            {"heading": "<b>Goals</b>", "objectives": ["<script>alert(1)</script>"]}
        )
        html = self.block.render(value)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
        assert "&lt;b&gt;Goals&lt;/b&gt;" in html

    def test_render_custom_heading(self):
        value = self.block.to_python({"heading": "You will learn to", "objectives": ["Listen"]})
        html = self.block.render(value)
        assert "You will learn to" in html
        assert "By the end of this workshop" not in html

    def test_clean_requires_at_least_one_objective(self):
        with pytest.raises(ValidationError):
            self.block.clean(self.block.to_python({"heading": "", "objectives": []}))

    def test_clean_rejects_an_empty_objective(self):
        with pytest.raises(ValidationError):
            self.block.clean(self.block.to_python({"heading": "", "objectives": ["Listen", ""]}))

    def test_clean_accepts_a_valid_value(self):
        cleaned = self.block.clean(self.block.to_python(self.db_value))
        assert len(cleaned["objectives"]) == 2

    def test_get_searchable_content(self):
        content = self.block.get_searchable_content(self.block.to_python(self.db_value))
        assert "Explain how a bill becomes law" in content
        assert "Name two select committees" in content

    def test_meta(self):
        assert self.block.meta.icon == "list-ul"
        assert self.block.meta.group == "Workshop"
        assert self.block.meta.preview_value["objectives"]
        assert self.block.meta.description

    def test_preview_value_renders(self):
        value = self.block.normalize(self.block.meta.preview_value)
        assert "Explain how a bill becomes law" in self.block.render(value)

    def test_deconstruct_freezes_the_definition(self):
        # Wagtail writes struct blocks into migrations as plain StructBlocks with their children,
        # so a site's migrations keep working whatever we later do to this class.
        path, args, kwargs = self.block.deconstruct()
        assert path == "wagtail.blocks.StructBlock"
        assert [name for name, child in args[0]] == ["heading", "objectives"]


class TestLearningGroupsStreamBlock:
    def test_offers_objectives_and_renders_them(self):
        block = LearningGroupsStreamBlock()
        assert "objectives" in block.child_blocks
        value = StreamValue(
            block, [("objectives", {"heading": "", "objectives": ["Chair a discussion"]})]
        )
        assert "Chair a discussion" in block.render(value)

    def test_deconstruct_freezes_the_definition(self):
        path, args, kwargs = LearningGroupsStreamBlock().deconstruct()
        assert path == "wagtail.blocks.StreamBlock"
        assert "objectives" in dict(args[0])
