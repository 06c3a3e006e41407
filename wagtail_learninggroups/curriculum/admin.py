"""The curriculum and the offices in the admin's "Learning groups" menu."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin

from ..core.spreadsheets import FormulaSafeIndexView
from .locations import Location
from .models import CurriculumModule
from .people import LearnerProfile


class CurriculumModuleAdmin(ModelAdmin):
    """Modules of the curriculum, each edited with its units."""

    model = CurriculumModule
    menu_label = _("Curriculum")
    menu_icon = "list-ol"
    list_display = ("number", "title", "unit_count")
    search_fields = ("title", "summary", "units__title")
    list_export = ("number", "title", "summary")
    export_filename = "curriculum-modules"
    index_view_class = FormulaSafeIndexView
    inspect_view_enabled = True

    def get_queryset(self, request):
        # Counted in the listing's one query rather than once per row.
        return super().get_queryset(request).annotate(unit_total=Count("units"))

    def unit_count(self, obj):
        return obj.unit_total

    unit_count.short_description = _("Units")
    unit_count.admin_order_field = "unit_total"


class LocationAdmin(ModelAdmin):
    """The organisation's offices, with the section page their editions live under."""

    model = Location
    menu_label = _("Locations")
    menu_icon = "site"
    list_display = ("name", "country", "region", "size", "time_zone", "active")
    list_filter = ("region", "size", "active")
    search_fields = ("name", "slug", "country", "region")
    list_export = ("name", "slug", "country", "region", "size", "time_zone", "active", "page")
    export_filename = "locations"
    index_view_class = FormulaSafeIndexView
    inspect_view_enabled = True


class LearnerProfileAdmin(ModelAdmin):
    """Which office each person belongs to, where the site lets the package keep it."""

    model = LearnerProfile
    menu_label = _("People's offices")
    menu_icon = "user"
    list_display = ("user", "location")
    list_filter = ("location__region", "location")
    search_fields = ("user__username", "user__first_name", "user__last_name", "user__email")
    list_export = ("user", "location")
    export_filename = "peoples-offices"
    index_view_class = FormulaSafeIndexView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "location")
