import pytest
from wagtail.blocks import StructBlockValidationError

from wagtail_learninggroups.blocks import WorkshopAgendaBlock

SEGMENTS = [
    {"title": "Welcome and introductions", "minutes": 10, "kind": "welcome", "core": False,
     "description": "Who is here and why.", "facilitator_notes": ""},
    {"title": "How a bill becomes law", "minutes": 20, "kind": "video", "core": False,
     "description": "", "facilitator_notes": "Check the sound before people arrive."},
    {"title": "What would we change?", "minutes": 30, "kind": "discussion", "core": True,
     "description": "Small groups, then share back.", "facilitator_notes": "Do not shorten."},
    {"title": "Wrap-up", "minutes": 10, "kind": "wrap-up", "core": False,
     "description": "", "facilitator_notes": ""},
]  # fmt: skip


def agenda_value(block, segments=SEGMENTS, heading=""):
    return block.to_python({"heading": heading, "segments": segments})


class TestWorkshopAgendaBlock:
    def setup_method(self):
        self.block = WorkshopAgendaBlock()
        self.block.set_name("agenda")

    def test_to_python_and_get_prep_value_round_trip(self):
        value = agenda_value(self.block)
        prepped = self.block.get_prep_value(value)
        assert [item["value"]["title"] for item in prepped["segments"]] == [
            segment["title"] for segment in SEGMENTS
        ]
        assert prepped["segments"][2]["value"]["core"] is True
        again = self.block.to_python(prepped)
        assert [segment["minutes"] for segment in again["segments"]] == [10, 20, 30, 10]

    def test_render_shows_running_times_total_share_and_core(self):
        html = self.block.render(agenda_value(self.block))
        for clock in ["0:00", "0:10", "0:30", "1:00", "1:10"]:
            assert f">{clock}<" in html
        assert "Total: 1 hour 10 min" in html
        assert "43% discussion and activities" in html  # 30 of 70 minutes
        assert html.count("Core: do not cut") == 1
        assert "1 core segment: keep it" in html
        assert '<th scope="col" class="lg-agenda__start">Start</th>' in html
        assert "lg-agenda__row--core" in html

    def test_participants_do_not_see_facilitator_notes(self):
        html = self.block.render(agenda_value(self.block), context={"lg_facilitator": False})
        assert "Check the sound" not in html
        assert "Small groups, then share back." in html

    def test_facilitators_see_their_notes(self):
        html = self.block.render(agenda_value(self.block), context={"lg_facilitator": True})
        assert "Check the sound before people arrive." in html
        assert "Facilitator notes:" in html

    def test_clean_accepts_a_valid_agenda(self):
        cleaned = self.block.clean(agenda_value(self.block))
        assert len(cleaned["segments"]) == 4

    def test_clean_rejects_minutes_out_of_range_on_the_segment(self):
        segments = [dict(SEGMENTS[0], minutes=0), dict(SEGMENTS[1], minutes=481)]
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(agenda_value(self.block, segments))
        segment_errors = caught.value.block_errors["segments"].block_errors
        assert set(segment_errors) == {0, 1}
        assert "minutes" in segment_errors[0].block_errors
        assert "minutes" in segment_errors[1].block_errors

    def test_clean_rejects_an_empty_agenda_on_the_block(self):
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(agenda_value(self.block, []))
        assert "at least one segment" in caught.value.non_block_errors.as_text()

    def test_clean_rejects_more_than_eight_hours_on_the_block(self):
        segments = [dict(SEGMENTS[0], minutes=240), dict(SEGMENTS[2], minutes=241)]
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(agenda_value(self.block, segments))
        message = caught.value.non_block_errors.as_text()
        assert "8 hours 1 min" in message
        assert "at most 8 hours" in message

    def test_exactly_eight_hours_is_allowed(self):
        segments = [dict(SEGMENTS[0], minutes=240), dict(SEGMENTS[2], minutes=240)]
        assert self.block.clean(agenda_value(self.block, segments))

    def test_get_searchable_content(self):
        content = " ".join(self.block.get_searchable_content(agenda_value(self.block)))
        assert "How a bill becomes law" in content
        assert "Small groups, then share back." in content

    def test_preview_value_renders(self):
        value = self.block.normalize(self.block.meta.preview_value)
        assert "What would we change?" in self.block.render(value)
