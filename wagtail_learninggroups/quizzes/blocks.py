"""Quizzes: questions of several types that staff answer and the server scores.

The page shows only what a participant needs to answer: prompts, choices, items to order and
pairs to match. Correct flags, accepted answers, explanations, feedback and scoring rules stay on
the server until the attempt is submitted (see :mod:`wagtail_learninggroups.quizzes.views`).
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import get_text_for_indexing

from ..core.blocks import PREVIEW_TEMPLATE, TolerantStreamBlock, TolerantStructBlock
from ..core.keys import SlotKeyBlock, new_slot_key
from ..core.richtext import SanitisedRichTextBlock
from ..core.sanitise import clean_html
from . import specs as quiz_specs

__all__ = [
    "QuizBlock",
    "QuizKeyBlock",
    "SingleChoiceQuestionBlock",
    "MultipleChoiceQuestionBlock",
    "TrueFalseQuestionBlock",
    "ShortTextQuestionBlock",
    "NumberQuestionBlock",
    "OrderQuestionBlock",
    "MatchQuestionBlock",
    "ReflectionQuestionBlock",
]

PROMPT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuizKeyBlock(SlotKeyBlock):
    """A quiz's stable key: attempts are kept under it, so it survives edits and revisions."""

    def get_prep_value(self, value):
        # A quiz saved by code (an import, a script) rather than the editor gets its key too.
        return value or new_slot_key()

    def deconstruct(self):
        args, kwargs = self._constructor_args
        return "wagtail_learninggroups.blocks.QuizKeyBlock", args, kwargs


def searchable_text(html):
    """Rich text as the search index takes it: sanitised, then as plain text."""
    return get_text_for_indexing(clean_html(html)) if html else ""


def _struct_error(**errors):
    return StructBlockValidationError(block_errors=errors)


def _list_error(field, message):
    """An error on a question's list (choices, items, pairs), shown above the list."""
    return _struct_error(
        **{field: ListBlockValidationError(non_block_errors=[ValidationError(message)])}
    )


class QuestionImageBlock(ImageChooserBlock):
    """Wagtail's image chooser, which builds no query for questions without an image.

    Most questions have none, and Wagtail's chooser compiles a lookup for each kind of
    question even then. Migrations record it as Wagtail's own chooser: it stores the same.
    """

    def bulk_to_python(self, values):
        values = list(values)
        if all(value is None for value in values):
            return [None] * len(values)
        return super().bulk_to_python(values)

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs


class QuestionBlock(TolerantStructBlock):
    """What every question has: a prompt, an optional image, points and an explanation."""

    prompt = SanitisedRichTextBlock(features=PROMPT_FEATURES, label=_("Question"))
    image = QuestionImageBlock(required=False, label=_("Image"))
    points = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        default=1,
        label=_("Points"),
        help_text=_("What a fully correct answer is worth."),
    )
    explanation = SanitisedRichTextBlock(
        features=PROMPT_FEATURES,
        required=False,
        label=_("Explanation"),
        help_text=_("Shown after submitting, as the quiz allows."),
    )

    def get_searchable_content(self, value):
        # The question is searchable; what would give the answer away is not.
        return [searchable_text(quiz_specs.rich_source(value.get("prompt")))]

    class Meta:
        icon = "help"


class AnswerChoiceBlock(TolerantStructBlock):
    """One choice of a choice question, with feedback for those who pick it."""

    text = blocks.CharBlock(max_length=300, label=_("Choice"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("Feedback"),
        help_text=_("Shown after submitting to those who picked this choice."),
    )

    class Meta:
        icon = "radio-full"
        label_format = "{text}"


class _ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Choices"))

    #: How many correct choices a question of this kind may have at most (``None``: any).
    most_correct = None

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        choices = list(value.get("choices") or ())
        correct = [index for index, choice in enumerate(choices) if choice.get("correct")]
        if len(choices) < 2:
            message = _("Give at least two choices.")
        elif not correct:
            message = _("Mark the correct choice.")
        elif self.most_correct is not None and len(correct) > self.most_correct:
            error = ValidationError(
                _("Only one choice can be correct in a single-choice question.")
            )
            raise _struct_error(
                choices=ListBlockValidationError(
                    block_errors={index: _struct_error(correct=error) for index in correct},
                    non_block_errors=[error],
                )
            )
        else:
            return value
        raise _list_error("choices", message)


class SingleChoiceQuestionBlock(_ChoiceQuestionBlock):
    """A question with one correct choice among several."""

    most_correct = 1

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(_ChoiceQuestionBlock):
    """Select all that apply: partial credit for each right pick, less for each wrong one."""

    class Meta:
        icon = "tick-inverse"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(QuestionBlock):
    """A statement that is true or false."""

    answer = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))],
        default="true",
        label=_("The statement is"),
    )

    class Meta:
        icon = "tick"
        label = _("True or false")


