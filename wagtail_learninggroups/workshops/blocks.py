"""Blocks a central learning team builds a workshop template from."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from ..core.blocks import PREVIEW_TEMPLATE, TolerantStructBlock
from ..core.keys import renew_duplicate_keys
from ..core.richtext import SanitisedRichTextBlock
from ..core.sanitise import safe_url
from . import agenda
from .slot_blocks import LocalSlotBlock

__all__ = [
    "ObjectivesBlock",
    "AgendaSegmentBlock",
    "WorkshopAgendaBlock",
    "DiscussionBlock",
    "FacilitatorGuidanceBlock",
    "PreparationChecklistBlock",
]

SEGMENT_KINDS = [
    ("welcome", _("Welcome")),
    ("presentation", _("Presentation")),
    ("video", _("Video")),
    ("discussion", _("Discussion")),
    ("activity", _("Activity")),
    ("quiz", _("Quiz")),
    ("break", _("Break")),
    ("wrap-up", _("Wrap-up")),
]
SEGMENT_KIND_LABELS = dict(SEGMENT_KINDS)


class ObjectivesBlock(TolerantStructBlock):
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
        preview_template = PREVIEW_TEMPLATE
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


class AgendaSegmentBlock(TolerantStructBlock):
    """One timed part of a workshop: a talk, a discussion, a break."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    minutes = blocks.IntegerBlock(
        min_value=1,
        max_value=agenda.MAX_MINUTES,
        label=_("Minutes"),
        help_text=_("From 1 to 480."),
    )
    kind = blocks.ChoiceBlock(choices=SEGMENT_KINDS, default="presentation", label=_("Kind"))
    core = blocks.BooleanBlock(
        required=False,
        label=_("Core: must not be cut"),
        help_text=_("Mark the parts a local facilitator must keep, such as the discussions."),
    )
    description = blocks.TextBlock(
        required=False, label=_("What happens"), help_text=_("Shown to participants.")
    )
    facilitator_notes = blocks.TextBlock(
        required=False,
        label=_("Facilitator notes"),
        help_text=_("Shown only in the facilitator view and the printed pack."),
    )
    local = blocks.StreamBlock(
        [("slot", LocalSlotBlock())],
        required=False,
        max_num=1,
        label=_("Local content"),
        help_text=_('Optional: a slot each office fills for this segment, e.g. "local speaker".'),
    )

    is_agenda_segment = True

    class Meta:
        icon = "time"
        label = _("Segment")
        # The editor's outline (Wagtail's minimap) and a collapsed segment show its title.
        label_format = "{title}"


class WorkshopAgendaBlock(TolerantStructBlock):
    """The timed running order of a workshop, with its total and its share of discussion."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    segments = blocks.ListBlock(AgendaSegmentBlock(), label=_("Segments"))

    def clean(self, value, *args, **kwargs):
        value = renew_duplicate_keys(self, super().clean(value, *args, **kwargs))
        segments = list(value["segments"])
        if not segments:
            message = _("Add at least one segment to the agenda.")
        elif agenda.total_minutes(segments) > agenda.MAX_MINUTES:
            message = _(
                "The agenda runs for %(duration)s; a workshop may last at most 8 hours."
            ) % {"duration": agenda.format_duration(agenda.total_minutes(segments))}
        else:
            return value
        raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        segments = list(value["segments"])
        total = agenda.total_minutes(segments)
        context.update(
            {
                "rows": [
                    {
                        "segment": segment,
                        "start": agenda.format_clock(start),
                        "kind_label": SEGMENT_KIND_LABELS.get(segment.get("kind"), ""),
                    }
                    for segment, start in zip(segments, agenda.start_times(segments), strict=True)
                ],
                "total_duration": agenda.format_duration(total),
                "end_clock": agenda.format_clock(total),
                "interactive_share": agenda.interactive_share(segments),
                "core_count": sum(1 for segment in segments if segment.get("core")),
            }
        )
        return context

    class Meta:
        icon = "time"
        template = "wagtail_learninggroups/blocks/agenda.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Agenda")
        group = _("Workshop")
        description = _(
            "The running order: timed segments, with the total time and how much of it is "
            "discussion."
        )
        preview_value = {
            "heading": "",
            "segments": [
                {"title": "Welcome", "minutes": 10, "kind": "welcome", "core": False},
                {"title": "How a bill becomes law", "minutes": 20, "kind": "video", "core": False},
                {
                    "title": "What would we change?",
                    "minutes": 30,
                    "kind": "discussion",
                    "core": True,
                },
                {"title": "Wrap-up", "minutes": 10, "kind": "wrap-up", "core": False},
            ],
        }


class DiscussionBlock(TolerantStructBlock):
    """Questions for participants to discuss, with a suggested group size and time."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    prompts = blocks.ListBlock(
        blocks.TextBlock(label=_("Question")),
        min_num=1,
        label=_("Questions"),
        help_text=_("Open questions that have no single right answer work best."),
    )
    group_size = blocks.IntegerBlock(
        required=False,
        min_value=2,
        max_value=30,
        label=_("People per group"),
    )
    minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=agenda.MAX_MINUTES, label=_("Minutes")
    )

    class Meta:
        icon = "openquote"
        template = "wagtail_learninggroups/blocks/discussion.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Discussion")
        group = _("Workshop")
        description = _("Prompt questions for a group discussion.")
        preview_value = {
            "title": "Parliament where you are",
            "prompts": [
                "How does the host country's parliament hold its government to account?",
                "When did our work last depend on a vote there?",
            ],
            "group_size": 4,
            "minutes": 20,
        }


