"""Quiz attempts in the admin: the listing, its filters and search, inspecting and exporting.

Attempts are records of what people answered: the admin lists, inspects, exports and deletes
them, and never adds or edits one. The export gives a row per answer, with the attempt's columns
repeated, for those with the export permission; it reads the listing's query string, so it holds
what the listing shows.
"""

import csv
import re
from collections import Counter
from html import unescape
from io import BytesIO

from django.contrib.admin import RelatedOnlyFieldListFilter, SimpleListFilter
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import re_path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from ..core.spreadsheets import (
    formula_safe as formula_safe,  # the cells moved; the name stays here
)
from ..core.spreadsheets import spreadsheet_cell
from .models import QuizAttempt
from .reader_state import describe_answer, describe_correct
from .statistics import STATUS_LABELS, TYPE_LABELS

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

EXPORT_HEADINGS = (
    _("Attempt"),
    _("Person"),
    _("Username"),
    _("Page"),
    _("Quiz"),
    _("Office"),
    _("Region"),
    _("Attempt number"),
    _("Submitted at"),
    _("Score"),
    _("Maximum"),
    _("Percent"),
    _("Passed"),
    _("Question number"),
    _("Question type"),
    _("Question"),
    _("Answer"),
    _("Right answer"),
    _("Status"),
    _("Points awarded"),
    _("Points possible"),
)


def _iso(moment):
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.isoformat(timespec="seconds")


def export_rows(attempts):
    """The headings, then a row per answer of each attempt, its columns repeated on each."""
    yield [str(heading) for heading in EXPORT_HEADINGS]
    yes, no = gettext("Yes"), gettext("No")
    for attempt in attempts:
        user, location = attempt.user, attempt.location
        columns = [
            attempt.pk,
            attempt.taker_name,
            user.get_username() if user is not None else "",
            attempt.page_title,
            attempt.quiz_title or attempt.quiz_key,
            location.name if location is not None else "",
            location.region if location is not None else "",
            attempt.number,
            _iso(attempt.submitted_at),
            points(attempt.score),
            points(attempt.maximum),
            points(attempt.percent),
            yes if attempt.passed else no,
        ]
        rows = answer_rows(attempt)
        if not rows:
            yield columns + [""] * 8
        for row in rows:
            yield [
                *columns,
                row["number"],
                row["type_label"],
                plain_text(row["prompt"]),
                row["answer"],
                row["correct_answer"],
                row["status_label"],
                row["awarded"],
                row["possible"],
            ]


class _Echo:
    """Hands back what the CSV writer writes, to stream it line by line."""

    def write(self, value):
        return value


def csv_response(rows, filename):
    """The rows as a streamed CSV file."""
    writer = csv.writer(_Echo())

    def lines():
        # The byte order mark tells spreadsheet programs that the file is UTF-8.
        yield "\ufeff".encode()
        for row in rows:
            yield writer.writerow([spreadsheet_cell(value) for value in row]).encode()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows, filename):
    """The rows as an XLSX workbook of one sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Quiz attempts")
    for row in rows:
        sheet.append([spreadsheet_cell(value) for value in row])
    output = BytesIO()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_CONTENT_TYPE
    )


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
        filename = self.model_admin.export_filename
        if spreadsheet_format == self.FORMAT_XLSX:
            return xlsx_response(export_rows(attempts), filename)
        return csv_response(export_rows(attempts), filename)


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
