"""Champions in the admin: the listing (wagtail-modeladmin), usage and the programme figures."""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.mixins import ThumbnailMixin
from wagtail_modeladmin.options import ModelAdmin

from ..core.spreadsheets import FormulaSafeIndexView, RowsSpreadsheet
from .chooser import champion_chooser_viewset
from .models import Award, Champion

VIEW_PERMISSION = "wagtail_learninggroups.view_champion"


class HasAwardFilter(SimpleListFilter):
    """Filter champions by whether they hold any award."""

    title = gettext_lazy("award")
    parameter_name = "has_award"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("Has an award")), ("no", gettext_lazy("No award yet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(awards__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(awards__isnull=True)
        return queryset


class ChampionButtonHelper(ButtonHelper):
    """Adds "Usage" (where the champion is spotlighted) to each row's buttons."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(
            obj,
            exclude=exclude,
            classnames_add=classnames_add,
            classnames_exclude=classnames_exclude,
        )
        if self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.append(
                {
                    "url": obj.get_usage_url(),
                    "label": _("Usage"),
                    "classname": "button button-small button-secondary",
                    "title": _("Where %(name)s is spotlighted") % {"name": obj.name},
                }
            )
        return buttons


class ChampionAdmin(ThumbnailMixin, ModelAdmin):
    """The programme's champions, each edited with their awards."""

    model = Champion
    menu_label = gettext_lazy("Champions")
    menu_icon = "user"
    thumb_image_field_name = "photo"
    thumb_col_header_text = gettext_lazy("Photo")
    list_display = (
        "admin_thumb",
        "name",
        "job_title",
        "location",
        "region",
        "active",
        "award_count",
    )
    list_filter = ("location", "location__region", "active", HasAwardFilter)
    search_fields = ("name", "job_title", "email", "location__name")
    list_export = (
        "name",
        "slug",
        "job_title",
        "location",
        "region",
        "email",
        "volunteering_since",
        "active",
        "award_count",
    )
    export_filename = "champions"
    index_view_class = FormulaSafeIndexView
    inspect_view_enabled = True
    button_helper_class = ChampionButtonHelper
    index_template_name = "wagtail_modeladmin/wagtail_learninggroups/champion/index.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("location", "photo")
            .prefetch_related("photo__renditions")
            .annotate(award_total=Count("awards"))
        )

    def admin_thumb(self, obj):
        # The photo is the only content of the row's edit link, so it needs the name as its
        # alternative text (the mixin writes none), or screen readers announce a bare link.
        thumb = super().admin_thumb(obj)
        if not thumb:
            return thumb
        return mark_safe(thumb.replace("<img", format_html('<img alt="{}"', obj.name), 1))  # noqa: S308

    def region(self, obj):
        return obj.region

    region.short_description = gettext_lazy("Region")
    region.admin_order_field = "location__region"

    def award_count(self, obj):
        return getattr(obj, "award_total", 0)

    award_count.short_description = gettext_lazy("Awards")
    award_count.admin_order_field = "award_total"

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            path(
                "wagtail_learninggroups/champion/usage/<str:pk>/",
                ChampionUsageView.as_view(),
                name="wagtail_learninggroups_champion_usage",
            ),
            path(
                "wagtail_learninggroups/champion/figures/",
                figures_view,
                name="wagtail_learninggroups_champion_figures",
            ),
        )


class ChampionUsageView(UsageView):
    """Wagtail's usage report for a champion: the pages that spotlight them."""

    model = Champion
    permission_policy = ModelPermissionPolicy(Champion)
    index_url_name = "wagtail_learninggroups_champion_modeladmin_index"
    edit_url_name = "wagtail_learninggroups_champion_modeladmin_edit"
    usage_url_name = "wagtail_learninggroups_champion_usage"
    header_icon = "user"


def figures(champions=None, awards=None):
    """The programme's figures: ``[(figure, group, count)]`` for champions and awards."""
    champions = Champion.objects.active() if champions is None else champions
    awards = Award.objects.all() if awards is None else awards
    rows = [
        (_("Active champions by region"), region or _("No office"), count)
        for region, count in champions.values_list("location__region")
        .annotate(count=Count("pk"))
        .order_by("location__region")
    ]
    rows += [
        (_("Awards by year"), str(year), count)
        for year, count in awards.values_list("year").annotate(count=Count("pk")).order_by("year")
    ]
    holders = champions.filter(awards__isnull=False).distinct().count()
    rows.append((_("Active champions with an award"), _("All"), holders))
    return rows


def figures_view(request):
    """The programme's figures as CSV, for those who may view champions."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    columns = [("figure", _("Figure")), ("group", _("Group")), ("count", _("Count"))]
    rows = [
        {"figure": str(figure), "group": str(group), "count": count}
        for figure, group, count in figures()
    ]
    return RowsSpreadsheet(columns, "champion-figures").as_spreadsheet(rows, "csv")


@hooks.register("register_admin_viewset")
def register_champion_chooser():
    return champion_chooser_viewset
