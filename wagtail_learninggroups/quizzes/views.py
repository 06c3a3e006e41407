"""The quiz endpoint, results, "My quiz results" and the group presentation.

A quiz is addressed by its page and its key, so it works in any page type without the host
changing ``serve()``. Every view checks that the page is live and that the person may view it
(Wagtail's view restrictions), and answers bad input with a clear message, never an error page.

Requests sent by our script carry the ``X-LG-Quiz: fragment`` header and get the quiz's HTML
alone, to put in place; others get a whole page, so the quiz works without JavaScript.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseRedirect, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page, PageViewRestriction

from ..conf import get_setting
from ..core import caches
from ..core.privacy import refused_restrictions
from ..core.sign_in import login_url
from ..curriculum.locations import Location
from ..curriculum.people import office_of
from . import reader_state, scoring
from . import specs as quiz_specs
from .lookup import find_stored_quiz
from .models import AttemptBusy, AttemptLimitReached, QuizAttempt, taker_of

logger = logging.getLogger(__name__)

FRAGMENT_HEADER = "HTTP_X_LG_QUIZ"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def wants_fragment(request):
    return request.META.get(FRAGMENT_HEADER) == "fragment"


def respond(request, context, status=200, page=None):
    """The quiz alone for our script, or a whole page around it."""
    context.setdefault("lg_page", page)
    context["lg_base_template"] = get_setting("BASE_TEMPLATE")
    template = "quiz/fragment.html" if wants_fragment(request) else "quiz/page.html"
    response = render(request, f"wagtail_learninggroups/{template}", context, status=status)
    if wants_fragment(request):
        # Our script puts only our own answers in place; anything else it sends again as a form.
        response["X-LG-Quiz"] = "fragment"
    return response


def message(request, text, status, page=None, link=None, link_text=None):
    """A short message in place of the quiz, with a way on."""
    return respond(
        request,
        {"state": "message", "message": text, "link": link, "link_text": link_text},
        status=status,
        page=page,
    )


class Refusal(Exception):
    """A request the quiz must refuse; carries the response that says why."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def _live_page_as(content_type_id, page_id):
    page_class = ContentType.objects.get_for_id(content_type_id).model_class() or Page
    # get(), not first(): ordering the pages by path costs a third of the query's time.
    try:
        page = page_class.objects.get(pk=page_id, live=True)
    except page_class.DoesNotExist:
        return None
    # An id freed by a deletion may come back as a page of another type.
    return page if page.content_type_id == content_type_id else None


def specific_live_page(page_id):
    """The live page ``page_id`` as its own type, or ``None``."""
    known = caches.page_types.get(page_id)
    page = _live_page_as(known, page_id) if known is not None else None
    if page is not None:
        return page
    try:
        content_type_id = Page.objects.values_list("content_type_id", flat=True).get(
            pk=page_id, live=True
        )
    except Page.DoesNotExist:
        return None
    caches.page_types.set(page_id, content_type_id)
    return _live_page_as(content_type_id, page_id)


def live_page(request, page_id):
    """The live page, if the person may view it; raises :class:`Refusal` or ``Http404``."""
    page = specific_live_page(page_id)
    if page is None:
        raise Http404(_("There is no such page."))
    for restriction in refused_restrictions(page, request):
        if restriction.restriction_type == PageViewRestriction.LOGIN or (
            not request.user.is_authenticated
            and restriction.restriction_type == PageViewRestriction.GROUPS
        ):
            login = login_url(page.url)
            if request.method == "GET" and not wants_fragment(request):
                raise Refusal(HttpResponseRedirect(login))
            raise Refusal(
                message(
                    request,
                    _("Sign in to take this quiz."),
                    403,
                    link=login,
                    link_text=_("Sign in"),
                )
            )
        raise Refusal(
            message(
                request,
                _("This page is private. Open it first, then take the quiz."),
                403,
                link=page.url,
                link_text=_("Open the page"),
            )
        )
    return page


def load_quiz(request, page_id, quiz_key):
    """``(page, quiz)``, the quiz a :class:`~.quiz_lookup.StoredQuiz`.

    Raises :class:`Refusal` or ``Http404``.
    """
    page = live_page(request, page_id)
    quiz = find_stored_quiz(page, quiz_key, request)
    if quiz is None or not quiz.specs:
        # No quiz, or one whose questions cannot be read: nothing to take.
        raise Http404(_("There is no such quiz on this page."))
    return page, quiz


