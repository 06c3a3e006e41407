"""Template tags for sites that render our blocks: ``{% load learninggroups_tags %}``."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..sanitise import clean_html

register = template.Library()

STYLESHEET = "wagtail_learninggroups/css/learninggroups.css"


@register.simple_tag
def learninggroups_stylesheet():
    """Output the ``<link>`` for our stylesheet; put it in the ``<head>`` of your base template.

    The blocks render readable, semantic HTML without it; the stylesheet adds the layout and
    colours, themable through CSS custom properties (``--lg-…``).
    """
    return format_html('<link rel="stylesheet" href="{}">', static(STYLESHEET))


@register.filter(name="lg_clean")
def lg_clean(value):
    """Sanitise HTML with the package's policy and mark the result safe to output."""
    return mark_safe(clean_html(value))  # noqa: S308 - the value has just been sanitised
