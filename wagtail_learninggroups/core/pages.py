"""The abstract base of the package's page types."""

from wagtail.models import Page

from ..conf import get_setting
from .sanitise import clean_html


class LearningGroupsPage(Page):
    """Common ground of the package's page types: the base template they extend."""

    #: Rich text fields passed through the package's sanitiser whenever the page is saved, as a
    #: row or as a revision, so that stored rich text is always what Wagtail's editor reads.
    sanitised_fields = ()

    class Meta:
        abstract = True

    def sanitise_fields(self):
        for name in self.sanitised_fields:
            setattr(self, name, clean_html(getattr(self, name)))

    def save(self, *args, **kwargs):
        self.sanitise_fields()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.sanitise_fields()
        return super().save_revision(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lg_base_template"] = get_setting("BASE_TEMPLATE")
        return context
