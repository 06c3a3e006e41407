"""The promise of ../DESIGN §1: the public block names and the paths migrations will record."""

import pytest
from wagtail.blocks import Block

import wagtail_learninggroups.blocks as public_blocks

PUBLIC = [getattr(public_blocks, name) for name in public_blocks.__all__]
#: Every block the module offers: the public ones and the parts that migrations may name.
EXPORTED = PUBLIC + [getattr(public_blocks, name) for name in public_blocks.PARTS]


def test_public_names_are_exported():
    assert {
        "ObjectivesBlock",
        "WorkshopAgendaBlock",
        "ResourcesBlock",
        "FacilitatorGuidanceBlock",
        "DiscussionBlock",
        "PreparationChecklistBlock",
        "LearningGroupsStreamBlock",
        "LocalSlotBlock",
    } <= set(public_blocks.__all__)
    assert all(isinstance(cls, type) and issubclass(cls, Block) for cls in EXPORTED)


def test_parts_are_not_the_public_face():
    """Keys, choices and single question types are importable, but not listed as the API."""
    assert {"SlotKeyBlock", "QuizKeyBlock", "OfficeChoiceBlock", "SingleChoiceQuestionBlock"} <= (
        set(public_blocks.PARTS)
    )
    assert not set(public_blocks.PARTS) & set(public_blocks.__all__)


def descendants(block):
    """The block and every block nested inside it."""
    yield block
    children = list(getattr(block, "child_blocks", {}).values())
    if hasattr(block, "child_block"):
        children.append(block.child_block)
    for child in children:
        yield from descendants(child)


@pytest.mark.parametrize("block_class", EXPORTED, ids=lambda cls: cls.__name__)
def test_migrations_record_a_stable_path(block_class):
    """Every block, nested ones included, freezes into a Wagtail block or names our public module.

    A path into one of our family modules (``…blocks.workshop.X``) would break every site's
    migrations the day the module is split or renamed.
    """
    for block in descendants(block_class()):
        path, _args, _kwargs = block.deconstruct()
        assert path.startswith("wagtail.") or path == (
            f"wagtail_learninggroups.blocks.{type(block).__name__}"
        ), path


@pytest.mark.parametrize("block_class", EXPORTED, ids=lambda cls: cls.__name__)
def test_every_public_block_is_documented_and_has_an_icon(block_class):
    assert block_class.__doc__ and block_class.__doc__.strip()
    block = block_class()
    assert block.meta.icon and block.meta.icon != "placeholder"
