"""Quiz attempts in the admin: the listing, its filters and search, inspecting and exporting.

Attempts are records of what people answered: the admin lists, inspects, exports and deletes
them, and never adds or edits one. The export gives a row per answer, with the attempt's columns
repeated, for those with the export permission; it reads the listing's query string, so it holds
what the listing shows.
"""

import re
from collections import Counter
from html import unescape

from django.contrib.admin import RelatedOnlyFieldListFilter, SimpleListFilter
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, re_path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from ..core.admin import PermissionMenuItem
from ..core.spreadsheets import RowsSpreadsheet
from .models import QuizAttempt
from .question_statistics import STATUS_LABELS, TYPE_LABELS
from .reader_state import describe_answer, describe_correct
from .statistics_views import (
    STATISTICS_PERMISSION,
    QuizStatisticsIndexView,
    QuizStatisticsView,
)

VIEW_PERMISSION = "wagtail_learninggroups.view_quizattempt"
EXPORT_PERMISSION = "wagtail_learninggroups.export_quizattempt"

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|li|h[1-6]|div|blockquote)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


# Words -------------------------------------------------------------------------------------


def plain_text(html):
    """Stored rich text as plain text: a line per paragraph or list item, tags dropped."""
    text = unescape(_TAG.sub("", _BLOCK_END.sub("\n", str(html or ""))))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def points(value):
    """A score for a cell: a whole number as such, anything else to two decimals."""
    value = float(value or 0)
    return int(value) if value.is_integer() else round(value, 2)


def answer_rows(attempt):
    """Each question of an attempt with the answer given, the right answer, status and points."""
    answers = attempt.answers if isinstance(attempt.answers, dict) else {}
    results = {
        str(result.get("id")): result
        for result in attempt.results or ()
        if isinstance(result, dict)
    }
    rows = []
    for number, spec in enumerate(attempt.questions or (), start=1):
        question_id = str(spec.get("id", ""))
        kind = spec.get("type", "")
        result = results.get(question_id, {})
        status = result.get("status", "")
        rows.append(
            {
                "number": number,
                "id": question_id,
                "type": kind,
                "type_label": str(TYPE_LABELS.get(kind, kind)),
                "prompt": spec.get("prompt", ""),
                "answer": str(describe_answer(spec, answers.get(question_id))),
                "correct_answer": str(describe_correct(spec)),
                "explanation": spec.get("explanation", ""),
                "status": status,
                "status_label": str(STATUS_LABELS.get(status, status)),
                "awarded": points(result.get("awarded")),
                "possible": points(result.get("possible")),
            }
        )
    return rows


# Export ------------------------------------------------------------------------------------

#: The export's columns: ``(key, heading)``.
EXPORT_COLUMNS = (
    ("attempt", _("Attempt")),
    ("person", _("Person")),
    ("username", _("Username")),
    ("page", _("Page")),
    ("quiz", _("Quiz")),
    ("office", _("Office")),
    ("region", _("Region")),
    ("attempt_number", _("Attempt number")),
    ("submitted_at", _("Submitted at")),
    ("score", _("Score")),
    ("maximum", _("Maximum")),
    ("percent", _("Percent")),
    ("passed", _("Passed")),
    ("question_number", _("Question number")),
    ("question_type", _("Question type")),
    ("question", _("Question")),
    ("answer", _("Answer")),
    ("right_answer", _("Right answer")),
    ("status", _("Status")),
    ("points_awarded", _("Points awarded")),
    ("points_possible", _("Points possible")),
)
EXPORT_HEADINGS = tuple(heading for _key, heading in EXPORT_COLUMNS)


def _iso(moment):
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.isoformat(timespec="seconds")


def export_rows(attempts):
    """A row per answer of each attempt (a dict by :data:`EXPORT_COLUMNS`), the attempt's
    columns repeated on each."""
    yes, no = gettext("Yes"), gettext("No")
    for attempt in attempts:
        user, location = attempt.user, attempt.location
        columns = {
            "attempt": attempt.pk,
            "person": attempt.taker_name,
            "username": user.get_username() if user is not None else "",
            "page": attempt.page_title,
            "quiz": attempt.quiz_title or attempt.quiz_key,
            "office": location.name if location is not None else "",
            "region": location.region if location is not None else "",
            "attempt_number": attempt.number,
            "submitted_at": _iso(attempt.submitted_at),
            "score": points(attempt.score),
            "maximum": points(attempt.maximum),
            "percent": points(attempt.percent),
            "passed": yes if attempt.passed else no,
        }
        rows = answer_rows(attempt)
        if not rows:
            yield columns
        for row in rows:
            yield {
                **columns,
                "question_number": row["number"],
                "question_type": row["type_label"],
                "question": plain_text(row["prompt"]),
                "answer": row["answer"],
                "right_answer": row["correct_answer"],
                "status": row["status_label"],
                "points_awarded": row["awarded"],
                "points_possible": row["possible"],
            }


# Filters, permissions and views ------------------------------------------------------------


class QuizFilter(SimpleListFilter):
    """Attempts at one quiz (by its key), listed under the quiz's latest title."""

    title = _("quiz")
    parameter_name = "quiz"

    def lookups(self, request, model_admin):
        latest = {}
        titles = (
            model_admin.get_queryset(request)
            .order_by()
            .values("quiz_key", "quiz_title")
            .annotate(last=Max("submitted_at"))
        )
        for row in titles:
            known = latest.get(row["quiz_key"])
            if known is None or row["last"] > known[0]:
                latest[row["quiz_key"]] = (row["last"], row["quiz_title"] or row["quiz_key"])
        counts = Counter(title for _last, title in latest.values())
        choices = [
            (key, title if counts[title] == 1 else f"{title} ({key})")
            for key, (_last, title) in latest.items()
        ]
        return sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0]))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(quiz_key=self.value())
        return queryset


