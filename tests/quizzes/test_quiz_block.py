"""The quiz block as editors build it: its checks, its keys, and what search may see."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.editions.factories import add_page_url
from tests.quizzes.factories import QUIZ_KEY, quiz_value
from tests.testapp.models import HostLearningPage
from tests.utils import list_block
from wagtail_learninggroups.blocks import LearningGroupsStreamBlock, QuizBlock
from wagtail_learninggroups.models import WorkshopTemplatePage

pytestmark = pytest.mark.django_db


def errors_of(block, raw):
    """The validation error ``block.clean`` raises for the stored value ``raw``."""
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    return caught.value


def choice_errors(raw_quiz):
    """The error on the first question's choices, as the editor shows it."""
    error = errors_of(QuizBlock(), raw_quiz)
    question = error.block_errors["questions"].block_errors[0]
    return question.block_errors["choices"]


def choices(*flags):
    return [
        {"text": f"Choice {index}", "correct": flag, "feedback": ""}
        for index, flag in enumerate(flags)
    ]


def quiz_with(block_type, **fields):
    question = {"prompt": "<p>Pick one.</p>", "image": None, "points": 1, "explanation": ""}
    question.update(fields)
    return quiz_value(questions=[{"type": block_type, "value": question, "id": "q1"}])


def test_a_choice_question_needs_two_choices():
    error = choice_errors(quiz_with("single_choice", choices=choices(True)))
    assert [str(message) for message in error.non_block_errors] == ["Give at least two choices."]


@pytest.mark.parametrize("block_type", ["single_choice", "multiple_choice"])
def test_a_choice_question_needs_a_correct_choice(block_type):
    error = choice_errors(quiz_with(block_type, choices=choices(False, False)))
    assert [str(message) for message in error.non_block_errors] == ["Mark the correct choice."]


def test_a_single_choice_question_flags_each_extra_correct_choice():
    error = choice_errors(quiz_with("single_choice", choices=choices(True, False, True)))
    assert set(error.block_errors) == {0, 2}
    message = error.block_errors[2].block_errors["correct"].messages
    assert message == ["Only one choice can be correct in a single-choice question."]


def test_a_multiple_choice_question_may_have_several_correct_choices():
    block = QuizBlock()
    value = block.clean(
        block.to_python(quiz_with("multiple_choice", choices=choices(True, True, False)))
    )
    assert len(value["questions"][0].value["choices"]) == 3


def test_a_negative_tolerance_is_refused_on_its_field():
    error = errors_of(QuizBlock(), quiz_with("number", answer="5", tolerance="-1", unit=""))
    question = error.block_errors["questions"].block_errors[0]
    assert "tolerance" in question.block_errors


@pytest.mark.parametrize("pass_mark", [-1, 101])
def test_the_pass_mark_is_a_percentage(pass_mark):
    error = errors_of(QuizBlock(), quiz_value(pass_mark=pass_mark))
    assert "pass_mark" in error.block_errors


def test_drawing_more_questions_than_the_quiz_has_is_refused():
    error = errors_of(QuizBlock(), quiz_value(draw=9))
    assert error.block_errors["draw"].messages == ["The quiz has fewer questions than that."]


@pytest.mark.parametrize(
    ("block_type", "fields", "field", "message"),
    [
        ("short_text", {"accepted": []}, "accepted", "Give at least one accepted answer."),
        ("order", {"items": ["Only one"]}, "items", "Give at least two items."),
        ("match", {"pairs": [{"left": "a", "right": "b"}]}, "pairs", "Give at least two pairs."),
    ],
)
def test_other_question_types_need_enough_to_work_with(block_type, fields, field, message):
    error = errors_of(QuizBlock(), quiz_with(block_type, **fields))
    list_error = error.block_errors["questions"].block_errors[0].block_errors[field]
    assert [str(message) for message in list_error.non_block_errors] == [message]


def test_a_valid_quiz_with_every_question_type_passes_its_checks():
    block = QuizBlock()
    value = block.clean(block.to_python(quiz_value()))
    assert value["key"] == QUIZ_KEY
    assert len(value["questions"]) == 8


def test_a_new_quiz_gets_a_key_and_a_copied_one_a_fresh_key():
    stream = LearningGroupsStreamBlock()
    raw = {"type": "quiz", "value": quiz_value(key="")}
    value = stream.clean(
        stream.to_python([raw, raw | {"value": quiz_value()}, raw | {"value": quiz_value()}])
    )
    keys = [child.value["key"] for child in value]
    assert keys[1] == QUIZ_KEY
    assert len(set(keys)) == 3
    assert all(keys)


def test_search_sees_the_questions_and_never_the_answers():
    block = QuizBlock()
    content = " ".join(block.get_searchable_content(block.to_python(quiz_value())))
    assert "Parliament check" in content
    assert "Who elects members of parliament?" in content
    for secret in ("Because:", "Yes.", "Not here.", "Speaker", "349", "Well done."):
        assert secret not in content


