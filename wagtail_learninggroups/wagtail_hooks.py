"""Admin integration: the "Learning groups" menu and its screens (wagtail-modeladmin)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import CurriculumModule, Location


class CurriculumModuleAdmin(ModelAdmin):
    """Modules of the curriculum, each edited with its units."""

    model = CurriculumModule
    menu_label = _("Curriculum")
    menu_icon = "list-ol"
    list_display = ("number", "title", "unit_count")
    search_fields = ("title", "summary", "units__title")
    list_export = ("number", "title", "summary")
    export_filename = "curriculum-modules"
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
    inspect_view_enabled = True


@modeladmin_register
class LearningGroupsAdminGroup(ModelAdminGroup):
    """The "Learning groups" menu of the Wagtail admin, holding all of the package's screens."""

    menu_label = _("Learning groups")
    menu_icon = "group"
    menu_order = 250
    items = (CurriculumModuleAdmin, LocationAdmin)
