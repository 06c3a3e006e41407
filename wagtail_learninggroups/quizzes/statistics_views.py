"""Quiz statistics in the admin: the quizzes that have attempts, and each quiz in detail.

A quiz is its key on the page it is written in (``QuizAttempt.quiz_page``). A local edition
shows its template's quizzes, so attempts made in the editions of a template count as attempts
at the template's quiz: that is what lets the offices be compared.
"""

import dataclasses

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import specs as quiz_specs
from .models import QuizAttempt, readable_snapshot
from .statistics import NO_OFFICE, office_key, quiz_index, quiz_statistics

#: The permission that lets a person see the statistics (superusers always may).
STATISTICS_PERMISSION = "wagtail_learninggroups.view_quizattempt"

#: How each person's attempts are counted, as the statistics explain it.
COUNTING_TEXT = {
    quiz_specs.COUNT_HIGHEST: _("by their highest score"),
    quiz_specs.COUNT_LATEST: _("by their latest attempt"),
    quiz_specs.COUNT_FIRST: _("by their first attempt"),
    quiz_specs.COUNT_AVERAGE: _("by the average of their attempts"),
}


def detail_url(page_id, quiz_key):
    return reverse("wagtail_learninggroups_quiz_statistics_detail", args=[page_id or 0, quiz_key])


def load_quiz_index():
    """The quizzes that have attempts, with their pages' current titles; a few queries."""
    records = list(
        QuizAttempt.objects.order_by().values(
            "quiz_page_id",
            "quiz_key",
            "quiz_title",
            "page_title",
            "taker",
            "percent",
            "submitted_at",
            "rules",
        )
    )
    for record in records:
        # Attempts taken in local editions count at their template: the quiz's page.
        record["page_id"] = record.pop("quiz_page_id")
        readable_snapshot(record)
    entries = quiz_index(records)
    titles = dict(
        Page.objects.filter(pk__in={entry.page_id for entry in entries} - {None}).values_list(
            "pk", "title"
        )
    )
    return [
        {
            "entry": dataclasses.replace(
                entry, page_title=titles.get(entry.page_id, entry.page_title)
            ),
            "url": detail_url(entry.page_id, entry.quiz_key),
        }
        for entry in entries
    ]


def load_quiz_attempts(page_id, quiz_key):
    """The attempts at one quiz, as the statistics read them: on the page and its editions."""
    attempts = QuizAttempt.objects.filter(quiz_key=quiz_key)
    if page_id:
        attempts = attempts.filter(quiz_page_id=page_id)
    else:
        attempts = attempts.filter(quiz_page__isnull=True)
    rows = list(
        attempts.order_by().values(
            "taker",
            "percent",
            "submitted_at",
            "number",
            "answers",
            "questions",
            "results",
            "rules",
            "quiz_title",
            "page_title",
            office_id=F("location_id"),
            office=F("location__name"),
            region=F("location__region"),
        )
    )
    return [readable_snapshot(row) for row in rows]


class OfficeFilterForm(forms.Form):
    """Narrows a quiz's statistics to one office."""

    office = forms.ChoiceField(label=_("Office"), required=False)

    def __init__(self, *args, offices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [("", _("All offices")), *offices]


def office_choices(attempts):
    """``[(office key, name)]`` of the offices the attempts were taken for, by name."""
    names = {}
    for attempt in attempts:
        key = office_key(attempt)
        names[key] = attempt.get("office") if key != NO_OFFICE else gettext("No office")
    return sorted(names.items(), key=lambda item: (item[0] == NO_OFFICE, item[1].casefold()))


class StatisticsPermissionMixin:
    """Refuses those who may not view quiz attempts."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATISTICS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class QuizStatisticsIndexView(StatisticsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The quizzes that have attempts: attempts, people, mean score and pass rate of each."""

    page_title = _("Quiz statistics")
    header_icon = "table"
    template_name = "wagtail_learninggroups/admin/quiz_statistics_index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quizzes"] = load_quiz_index()
        return context


class QuizStatisticsView(StatisticsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One quiz: its summary, the offices compared and an item analysis of each question."""

    header_icon = "table"
    template_name = "wagtail_learninggroups/admin/quiz_statistics.html"

    def get(self, request, page_id, quiz_key):
        attempts = load_quiz_attempts(page_id, quiz_key)
        if not attempts:
            raise Http404(gettext("This quiz has no attempts."))
        offices = office_choices(attempts)
        self.form = OfficeFilterForm(request.GET, offices=offices)
        office = self.form.cleaned_data["office"] if self.form.is_valid() else ""
        self.office_name = dict(offices).get(office, "")
        self.statistics = quiz_statistics(attempts, office or None)
        self.page = Page.objects.filter(pk=page_id).only("title").first() if page_id else None
        self.quiz_key = quiz_key
        return self.render_to_response(self.get_context_data())

    def get_page_title(self):
        return self.statistics.title or self.quiz_key

    def get_page_subtitle(self):
        return self.page.title if self.page is not None else ""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtail_learninggroups_quiz_statistics"),
                "label": gettext("Quiz statistics"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rules = self.statistics.rules
        attempts_url = reverse("wagtail_learninggroups_quizattempt_modeladmin_index")
        context.update(
            statistics=self.statistics,
            summary=self.statistics.summary,
            form=self.form,
            office_name=self.office_name,
            page=self.page,
            pass_mark=rules.get("pass_mark") or 0,
            counting_text=COUNTING_TEXT.get(
                rules.get("counting"), COUNTING_TEXT[quiz_specs.COUNT_HIGHEST]
            ),
            attempts_url=f"{attempts_url}?{urlencode({'quiz': self.quiz_key})}",
        )
        return context