def shown_value(quiz):
    """The quiz's value, to show it; ``Http404`` if it cannot be read (its outline was kept)."""
    if quiz.value is None:
        raise Http404(_("There is no such quiz on this page."))
    return quiz.value


def location_of(page, user):
    """The office a quiz is taken for: the local edition's it sits in, or else the taker's.

    So that a quiz taken on the central template counts for the taker's office where the site
    knows it (``OFFICE_OF_USER``).
    """
    location = getattr(page, "location", None)
    return location if isinstance(location, Location) else office_of(user)


def refuse_oversized(request):
    limit = get_setting("QUIZ_MAX_SUBMISSION_BYTES")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return message(
            request,
            _("The answers sent are too large (more than %(limit)s bytes).") % {"limit": limit},
            400,
        )
    content_type = (request.content_type or "").lower()
    if content_type not in FORM_CONTENT_TYPES:
        return message(request, _("Send the answers from the quiz's form."), 400)
    return None


@csrf_exempt  # Checked below, once the size is known to be sane: see quiz_view.
@never_cache
@require_http_methods(["GET", "POST"])
def quiz_view(request, page_id, quiz_key):
    """Show a quiz (GET) or take an attempt at it (POST)."""
    if request.method == "POST":
        refused = refuse_oversized(request)
        if refused is not None:
            return refused
        # The CSRF check reads the body: read it first, so that a body Django refuses to parse
        # (too many fields, broken multipart) gets our message rather than a bare error page.
        try:
            request.POST  # noqa: B018 - parses the body
        except (SuspiciousOperation, UnreadablePostError, MultiPartParserError):
            return message(request, _("The answers sent could not be read."), 400)
        return csrf_protect(_quiz_view)(request, page_id, quiz_key)
    return _quiz_view(request, page_id, quiz_key)


def _quiz_view(request, page_id, quiz_key):
    try:
        page, quiz = load_quiz(request, page_id, quiz_key)
    except Refusal as refusal:
        return refusal.response
    if request.method == "GET":
        return respond(
            request,
            reader_state.quiz_state(request, page, shown_value(quiz), quiz.specs),
            page=page,
        )
    if quiz.rules["mode"] == quiz_specs.MODE_GROUP:
        return message(request, _("This quiz is for the room and takes no answers."), 400, page)
    if not request.user.is_authenticated and not reader_state.anonymous_allowed():
        login = login_url(page.url)
        return message(
            request, _("Sign in to take this quiz."), 403, page, link=login, link_text=_("Sign in")
        )
    data = request.POST
    specs = quiz.specs
    served = quiz_specs.served_specs(
        specs, reader_state.served_ids(request, page.pk, quiz.settings, specs)
    )
    try:
        parsed = quiz_specs.parse_answers(served, data)
    except quiz_specs.MalformedSubmission as error:
        return message(
            request,
            _("The answers sent could not be read: %(reason)s Reload the page and try again.")
            % {"reason": error},
            400,
            page,
            link=page.url,
            link_text=_("Back to the page"),
        )
    if not parsed.is_valid:
        context = reader_state.quiz_state(
            request, page, shown_value(quiz), served, answers=parsed.answers, errors=parsed.errors
        )
        return respond(request, context, page=page)
    return submit(request, page, quiz, served, parsed.answers)


def submit(request, page, quiz, served, answers):
    """Score and keep the attempt, then show its result."""
    rules = quiz.rules
    result = scoring.score_attempt(served, answers, rules["pass_mark"])
    try:
        attempt = QuizAttempt.record(
            taker=taker_of(request),
            page=page,
            quiz_key=quiz.settings["key"],
            limit=rules["attempts_allowed"],
            user=request.user if request.user.is_authenticated else None,
            page_title=page.title[:255],
            quiz_title=rules["title"][:255],
            location=location_of(page, request.user),
            answers=answers,
            questions=served,
            rules=rules,
            results=[
                {"id": q.id, "awarded": q.awarded, "possible": q.possible, "status": q.status}
                for q in result.questions
            ],
            score=result.score,
            maximum=result.maximum,
            percent=result.percent,
            passed=result.passed,
        )
    except AttemptBusy:
        return message(
            request,
            _("Several submissions arrived at once and yours could not be kept. Send it again."),
            409,
            page,
        )
    except AttemptLimitReached:
        return message(
            request,
            _("You have used all %(count)s attempts this quiz allows.")
            % {"count": rules["attempts_allowed"]},
            403,
            page,
        )
    reader_state.forget_served(request, page.pk, quiz.settings["key"])
    if wants_fragment(request):
        return respond(request, reader_state.result_context(attempt, request), page=page)
    return HttpResponseRedirect(reverse("wagtail_learninggroups:quiz_attempt", args=[attempt.pk]))


