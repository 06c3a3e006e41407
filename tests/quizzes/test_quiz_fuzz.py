"""The quiz endpoint fuzzed: random fields, types, sizes and encodings never make it fail.

Whatever arrives, the endpoint answers with a page (200), the accepted attempt's result (302), a
refusal it explains (400, 403, 413) or "no such quiz" (404), never a server error; and a
submission it does not accept leaves nothing behind. Django's test client raises any exception
a view lets through, so a 500 fails the test with its traceback.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.quizzes.factories import QUIZ_KEY, correct_answers, make_quiz_page, quiz_url
from wagtail_learninggroups.models import QuizAttempt

pytestmark = pytest.mark.django_db

#: The fields the quiz form really has, so that some examples come close to a real attempt.
REAL_FIELDS = sorted(correct_answers())
FIELD_NAMES = st.one_of(
    st.sampled_from(REAL_FIELDS),
    st.sampled_from(REAL_FIELDS).map(lambda name: name + "-x"),
    st.text(max_size=40),
)
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["1", "2", "true", "c-voters", "348.5", "1,500", "-0", "NaN", "1e999"]),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=5).map(lambda s: s * 5000),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
)
FORMS = st.dictionaries(FIELD_NAMES, st.one_of(VALUES, st.lists(VALUES, max_size=4)), max_size=14)
CONTENT_TYPES = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=no-such-charset",
        "multipart/form-data",
        "multipart/form-data; boundary=zz",
        "application/json",
        "text/plain",
        "",
    ]
)
ANSWERED = {200, 302, 400, 403, 404, 413}
FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure can be run again
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def quiz_page(root_page):
    return make_quiz_page(root_page)


def assert_nothing_kept_unless_accepted(response, before):
    assert response.status_code in ANSWERED, response.status_code
    kept = QuizAttempt.objects.count() - before
    if response.status_code == 302:
        assert kept == 1  # accepted: the attempt and its result page
    else:
        assert kept == 0, f"{response.status_code} kept {kept} attempt(s)"


@FUZZ
@given(form=FORMS, fragment=st.booleans())
def test_random_forms_are_answered_and_refusals_keep_nothing(
    member_client, quiz_page, form, fragment
):
    before = QuizAttempt.objects.count()
    headers = {"X-LG-Quiz": "fragment"} if fragment else {}
    response = member_client.post(quiz_url(quiz_page), form, headers=headers)
    if fragment and response.status_code == 200 and QuizAttempt.objects.count() > before:
        return  # accepted, and the result came back in place of the form
    assert_nothing_kept_unless_accepted(response, before)


@FUZZ
@given(body=st.one_of(st.binary(max_size=3000), FORMS.map(json.dumps).map(str.encode)),
       content_type=CONTENT_TYPES)  # fmt: skip
def test_random_bodies_in_any_encoding_are_answered_and_keep_nothing(
    member_client, quiz_page, body, content_type
):
    before = QuizAttempt.objects.count()
    response = member_client.generic("POST", quiz_url(quiz_page), body, content_type=content_type)
    assert_nothing_kept_unless_accepted(response, before)


@FUZZ
@given(page_id=st.integers(min_value=-5, max_value=2**63), key=st.text(max_size=80))
def test_random_addresses_are_not_found_and_keep_nothing(member_client, quiz_page, page_id, key):
    before = QuizAttempt.objects.count()
    path = f"/learning-groups/quiz/{page_id}/{key}/"
    response = member_client.post(path, correct_answers())
    if (page_id, key) != (quiz_page.pk, QUIZ_KEY):
        assert response.status_code == 404
    assert_nothing_kept_unless_accepted(response, before)


def test_a_body_over_the_size_limit_is_refused_and_keeps_nothing(member_client, quiz_page):
    body = ("q-q-text=" + "x" * 70_000).encode()
    response = member_client.generic(
        "POST", quiz_url(quiz_page), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in {400, 413}
    assert not QuizAttempt.objects.exists()
