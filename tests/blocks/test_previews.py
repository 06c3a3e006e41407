"""Block previews in the admin's block chooser, through Wagtail's own preview view."""

import pytest
from django.urls import reverse

from wagtail_learninggroups.blocks import LearningGroupsStreamBlock

STREAM = LearningGroupsStreamBlock()
OURS = ["objectives", "agenda", "discussion", "resources", "guidance", "preparation"]


@pytest.mark.parametrize("name", OURS)
def test_preview_is_styled_and_shows_the_facilitator_view(admin_client, name):
    block = STREAM.child_blocks[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "wagtail_learninggroups/css/learninggroups.css" in html
    assert f'class="lg-block lg-{name}' in html


def test_guidance_preview_is_not_blank(admin_client):
    block = STREAM.child_blocks["guidance"]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert "Let the room talk" in response.content.decode()