class ShortTextQuestionBlock(QuestionBlock):
    """A short written answer, matched against accepted answers ignoring case and spacing."""

    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Accepted answer")),
        label=_("Accepted answers"),
        help_text=_("Case and extra spaces are ignored when answers are compared."),
    )

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if not [text for text in value.get("accepted") or () if text and text.strip()]:
            raise _list_error("accepted", _("Give at least one accepted answer."))
        return value

    class Meta:
        icon = "edit"
        label = _("Short text answer")


class NumberQuestionBlock(QuestionBlock):
    """A number, right within a tolerance."""

    answer = blocks.DecimalBlock(label=_("Correct number"))
    tolerance = blocks.DecimalBlock(
        required=False,
        default=0,
        label=_("Tolerance"),
        help_text=_("Answers this far either side of the correct number are right too."),
    )
    unit = blocks.CharBlock(
        required=False, max_length=40, label=_("Unit"), help_text=_('e.g. "members"')
    )

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        tolerance = value.get("tolerance")
        if tolerance is not None and tolerance < 0:
            raise _struct_error(tolerance=ValidationError(_("The tolerance cannot be negative.")))
        return value

    class Meta:
        icon = "order"
        label = _("Number")


class OrderQuestionBlock(QuestionBlock):
    """Items to put in order; participants pick each item's place from a list."""

    items = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Item")),
        label=_("Items, in the right order"),
        help_text=_("Participants see them shuffled."),
    )

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if len(value.get("items") or ()) < 2:
            raise _list_error("items", _("Give at least two items."))
        return value

    class Meta:
        icon = "list-ol"
        label = _("Put in order")


class MatchPairBlock(TolerantStructBlock):
    """An item and what it matches."""

    left = blocks.CharBlock(max_length=200, label=_("Item"))
    right = blocks.CharBlock(max_length=200, label=_("Matches"))

    class Meta:
        icon = "link"
        label_format = "{left} – {right}"


class MatchQuestionBlock(QuestionBlock):
    """Pairs to match; participants pick each item's match from a list."""

    pairs = blocks.ListBlock(MatchPairBlock(), label=_("Pairs"))

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if len(value.get("pairs") or ()) < 2:
            raise _list_error("pairs", _("Give at least two pairs."))
        return value

    class Meta:
        icon = "link"
        label = _("Match pairs")


class ReflectionQuestionBlock(TolerantStructBlock):
    """Free text for discussion: kept with the attempt, never scored."""

    prompt = SanitisedRichTextBlock(features=PROMPT_FEATURES, label=_("Question"))
    image = QuestionImageBlock(required=False, label=_("Image"))
    explanation = SanitisedRichTextBlock(
        features=PROMPT_FEATURES,
        required=False,
        label=_("Notes for discussion"),
        help_text=_("Shown after submitting."),
    )

    def get_searchable_content(self, value):
        return [searchable_text(quiz_specs.rich_source(value.get("prompt")))]

    class Meta:
        icon = "openquote"
        label = _("Reflection")


class QuestionsBlock(TolerantStreamBlock):
    """The questions of a quiz, of any type, in order.

    A quiz needs one to be published, but not before: a quiz just added has none. So the rule
    is this block's being required, which Wagtail defers for drafts and for its autosave (from
    the releases after 7.0, which have deferred validation), rather than a ``min_num``, which
    the editor checks as soon as the quiz is added and marks in red.
    """

    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    short_text = ShortTextQuestionBlock()
    number = NumberQuestionBlock()
    order = OrderQuestionBlock()
    match = MatchQuestionBlock()
    reflection = ReflectionQuestionBlock()

    def clean(self, value, *args, **kwargs):
        if not value and self.required and not getattr(self, "is_deferred_validation", False):
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(_("Add a question: a quiz needs one to be published."))]
                )
            )
        return super().clean(value, *args, **kwargs)

    class Meta:
        label = _("Questions")