class QuizAttemptPermissionHelper(PermissionHelper):
    """Attempts are seen by those who may view or export them; no one adds or edits one."""

    def user_can_view(self, user):
        return user.has_perm(VIEW_PERMISSION) or self.user_can_export(user)

    def user_can_export(self, user):
        return user.has_perm(EXPORT_PERMISSION)

    def user_can_list(self, user):
        return self.user_can_view(user)

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self.user_can_view(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class QuizAttemptIndexView(IndexView):
    """The listing; its export buttons lead to the export view, with the same filters."""

    def export_url(self, export_format):
        params = self.request.GET.copy()
        for name in (self.PAGE_VAR, self.ERROR_FLAG):
            params.pop(name, None)
        params[self.EXPORT_VAR] = export_format
        return f"{self.url_helper.get_action_url('export')}?{params.urlencode()}"

    @property
    def csv_export_url(self):
        return self.export_url(self.FORMAT_CSV)

    @property
    def xlsx_export_url(self):
        return self.export_url(self.FORMAT_XLSX)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The listing's own export would not ask for the export permission.
        return redirect(self.export_url(spreadsheet_format))

    def get_context_data(self, **kwargs):
        kwargs["user_can_export"] = self.permission_helper.user_can_export(self.request.user)
        return super().get_context_data(**kwargs)


class QuizAttemptExportView(QuizAttemptIndexView):
    """The attempts the listing shows, as CSV or XLSX (``?export=``), a row per answer."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_helper.user_can_export(request.user):
            raise PermissionDenied
        if request.GET.get(self.EXPORT_VAR) not in self.FORMATS:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        attempts = list(queryset.select_related("user", "location"))
        spreadsheet = RowsSpreadsheet(EXPORT_COLUMNS, self.model_admin.export_filename)
        return spreadsheet.as_spreadsheet(export_rows(attempts), spreadsheet_format)


class QuizAttemptInspectView(InspectView):
    """An attempt with every question: what was asked and answered, what was right, points."""

    def get_fields_dict(self):
        return []

    def get_context_data(self, **kwargs):
        kwargs.update(attempt=self.instance, rows=answer_rows(self.instance))
        return super().get_context_data(**kwargs)


class QuizAttemptAdmin(ModelAdmin):
    """Quiz attempts: to look through, inspect, export and, where need be, delete."""

    model = QuizAttempt
    menu_label = _("Quiz attempts")
    menu_icon = "clipboard-list"
    list_display = (
        "person",
        "quiz_title",
        "page_display",
        "location",
        "percent_display",
        "passed_display",
        "submitted_at",
    )
    list_filter = (
        QuizFilter,
        ("page", RelatedOnlyFieldListFilter),
        ("location", RelatedOnlyFieldListFilter),
        "passed",
        "submitted_at",
    )
    list_select_related = ("user", "location")
    inspect_view_enabled = True
    history_view_enabled = False
    permission_helper_class = QuizAttemptPermissionHelper
    index_view_class = QuizAttemptIndexView
    inspect_view_class = QuizAttemptInspectView
    index_template_name = "wagtail_modeladmin/wagtail_learninggroups/quizattempt/index.html"
    inspect_template_name = "wagtail_modeladmin/wagtail_learninggroups/quizattempt/inspect.html"
    export_filename = "quiz-attempts"

    def get_search_fields(self, request):
        user_model = get_user_model()
        fields = {field.name for field in user_model._meta.get_fields()}
        names = dict.fromkeys((user_model.USERNAME_FIELD, "first_name", "last_name", "email"))
        return tuple(f"user__{name}" for name in names if name in fields)

    def get_permissions_for_registration(self):
        # Attempts come from taking quizzes, so adding and changing them are not offered.
        codenames = [f"{action}_quizattempt" for action in ("view", "delete", "export")]
        codenames.append("present_quiz")
        return super().get_permissions_for_registration().filter(codename__in=codenames)

    def get_admin_urls_for_registration(self):
        export = re_path(
            rf"^{self.url_helper.base_url_path}/export/$",
            self.export_view,
            name=self.url_helper.get_action_url_name("export"),
        )
        return (*super().get_admin_urls_for_registration(), export)

    def export_view(self, request):
        return QuizAttemptExportView.as_view(model_admin=self)(request)

    def person(self, obj):
        return obj.taker_name

    person.short_description = _("Person")
    person.admin_order_field = "user__username"

    def page_display(self, obj):
        return obj.page_title

    page_display.short_description = _("Page")
    page_display.admin_order_field = "page_title"

    def percent_display(self, obj):
        return f"{points(obj.percent)}%"

    percent_display.short_description = _("Score")
    percent_display.admin_order_field = "percent"

    def passed_display(self, obj):
        return gettext("Passed") if obj.passed else gettext("Not passed")

    passed_display.short_description = _("Result")
    passed_display.admin_order_field = "passed"


def menu_items():
    """The quizzes' items of the "Learning groups" menu, beside the attempts."""
    return [
        PermissionMenuItem(
            _("Quiz statistics"),
            reverse_lazy("wagtail_learninggroups_quiz_statistics"),
            STATISTICS_PERMISSION,
            name="learninggroups-quiz-statistics",
            icon_name="table",
            order=310,
        ),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "learninggroups/quiz-statistics/",
            QuizStatisticsIndexView.as_view(),
            name="wagtail_learninggroups_quiz_statistics",
        ),
        path(
            "learninggroups/quiz-statistics/<int:page_id>/<slug:quiz_key>/",
            QuizStatisticsView.as_view(),
            name="wagtail_learninggroups_quiz_statistics_detail",
        ),
    ]
