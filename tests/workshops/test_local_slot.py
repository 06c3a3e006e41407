"""LocalSlotBlock: stable keys through the real page editor, placeholders and fills on render."""

import pytest
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.workshops.factories import slot_form, slotted_workshop_form
from wagtail_learninggroups.blocks import LocalSlotBlock, SlotFillBlock
from wagtail_learninggroups.models import WorkshopTemplatePage
from wagtail_learninggroups.workshops import slots


@pytest.fixture
def template(admin_client, root_page, django_capture_on_commit_callbacks):
    url = reverse(
        "wagtailadmin_pages:add",
        args=("wagtail_learninggroups", "workshoptemplatepage", root_page.pk),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, slotted_workshop_form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    return WorkshopTemplatePage.objects.get(slug="parliament-where-you-are")


def template_slots(page):
    return slots.find_slots(page.body.stream_block, page.body.raw_data)


def test_saving_gives_every_slot_a_key_in_the_body_and_in_the_agenda(template):
    found = template_slots(template)
    assert [slot.title for slot in found] == [
        "A welcome from the head of office",
        "A colleague who has worked with parliament",
        "A visit to parliament",
    ]
    assert all(len(slot.key) == 12 for slot in found)
    assert len({slot.key for slot in found}) == 3
    assert found[1].segment == "Local voices" and found[1].kinds == ("person",)


def test_keys_survive_renaming_reordering_and_new_revisions(admin_client, template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    data = slotted_workshop_form(welcome_key=welcome, speaker_key=speaker, event_key=event)
    data["body-1-value-title"] = "A word from the head of office"  # renamed
    data["body-1-order"], data["body-3-order"] = "3", "1"  # the two body slots swap places
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(template.pk,)), data)
    assert response.status_code == 302
    template.refresh_from_db()
    found = template_slots(template)
    assert [(slot.key, slot.title) for slot in found] == [
        (event, "A visit to parliament"),
        (speaker, "A colleague who has worked with parliament"),
        (welcome, "A word from the head of office"),
    ]
    assert template.revisions.count() == 2


def test_a_copied_slot_gets_a_fresh_key_and_the_original_keeps_its_own(admin_client, template):
    welcome, speaker, event = (slot.key for slot in template_slots(template))
    # The editor's "duplicate" copies the hidden key along with the rest of the slot.
    data = slotted_workshop_form(welcome_key=welcome, speaker_key=speaker, event_key=welcome)
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(template.pk,)), data)
    assert response.status_code == 302
    template.refresh_from_db()
    keys = [slot.key for slot in template_slots(template)]
    assert keys[:2] == [welcome, speaker]
    assert keys[2] not in (welcome, speaker, event)


def test_a_fallback_is_required_unless_readers_see_nothing(admin_client, root_page):
    data = slotted_workshop_form()
    data["body-1-value-fallback"] = ""
    url = reverse(
        "wagtailadmin_pages:add",
        args=("wagtail_learninggroups", "workshoptemplatepage", root_page.pk),
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Write the fallback text, or choose" in response.content.decode()
    assert not WorkshopTemplatePage.objects.exists()


def test_readers_of_the_template_see_what_each_office_adds(client, template):
    html = client.get(template.url).content.decode()
    assert html.count("Each office adds:") == 3
    assert "Each office adds:</strong> A colleague who has worked with parliament" in html
    # Instructions are for local editors, never for readers.
    assert "Two or three sentences" not in html
    assert "Ask your champion." not in html


class TestRenderingAFill:
    def setup_method(self):
        self.block = LocalSlotBlock()
        self.fill_block = SlotFillBlock()

    def slot(self, **overrides):
        raw = {**slot_form("Local speaker", key="k1"), "required": True, **overrides}
        raw["required"] = raw["required"] in (True, "on")
        return self.block.to_python(raw)

    def fills(self, content=(), not_applicable=False):
        value = self.fill_block.to_python(
            {"key": "k1", "not_applicable": not_applicable, "content": list(content)}
        )
        return {"k1": value}

    def test_a_filled_slot_shows_the_fill_and_not_the_placeholder(self):
        fills = self.fills([{"type": "text", "value": "<p>Ana <b>Silva</b> will speak.</p>"}])
        html = self.block.render(self.slot(), context={"lg_fills": fills})
        assert "Ana <b>Silva</b> will speak." in html
        assert "Each office adds" not in html

    def test_an_empty_slot_shows_its_fallback_or_nothing(self):
        html = self.block.render(self.slot(), context={"lg_fills": {}})
        assert "Ask your champion." in html
        html = self.block.render(self.slot(when_empty="nothing"), context={"lg_fills": {}})
        assert html.strip() == ""

    def test_not_applicable_shows_nothing_for_an_optional_slot_only(self):
        fills = self.fills(not_applicable=True)
        optional = self.block.render(self.slot(required=False), context={"lg_fills": fills})
        assert optional.strip() == ""
        required = self.block.render(self.slot(), context={"lg_fills": fills})
        assert "Ask your champion." in required

    def test_fill_html_is_sanitised_where_it_is_shown(self):
        fills = self.fills(
            [{"type": "text", "value": '<p onclick="x()">Hi<script>x()</script></p>'}]
        )
        html = self.block.render(self.slot(), context={"lg_fills": fills})
        assert "onclick" not in html and "<script" not in html and "Hi" in html

    def test_an_unsafe_link_in_a_fill_is_left_out(self):
        content = [{"type": "link", "value": {"title": "Sign up", "url": "javascript:alert(1)"}}]
        html = self.block.render(self.slot(), context={"lg_fills": self.fills(content)})
        assert "javascript:" not in html


def test_a_slot_value_without_a_key_raises_no_error_and_gets_one_on_clean():
    block = LocalSlotBlock()
    value = block.clean(block.to_python(slot_form("Local speaker")))
    assert len(value["key"]) == 12
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(slot_form("Local speaker", fallback="")))
    assert isinstance(SlotFillBlock().to_python({"key": "a"})["content"], StreamValue)