class ScoreBandBlock(TolerantStructBlock):
    """Overall feedback for scores from a percentage up."""

    from_percent = blocks.IntegerBlock(min_value=0, max_value=100, default=0, label=_("From (%)"))
    message = blocks.TextBlock(label=_("Feedback"))

    class Meta:
        icon = "comment"
        label_format = "{from_percent}%: {message}"


class QuizBlock(TolerantStructBlock):
    """A quiz that staff take on the page, scored by the server, or a group quiz for the room.

    Each quiz has a stable key; attempts are kept under the page and that key, so a quiz works
    in any page type and its results survive edits.
    """

    is_quiz = True

    key = QuizKeyBlock()
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    introduction = SanitisedRichTextBlock(
        features=PROMPT_FEATURES, required=False, label=_("Introduction")
    )
    questions = QuestionsBlock()
    mode = blocks.ChoiceBlock(
        choices=[
            (quiz_specs.MODE_INDIVIDUAL, _("Individual: each person submits their answers")),
            (quiz_specs.MODE_GROUP, _("Group: a facilitator presents it to the room")),
        ],
        default=quiz_specs.MODE_INDIVIDUAL,
        label=_("Mode"),
    )
    pass_mark = blocks.IntegerBlock(
        min_value=0, max_value=100, default=70, label=_("Pass mark (%)")
    )
    attempts_allowed = blocks.IntegerBlock(
        min_value=0,
        default=0,
        label=_("Attempts allowed"),
        help_text=_("0 for unlimited."),
    )
    counting = blocks.ChoiceBlock(
        choices=[
            (quiz_specs.COUNT_HIGHEST, _("The highest score")),
            (quiz_specs.COUNT_LATEST, _("The latest attempt")),
            (quiz_specs.COUNT_FIRST, _("The first attempt")),
            (quiz_specs.COUNT_AVERAGE, _("The average of all attempts")),
        ],
        default=quiz_specs.COUNT_HIGHEST,
        label=_("Which attempt counts"),
    )
    show_answers = blocks.ChoiceBlock(
        choices=[
            (quiz_specs.SHOW_AFTER_SUBMIT, _("Right after submitting")),
            (quiz_specs.SHOW_AFTER_PASS, _("Only after passing")),
            (quiz_specs.SHOW_NEVER, _("Never")),
        ],
        default=quiz_specs.SHOW_AFTER_SUBMIT,
        label=_("Show the answers"),
        help_text=_("Whether each question is marked right or wrong, with its explanation."),
    )
    bands = blocks.ListBlock(
        ScoreBandBlock(),
        default=[],
        label=_("Feedback by score"),
        help_text=_('e.g. from 0%: "Revisit the e-learning"; from 80%: "Well done".'),
    )
    shuffle_choices = blocks.BooleanBlock(
        required=False, default=False, label=_("Shuffle the choices")
    )
    draw = blocks.IntegerBlock(
        min_value=0,
        default=0,
        label=_("Questions per attempt"),
        help_text=_("Draw this many questions at random for each attempt; 0 for all of them."),
    )

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        # The pass mark's own field keeps it within 0 to 100.
        if (value.get("draw") or 0) > len(value.get("questions") or ()):
            raise _struct_error(draw=ValidationError(_("The quiz has fewer questions than that.")))
        return value

    def get_searchable_content(self, value):
        content = [
            value.get("title") or "",
            searchable_text(quiz_specs.rich_source(value.get("introduction"))),
        ]
        for child in value.get("questions") or ():
            content.extend(child.block.get_searchable_content(child.value))
        return [text for text in content if text]

    def get_api_representation(self, value, context=None):
        # What the page shows before an attempt, and nothing more: the API must not publish
        # correct flags, accepted answers, explanations, feedback or the score bands.
        return {
            "key": value.get("key") or "",
            "title": value.get("title") or "",
            "mode": value.get("mode") or quiz_specs.MODE_INDIVIDUAL,
            "questions": [
                {"id": spec["id"], "type": spec["type"], "prompt": clean_html(spec["prompt"])}
                for spec in quiz_specs.question_specs(value.get("questions"))
            ],
        }

    def get_context(self, value, parent_context=None):
        from .reader_state import quiz_block_context

        context = super().get_context(value, parent_context=parent_context)
        context.update(quiz_block_context(value, parent_context or {}))
        return context

    class Meta:
        icon = "help"
        template = "wagtail_learninggroups/blocks/quiz.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Quiz")
        group = _("Workshop")
        description = _("Questions staff answer on the page; the server scores them.")
        label_format = "{title}"
        form_classname = "lg-quiz-block"
