"""Admin views of roll-out: choosing the offices, following the run and its summary."""

import logging
from itertools import groupby

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page

from ..curriculum.locations import Location
from ..workshops.models import WorkshopTemplatePage
from .models import LocalEditionPage
from .models_rollout import RolloutRun
from .rollout import CREATED, FAILED, SKIPPED, existing_editions
from .tasks import rollout_task

logger = logging.getLogger(__name__)

#: How often, in seconds, the progress page reloads itself when the browser runs no script.
REFRESH_SECONDS = 3


class RolloutForm(forms.Form):
    """The offices to roll out to: all of them, whole regions, or offices one by one.

    Only active offices are offered; those that already have an edition of the template are
    shown but cannot be chosen, and the form refuses them. "All offices" and a region stand for
    their offices that can be chosen, so the form works alone, without the page's script.
    """

    # Named "scope", with the value "all", as the form has always posted it.
    scope = forms.ChoiceField(
        label=gettext_lazy("All offices"), choices=[("all", "all")], required=False
    )
    regions = forms.MultipleChoiceField(label=gettext_lazy("Regions"), required=False)
    locations = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Offices"), coerce=int, required=False
    )

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        self.offices = list(Location.objects.filter(active=True).order_by("region", "name"))
        self.taken = existing_editions(template)
        regions = sorted({office.region for office in self.offices})
        self.fields["regions"].choices = [(region, region) for region in regions]
        self.fields["locations"].choices = [(office.pk, office.name) for office in self.offices]

    def clean(self):
        cleaned_data = super().clean()
        everything = cleaned_data.get("scope") == "all"
        regions = set(cleaned_data.get("regions") or ())
        ticked = set(cleaned_data.get("locations") or ())
        taken = [office.name for office in self.offices if office.pk in ticked & self.taken.keys()]
        if taken:
            self.add_error(
                "locations",
                ngettext(
                    "%(offices)s already has an edition of this workshop, so it cannot be chosen.",
                    "%(offices)s already have an edition of this workshop, so they cannot be "
                    "chosen.",
                    len(taken),
                )
                % {"offices": ", ".join(taken)},
            )
        self.chosen = sorted(
            (
                office
                for office in self.offices
                if office.pk not in self.taken
                and (everything or office.region in regions or office.pk in ticked)
            ),
            key=lambda office: (office.name.casefold(), office.pk),
        )
        if not self.chosen and not self.errors:
            if everything or regions:
                message = _("Every office you chose already has an edition of this workshop.")
            else:
                message = _("Tick at least one office, a region or “All offices”.")
            raise forms.ValidationError(message)
        return cleaned_data

    @cached_property
    def free_count(self):
        return sum(1 for office in self.offices if office.pk not in self.taken)

    def groups(self):
        """The offices by region, as the form shows them, with what was ticked."""
        ticked = {str(value) for value in self["locations"].value() or ()}
        regions = set(self["regions"].value() or ())
        groups = []
        for region, offices in groupby(self.offices, key=lambda office: office.region):
            rows = [
                {
                    "office": office,
                    "checked": str(office.pk) in ticked,
                    "edition_url": reverse("wagtailadmin_pages:edit", args=[self.taken[office.pk]])
                    if office.pk in self.taken
                    else "",
                }
                for office in offices
            ]
            groups.append(
                {
                    "region": region,
                    "offices": rows,
                    "free": sum(1 for row in rows if not row["edition_url"]),
                    "checked": region in regions,
                }
            )
        return groups


def check_can_edit(request, template):
    """Roll-out, its runs and their progress are for those who may edit the template."""
    if not template.permissions_for_user(request.user).can_edit():
        raise PermissionDenied


class TemplateHeaderMixin:
    """The template's title under the view's, and the template's place in the page tree."""

    def get_page_subtitle(self):
        return self.template_page.title

    def get_breadcrumbs_items(self):
        return get_breadcrumbs_items_for_page(self.template_page, self.request.user)


