"""Blocks a central learning team builds a workshop template from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

__all__ = ["ObjectivesBlock"]


class ObjectivesBlock(blocks.StructBlock):
    """What participants can do after the workshop, as a list."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Heading"),
        help_text=_('Leave blank for "By the end of this workshop you will be able to".'),
    )
    objectives = blocks.ListBlock(
        blocks.CharBlock(
            max_length=255,
            label=_("Objective"),
            help_text=_('Start with a verb: "explain how a bill becomes law".'),
        ),
        min_num=1,
        label=_("Objectives"),
    )

    class Meta:
        icon = "list-ul"
        template = "wagtail_learninggroups/blocks/objectives.html"
        label = _("Objectives")
        group = _("Workshop")
        description = _("What participants will be able to do after the workshop.")
        preview_value = {
            "heading": "",
            "objectives": [
                "Explain how a bill becomes law",
                "Name the committees that scrutinise our work",
                "Plan a briefing for a visiting member of parliament",
            ],
        }