GUIDANCE_KINDS = [
    ("tip", _("Tip")),
    ("warning", _("Watch out")),
    ("example", _("Good practice example")),
    ("checklist", _("Checklist")),
]
GUIDANCE_KIND_LABELS = dict(GUIDANCE_KINDS)


class FacilitatorGuidanceBlock(TolerantStructBlock):
    """Advice for the person running the session, shown as a callout beside the content."""

    kind = blocks.ChoiceBlock(choices=GUIDANCE_KINDS, default="tip", label=_("Kind"))
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = SanitisedRichTextBlock(required=False, label=_("Guidance"))
    checklist = blocks.ListBlock(
        blocks.CharBlock(max_length=255, label=_("Item")),
        default=[],
        label=_("Checklist items"),
        help_text=_("For a checklist: one thing to check per line."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = GUIDANCE_KIND_LABELS.get(
            value.get("kind"), GUIDANCE_KIND_LABELS["tip"]
        )
        return context

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if value["kind"] == "checklist" and not list(value["checklist"]):
            raise StructBlockValidationError(
                block_errors={"checklist": ValidationError(_("A checklist needs items."))}
            )
        if value["kind"] != "checklist" and not (value["text"] and value["text"].source):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError(_("Write the guidance."))}
            )
        return value

    class Meta:
        icon = "help"
        template = "wagtail_learninggroups/blocks/guidance.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Facilitator guidance")
        group = _("Facilitation")
        description = _(
            "A tip, a warning, a good example or a checklist for the facilitator. Participants "
            "do not see it."
        )
        preview_value = {
            "kind": "tip",
            "title": "Let the room talk",
            "text": "<p>Ask the question, then wait. Silence for ten seconds is normal.</p>",
            "checklist": [],
        }


LEAD_TIMES = [
    ("28", _("4 weeks before")),
    ("14", _("2 weeks before")),
    ("7", _("1 week before")),
    ("3", _("A few days before")),
    ("1", _("The day before")),
    ("0", _("On the day")),
]
LEAD_TIME_LABELS = dict(LEAD_TIMES)


class PreparationTaskBlock(TolerantStructBlock):
    """Something the facilitator does before the session."""

    task = blocks.CharBlock(max_length=255, label=_("Task"))
    lead_time = blocks.ChoiceBlock(choices=LEAD_TIMES, default="7", label=_("When"))

    class Meta:
        icon = "tick"
        label_format = "{task}"


class PreWorkBlock(TolerantStructBlock):
    """Something participants do before the session, such as an e-learning course."""

    title = blocks.CharBlock(max_length=255, label=_("Title"))
    url = blocks.URLBlock(required=False, label=_("Link"))
    minutes = blocks.IntegerBlock(
        required=False, min_value=1, max_value=agenda.MAX_MINUTES, label=_("Minutes")
    )

    class Meta:
        icon = "link"
        label_format = "{title}"


class PreparationChecklistBlock(TolerantStructBlock):
    """What to do before the session, and the pre-work participants finish first."""

    tasks = blocks.ListBlock(
        PreparationTaskBlock(), default=[], label=_("Tasks for the facilitator")
    )
    pre_work = blocks.ListBlock(PreWorkBlock(), default=[], label=_("Pre-work for participants"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["tasks"] = [
            {"task": task.get("task"), "when": LEAD_TIME_LABELS.get(task.get("lead_time"), "")}
            for task in value["tasks"]
            if task.get("task")
        ]
        context["pre_work"] = [
            {
                "title": item.get("title"),
                "url": safe_url(item.get("url")),
                "minutes": item.get("minutes"),
            }
            for item in value["pre_work"]
            if item.get("title")
        ]
        return context

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if not list(value["tasks"]) and not list(value["pre_work"]):
            raise StructBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(_("Add a task or some pre-work, or remove the checklist."))]
                )
            )
        return value

    class Meta:
        icon = "tasks"
        template = "wagtail_learninggroups/blocks/preparation.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Preparation checklist")
        group = _("Facilitation")
        description = _("Tasks before the session, with how far ahead, and pre-work.")
        preview_value = {
            "tasks": [
                {"task": "Book a room with a screen", "lead_time": "14"},
                {"task": "Find a colleague who has worked with legislators", "lead_time": "14"},
                {"task": "Print the facilitator pack", "lead_time": "1"},
            ],
            "pre_work": [
                {"title": "E-learning: Parliament in 30 minutes", "url": "", "minutes": 30}
            ],
        }