class RolloutView(TemplateHeaderMixin, WagtailAdminTemplateMixin, FormView):
    """Choose the offices and start the roll-out, from the template's menu."""

    page_title = gettext_lazy("Roll out to offices")
    header_icon = "site"
    template_name = "wagtail_learninggroups/admin/rollout.html"
    form_class = RolloutForm

    def dispatch(self, request, template_id):
        self.template_page = get_object_or_404(WorkshopTemplatePage, pk=template_id)
        check_can_edit(request, self.template_page)
        return super().dispatch(request)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "template": self.template_page}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_page"] = self.template_page
        context["groups"] = context["form"].groups()
        context["runs"] = RolloutRun.objects.filter(template=self.template_page)[:5]
        return context

    def form_valid(self, form):
        user = self.request.user
        ids = [office.pk for office in form.chosen]
        run = RolloutRun.objects.create(
            template=self.template_page, location_ids=ids, total=len(ids), created_by=user
        )
        try:
            rollout_task.enqueue(
                self.template_page.pk,
                ids,
                user.pk,
                run_id=run.pk,
                language=translation.get_language(),
            )
        except Exception as error:
            # The site's task backend refused it (not set up, unreachable): say so on the run.
            logger.exception("The roll-out %s could not be queued", run.pk)
            run.set_status(
                RolloutRun.Status.FAILED,
                error=_("The roll-out could not be started: %(error)s")
                % {"error": str(error) or type(error).__name__},
            )
        return redirect("wagtail_learninggroups_rollout_run", run.pk)


def run_for(request, run_id):
    run = get_object_or_404(RolloutRun.objects.select_related("template"), pk=run_id)
    check_can_edit(request, run.template)
    return run


def rollout_run_status(request, run_id):
    """A run's progress as JSON, for the progress page to poll."""
    return JsonResponse(run_for(request, run_id).as_status())


class RolloutRunView(TemplateHeaderMixin, WagtailAdminTemplateMixin, TemplateView):
    """A roll-out's progress while it runs, then its summary."""

    page_title = gettext_lazy("Roll-out")
    header_icon = "site"
    template_name = "wagtail_learninggroups/admin/rollout_run.html"

    def dispatch(self, request, run_id):
        self.run = run_for(request, run_id)
        self.template_page = self.run.template
        return super().dispatch(request)

    def get_breadcrumbs_items(self):
        form_url = reverse("wagtail_learninggroups_rollout", args=[self.template_page.pk])
        return [
            *super().get_breadcrumbs_items(),
            {"url": form_url, "label": _("Roll out to offices")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.run
        context.update(
            run=run,
            template_page=self.template_page,
            status_url=reverse("wagtail_learninggroups_rollout_run_status", args=[run.pk]),
            rollout_url=reverse("wagtail_learninggroups_rollout", args=[self.template_page.pk]),
            refresh_seconds=REFRESH_SECONDS,
        )
        if run.is_over:
            context.update(self.summary())
        return context

    def summary(self):
        """The run's results, each office with links to its edition where it has one."""
        editions = list(LocalEditionPage.objects.filter(workshop=self.run.template))
        by_id = {edition.pk: edition for edition in editions}
        by_office = {edition.location_id: edition for edition in editions}
        rows = {CREATED: [], SKIPPED: [], FAILED: []}
        for entry in self.run.results:
            if entry.get("outcome") not in rows:
                continue
            if entry["outcome"] == CREATED:
                edition = by_id.get(entry.get("edition"))
            else:
                edition = by_office.get(entry.get("location"))
            rows[entry["outcome"]].append({**entry, **self.links(edition)})
        return {"created": rows[CREATED], "skipped": rows[SKIPPED], "failed": rows[FAILED]}

    def links(self, edition):
        if edition is None:
            return {}
        view_url = edition.get_url(self.request) if edition.live else None
        view_label = _("View live")
        if not view_url:  # a draft, or a page outside every site
            view_url = reverse("wagtailadmin_pages:view_draft", args=[edition.pk])
            view_label = _("View draft")
        return {
            "edit_url": reverse("wagtailadmin_pages:edit", args=[edition.pk]),
            "view_url": view_url,
            "view_label": view_label,
        }
