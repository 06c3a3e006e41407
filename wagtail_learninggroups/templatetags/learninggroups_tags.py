"""Template tags for sites that render our blocks: ``{% load learninggroups_tags %}``."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from ..sanitise import clean_html

register = template.Library()

STYLESHEET = "wagtail_learninggroups/css/learninggroups.css"
QUIZ_SCRIPT = "wagtail_learninggroups/js/quiz.js"


@register.simple_tag(takes_context=True)
def learninggroups_stylesheet(context):
    """Output the ``<link>`` for our stylesheet; put it in the ``<head>`` of your base template.

    The blocks render readable, semantic HTML without it; the stylesheet adds the layout and
    colours, themable through CSS custom properties (``--lg-…``). The package's own pages call
    it too, so it outputs the link only once per request.
    """
    request = context.get("request")
    if request is not None:
        if getattr(request, "_learninggroups_stylesheet", False):
            return ""
        request._learninggroups_stylesheet = True
    return format_html('<link rel="stylesheet" href="{}">', static(STYLESHEET))


@register.simple_tag(takes_context=True)
def learninggroups_quiz_script(context):
    """Output the ``<script>`` that submits quizzes in place; once per request.

    Quizzes work without it (the form posts and a result page follows); the script only keeps
    the reader on the page and moves focus to the result.
    """
    request = context.get("request")
    if request is not None:
        if getattr(request, "_learninggroups_quiz_script", False):
            return ""
        request._learninggroups_quiz_script = True
    return format_html('<script src="{}" defer></script>', static(QUIZ_SCRIPT))


@register.filter(name="lg_richtext")
def lg_richtext(value):
    """Sanitise stored rich text (Wagtail's database format) and expand it for display."""
    return mark_safe(expand_db_html(clean_html(value)))  # noqa: S308 - sanitised, then expanded


@register.filter(name="lg_clean")
def lg_clean(value):
    """Sanitise HTML with the package's policy and mark the result safe to output."""
    return mark_safe(clean_html(value))  # noqa: S308 - the value has just been sanitised