def test_a_workshop_is_found_by_its_question_but_not_by_its_explanation(
    template, django_capture_on_commit_callbacks
):
    template.body = [*template.body.raw_data, {"type": "quiz", "value": quiz_value(), "id": "qz"}]
    # Run what Wagtail defers until the transaction commits (search indexing, on 7.0).
    with django_capture_on_commit_callbacks(execute=True):
        template.save_revision().publish()

    def search(query):
        return list(WorkshopTemplatePage.objects.live().search(query))

    assert search("elects") == [template]
    assert search("Because") == []
    assert search("royal assent") == [template]
    assert search("Revisit") == []


def test_the_block_preview_shows_a_disabled_form():
    block = QuizBlock()
    html = block.render(block.to_python(quiz_value()))
    assert "Who elects members of parliament?" in html
    assert "disabled" in html
    assert "Because:" not in html


# Through the real page editor ---------------------------------------------------------------


def quiz_form(questions, **rules):
    data = {
        "key": "",
        "title": "Check your understanding",
        "introduction": rich_text(""),
        "questions": streamfield(questions),
        "mode": "individual",
        "pass_mark": "70",
        "attempts_allowed": "0",
        "counting": "highest",
        "show_answers": "after_submit",
        "bands": list_block([]),
        "shuffle_choices": "",
        "draw": "0",
    }
    data.update(rules)
    return data


def single_choice(*flags):
    return (
        "single_choice",
        {
            "prompt": rich_text("<p>Who elects members of parliament?</p>"),
            "image": "",
            "points": "1",
            "explanation": rich_text(""),
            "choices": list_block(
                [
                    {"text": f"Choice {index}", "correct": "on" if flag else "", "feedback": ""}
                    for index, flag in enumerate(flags)
                ]
            ),
        },
    )


def post_page(admin_client, root_page, body):
    data = nested_form_data(
        {
            "title": "Quiz host",
            "slug": "quiz-host",
            "body": streamfield(body),
            "action-publish": "1",
        }
    )
    return admin_client.post(add_page_url(HostLearningPage, root_page), data)


def test_the_editor_saves_a_quiz_with_a_fresh_key(admin_client, root_page):
    response = post_page(
        admin_client, root_page, [("quiz", quiz_form([single_choice(True, False)]))]
    )
    assert response.status_code == 302
    page = HostLearningPage.objects.get(slug="quiz-host")
    quiz = page.body[0].value
    assert len(quiz["key"]) == 12
    assert quiz["questions"][0].value["choices"][0]["correct"] is True


def test_the_editor_shows_the_errors_on_the_offending_question(admin_client, root_page):
    body = [("quiz", quiz_form([single_choice(True, True)], pass_mark="120"))]
    response = post_page(admin_client, root_page, body)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Only one choice can be correct in a single-choice question." in html
    assert not HostLearningPage.objects.filter(slug="quiz-host").exists()


def test_a_stream_value_of_a_quiz_survives_a_round_trip():
    stream = LearningGroupsStreamBlock()
    value = stream.to_python([{"type": "quiz", "value": quiz_value(), "id": "x"}])
    again = stream.to_python(stream.get_prep_value(value))
    assert isinstance(again, StreamValue)
    assert again[0].value["questions"][0].id == "q-single"
    assert again[0].value["questions"][0].value["choices"].bound_blocks[0].id == "c-voters"


def test_a_quiz_saved_by_code_without_a_key_gets_one(root_page):
    block = QuizBlock()
    page = HostLearningPage(
        title="Imported", slug="imported", body=[("quiz", block.to_python(quiz_value(key="")))]
    )
    root_page.add_child(instance=page)
    page.refresh_from_db()
    assert len(page.body[0].value["key"]) == 12


# The image of a question ---------------------------------------------------------------------


def test_questions_without_images_build_no_image_lookup(db, django_assert_num_queries):
    from wagtail_learninggroups.quizzes.blocks import QuestionImageBlock

    block = QuestionImageBlock(required=False)
    with django_assert_num_queries(0):
        assert block.bulk_to_python(iter([None, None])) == [None, None]


def test_a_question_image_is_still_read(db):
    from tests.champions.factories import make_photo
    from wagtail_learninggroups.quizzes.blocks import QuestionImageBlock

    photo = make_photo()
    assert QuestionImageBlock(required=False).bulk_to_python([None, photo.pk]) == [None, photo]


def test_migrations_record_the_question_image_as_wagtails_chooser():
    from wagtail_learninggroups.quizzes.blocks import QuestionImageBlock

    path, _args, kwargs = QuestionImageBlock(required=False, label="Image").deconstruct()
    assert path == "wagtail.images.blocks.ImageChooserBlock"
    assert kwargs == {"required": False, "label": "Image"}