def own_attempts(request):
    """The attempts of the person making the request (by account or anonymous session)."""
    taker = taker_of(request, create=False)
    return QuizAttempt.objects.filter(taker=taker) if taker else QuizAttempt.objects.none()


@never_cache
@require_GET
def attempt_view(request, attempt_id):
    """The result of one of the person's own attempts."""
    attempt = get_object_or_404(own_attempts(request).select_related("page"), pk=attempt_id)
    return respond(request, reader_state.result_context(attempt, request), page=attempt.page)


@never_cache
@require_GET
def my_results_view(request):
    """Every attempt of the person making the request, newest first."""
    attempts = list(own_attempts(request).select_related("page", "location"))
    counted = {}
    for attempt in sorted(attempts, key=lambda attempt: (attempt.submitted_at, attempt.pk)):
        counted.setdefault((attempt.quiz_page_id, attempt.quiz_key), []).append(attempt)
    quizzes_taken = []
    for taken in counted.values():
        rules = taken[-1].rules or {}
        percent = quiz_specs.counted_percent([a.percent for a in taken], rules.get("counting"))
        quizzes_taken.append(
            {
                "title": taken[-1].quiz_title,
                "page": taken[-1].page,
                "page_title": taken[-1].page_title,
                "attempts": list(reversed(taken)),
                "counted_percent": percent,
                "passed": percent is not None and percent >= float(rules.get("pass_mark") or 0),
                "counting": rules.get("counting"),
            }
        )
    quizzes_taken.sort(key=lambda quiz: quiz["attempts"][0].submitted_at, reverse=True)
    context = {
        "quizzes_taken": quizzes_taken,
        "lg_base_template": get_setting("BASE_TEMPLATE"),
        "login_url": login_url(request.get_full_path()),
    }
    return render(request, "wagtail_learninggroups/quiz/my_results.html", context)


def _group_question(request, page_id, quiz_key, number):
    page, quiz = load_quiz(request, page_id, quiz_key)
    value, specs = shown_value(quiz), quiz.specs
    if quiz.rules["mode"] != quiz_specs.MODE_GROUP or not 1 <= number <= len(specs):
        raise Http404(_("There is no such question to present."))
    if not reader_state.may_present(request.user, page):
        raise Refusal(
            message(
                request,
                _("Only the session's facilitators can present this quiz and reveal its answers."),
                403,
                page,
                link=None if request.user.is_authenticated else login_url(request.path),
                link_text=_("Sign in"),
            )
        )
    return page, value, specs, specs[number - 1]


def _question_url(page_id, quiz_key, number, count):
    if not 1 <= number <= count:
        return None
    return reverse(
        "wagtail_learninggroups:quiz_present_question", args=[page_id, quiz_key, number]
    )


@never_cache
@require_GET
def present_view(request, page_id, quiz_key, number=1, reveal=False):
    """One question of a group quiz on the room's screen; the answer only when asked for."""
    try:
        page, value, specs, spec = _group_question(request, page_id, quiz_key, number)
    except Refusal as refusal:
        return refusal.response
    question = reader_state.form_questions([spec], reader_state.values_by_id(value))[0]
    question["number"] = number
    context = {
        "state": "present",
        "quiz": value,
        "quiz_key": quiz_key,
        "dom_id": f"lg-quiz-{quiz_key}",
        "question": question,
        "count": len(specs),
        "revealed": reveal,
        "answer_url": reverse(
            "wagtail_learninggroups:quiz_present_answer", args=[page.pk, quiz_key, number]
        ),
        "previous_url": _question_url(page.pk, quiz_key, number - 1, len(specs)),
        "next_url": _question_url(page.pk, quiz_key, number + 1, len(specs)),
    }
    if reveal:
        context["correct_answer"] = reader_state.describe_correct(spec)
        context["explanation"] = spec.get("explanation", "")
        if wants_fragment(request):
            response = render(request, "wagtail_learninggroups/quiz/present_answer.html", context)
            response["X-LG-Quiz"] = "fragment"
            return response
    return respond(request, context, page=page)
