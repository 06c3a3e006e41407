"""The local editor's dashboard panel: their offices' editions that need them."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..curriculum.locations import Location
from .models import LocalEditionPage
from .report import DRAFT, LIVE, load_rows

#: How many editions the panel lists; the completeness report has the rest.
SHOWN = 10


def editable_offices(user):
    """The offices whose section page ``user`` may edit pages under."""
    sections = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return Location.objects.filter(page__in=sections.values("pk"))


def needs(row, without_date):
    """What an edition needs of its editors, in words (empty: nothing)."""
    reasons = []
    missing = row.required_total - row.required_done
    if missing:
        reasons.append(
            ngettext("%(count)d required slot empty", "%(count)d required slots empty", missing)
            % {"count": missing}
        )
    if row.changes:
        reasons.append(_("the template changed since it was published"))
    if row.edition_id in without_date:
        reasons.append(_("no session date"))
    return reasons


class EditionsToDoPanel(Component):
    """Editions of the editor's offices with empty required slots, template changes, no date."""

    name = "learninggroups_editions_to_do"
    template_name = "wagtail_learninggroups/admin/editions_to_do.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = [
            row
            for row in load_rows(locations=editable_offices(self.user))
            if row.state in (LIVE, DRAFT)
        ]
        without_date = set(
            LocalEditionPage.objects.filter(
                pk__in=[row.edition_id for row in rows], session_starts__isnull=True
            ).values_list("pk", flat=True)
        )
        to_do = [(row, reasons) for row in rows if (reasons := needs(row, without_date))]
        context.update(to_do=to_do[:SHOWN], more=max(len(to_do) - SHOWN, 0))
        return context

    def render_html(self, parent_context=None):
        html = super().render_html(parent_context)
        return html if html.strip() else ""


def add_editions_to_do(request, panels):
    """The ``construct_homepage_panels`` hook: only for people who edit some office's pages."""
    if editable_offices(request.user).exists():
        panels.append(EditionsToDoPanel(request.user))
