"""The abstract base of the package's page types."""

from wagtail.models import Page

from ..conf import get_setting


class LearningGroupsPage(Page):
    """Common ground of the package's page types: the base template they extend."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lg_base_template"] = get_setting("BASE_TEMPLATE")
        return context
