"""The admin's "Learning groups" menu; each feature registers its own screens and hooks."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from .champions import admin as champions_admin
from .curriculum import admin as curriculum_admin
from .editions import admin as editions_admin
from .editions.dashboard import add_editions_to_do
from .quizzes import admin as quizzes_admin

ADMIN_CSS = "wagtail_learninggroups/css/learninggroups-admin.css"


@modeladmin_register
class LearningGroupsAdminGroup(ModelAdminGroup):
    """The "Learning groups" menu of the Wagtail admin, holding all of the package's screens."""

    menu_label = _("Learning groups")
    menu_icon = "group"
    menu_order = 250
    items = (
        curriculum_admin.CurriculumModuleAdmin,
        curriculum_admin.LocationAdmin,
        curriculum_admin.LearnerProfileAdmin,
        champions_admin.ChampionAdmin,
        quizzes_admin.QuizAttemptAdmin,
    )

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            *editions_admin.menu_items(),
            *quizzes_admin.menu_items(),
        ]


hooks.register("construct_homepage_panels", add_editions_to_do)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static(ADMIN_CSS))
