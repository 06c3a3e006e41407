"""The completeness report in the admin: a Wagtail ``ReportView``, so CSV and XLSX come with it."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from ..core.spreadsheets import FormulaSafeExportMixin
from ..curriculum.locations import Location
from ..workshops.models import WorkshopTemplatePage
from .report import STATES, load_rows, region_chart, region_shares

#: The permission that lets a person see the report (superusers always may).
REPORT_PERMISSION = "wagtail_learninggroups.view_completeness_report"


def region_choices(request=None):
    regions = Location.objects.filter(active=True).values_list("region", flat=True)
    return [(region, region) for region in sorted(set(regions))]


class CompletenessFilterSet(WagtailFilterSet):
    """The report's filters. Its rows are not a queryset, so the view applies the values."""

    template = django_filters.ModelChoiceFilter(
        label=_("Workshop template"),
        queryset=lambda request: WorkshopTemplatePage.objects.live().order_by("title"),
        method="keep",
    )
    region = django_filters.ChoiceFilter(label=_("Region"), choices=region_choices, method="keep")
    state = django_filters.ChoiceFilter(label=_("State"), choices=STATES, method="keep")
    incomplete = django_filters.BooleanFilter(label=_("Required slots still empty"), method="keep")

    class Meta:
        model = Location
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class CompletenessReportView(FormulaSafeExportMixin, ReportView):
    """Where each office stands with each workshop template, with a chart per region."""

    page_title = _("Local editions: completeness")
    header_icon = "tasks"
    results_template_name = "wagtail_learninggroups/admin/completeness_results.html"
    index_url_name = "wagtail_learninggroups_completeness"
    index_results_url_name = "wagtail_learninggroups_completeness_results"
    filterset_class = CompletenessFilterSet
    paginate_by = 100
    export_filename = "local-editions-completeness"
    list_export = [
        "template_title",
        "office",
        "region",
        "state_label",
        "required_progress",
        "optional_progress",
        "orphans",
        "changes_text",
        "last_edited",
        "last_edited_by",
    ]
    export_headings = {
        "template_title": _("Workshop template"),
        "office": _("Office"),
        "region": _("Region"),
        "state_label": _("State"),
        "required_progress": _("Required slots filled"),
        "optional_progress": _("Optional slots filled"),
        "orphans": _("Orphaned fills"),
        "changes_text": _("Template changed since publish"),
        "last_edited": _("Last edited"),
        "last_edited_by": _("Last edited by"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def filter_values(self):
        """The filters' values; one that is not valid is ignored, not all of them."""
        if not self.filters:
            return {}
        self.filters.is_valid()
        return getattr(self.filters.form, "cleaned_data", {})

    def get_queryset(self):
        template = self.filter_values.get("template")
        region = self.filter_values.get("region")
        self.all_rows = load_rows(
            template_ids=[template.pk] if template else None,
            regions=[region] if region else None,
        )
        return self.all_rows

    def filter_queryset(self, rows):
        state = self.filter_values.get("state")
        if state:
            rows = [row for row in rows if row.state == state]
        if self.filter_values.get("incomplete") is True:
            rows = [row for row in rows if row.state != "missing" and not row.complete]
        elif self.filter_values.get("incomplete") is False:
            rows = [row for row in rows if row.complete]
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            # The chart shows the share live among all rows of the template and region chosen,
            # whatever state the table is filtered to.
            context["chart"] = region_chart(region_shares(self.all_rows))
        return context
