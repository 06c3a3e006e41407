"""Template tags for sites that render our blocks: ``{% load learninggroups_tags %}``."""

import datetime

from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from ..core import render_cache
from ..core.sanitise import clean_html
from ..core.time_zones import describe_local_time, in_zone, zone_or_none
from ..quizzes import formatting

register = template.Library()

STYLESHEET = "wagtail_learninggroups/css/learninggroups.css"
QUESTION_TEMPLATE = "wagtail_learninggroups/quiz/question.html"
QUIZ_SCRIPT = "wagtail_learninggroups/js/quiz.js"


def first_time_in_request(context, flag):
    """True the first time ``flag`` is asked of the request in ``context`` (always without one)."""
    request = context.get("request")
    if request is None:
        return True
    if getattr(request, flag, False):
        return False
    setattr(request, flag, True)
    return True


@register.simple_tag(takes_context=True)
def learninggroups_stylesheet(context):
    """Output the ``<link>`` for our stylesheet; put it in the ``<head>`` of your base template.

    The blocks render readable, semantic HTML without it; the stylesheet adds the layout and
    colours, themable through CSS custom properties (``--lg-…``). The package's own pages call
    it too, so it outputs the link only once per request.
    """
    if not first_time_in_request(context, "_learninggroups_stylesheet"):
        return ""
    return format_html('<link rel="stylesheet" href="{}">', static(STYLESHEET))


@register.simple_tag(takes_context=True)
def learninggroups_quiz_script(context):
    """Output the ``<script>`` that submits quizzes in place; once per request.

    Quizzes work without it (the form posts and a result page follows); the script only keeps
    the reader on the page and moves focus to the result.
    """
    if not first_time_in_request(context, "_learninggroups_quiz_script"):
        return ""
    return format_html('<script src="{}" defer></script>', static(QUIZ_SCRIPT))


@register.simple_tag(takes_context=True)
def lg_quiz_question(context, question):
    """One question of a quiz's form, rendered with ``quiz/question.html``.

    On the package's pages (outside previews) the HTML is kept in the render cache: a question
    shows the same to everyone who gets it with no answer yet.
    """
    question_context = {
        "question": question,
        "question_count": len(context.get("questions") or ()),
        "dom_id": context.get("dom_id"),
        "disabled": bool(context.get("disabled")),
        "request": context.get("request"),
    }

    def render():
        return render_to_string(QUESTION_TEMPLATE, question_context)

    scope = context.get(render_cache.CONTEXT_NAME)
    # The items of an order question come in a new order each time: nothing to share.
    if scope is None or question.get("type") == "order":
        return render()
    parts = [QUESTION_TEMPLATE, {k: v for k, v in question_context.items() if k != "request"}]
    return scope.fragment(parts, render)


def champions_directory(context):
    """The site's champions directory (the page in context, if it is one), once per request."""
    from ..champions.directory import ChampionDirectoryPage

    page = context.get("page")
    if isinstance(page, ChampionDirectoryPage):
        return page
    request = context.get("request")
    directory = getattr(request, "_learninggroups_directory", False)
    if directory is False:
        directory = ChampionDirectoryPage.objects.live().order_by("path").first()
        if request is not None:
            request._learninggroups_directory = directory
    return directory


@register.simple_tag(takes_context=True)
def champion_url(context, champion):
    """The address of ``champion``'s profile in the champions directory, or ``""`` without one.

    The directory is looked up once per request, however many champions the page shows.
    """
    directory = champions_directory(context)
    if directory is None or not champion or not champion.slug:
        return ""
    return directory.profile_url(champion)


@register.simple_tag(takes_context=True)
def award_url(context, title):
    """The address of the directory's page listing everyone who holds the award ``title``."""
    directory = champions_directory(context)
    return directory.award_url(title) if directory is not None else ""


@register.filter(name="lg_richtext")
def lg_richtext(value):
    """Sanitise stored rich text (Wagtail's database format) and expand it for display."""
    return mark_safe(expand_db_html(clean_html(value)))  # noqa: S308 - sanitised, then expanded


@register.filter(name="lg_clean")
def lg_clean(value):
    """Sanitise HTML with the package's policy and mark the result safe to output."""
    return mark_safe(clean_html(value))  # noqa: S308 - the value has just been sanitised


@register.filter(name="lg_in_time_zone")
def in_time_zone(value, zone_name):
    """An aware datetime as a time in the zone ``zone_name``; as it is (UTC) when that zone is
    unknown or the time has no date there. Show it inside ``{% localtime off %}``."""
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        return value
    return in_zone(value, zone_or_none(zone_name)) or value


@register.filter(name="lg_local_time")
def local_time(value, zone_name):
    """An aware datetime in words in the zone ``zone_name``: "Thursday 12 March 2027, 14:00
    Nairobi time"; in UTC, and said so, when that zone is unknown. See
    :func:`~wagtail_learninggroups.core.time_zones.describe_local_time`.

    A naive datetime is taken to be in the site's time zone (``TIME_ZONE``), as Django takes
    one it saves.
    """
    if not isinstance(value, datetime.datetime):
        return value
    if timezone.is_naive(value):
        try:
            value = timezone.make_aware(value, timezone.get_default_timezone())
        except (OverflowError, ValueError):
            return value
    return describe_local_time(value, zone_name)


@register.filter(name="lg_score")
def score(attempt):
    """A quiz attempt's score as people read it: "2.5 of 6 points (42%)"."""
    return formatting.attempt_score_text(attempt)


@register.filter(name="lg_points_of")
def points_of(awarded, possible):
    """What one question earned: ``{{ row.awarded|lg_points_of:row.possible }}`` reads
    "0.5 of 1 point"."""
    return formatting.points_of_text(awarded, possible)


@register.simple_tag(name="lg_whole_percent")
def whole_percent(percent, passed=None, pass_mark=None):
    """A percentage as a whole number that never reads as a pass (or as full marks) it is not:
    ``{% lg_whole_percent quiz.counted_percent passed=quiz.passed pass_mark=… as percent %}``.
    ``""`` when ``percent`` is no number."""
    number = formatting.to_decimal(percent)
    if number is None:
        return ""
    full = number >= 100
    return formats.number_format(
        formatting.whole_percent(number, full=full, passed=passed, pass_mark=pass_mark)
    )
