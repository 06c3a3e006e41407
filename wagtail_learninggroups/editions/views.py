"""Admin views of the package."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..curriculum.locations import Location
from ..workshops.models import WorkshopTemplatePage
from .tasks import rollout_task, task_finished


class RolloutForm(forms.Form):
    """Which offices get a draft edition: every active office, or those ticked."""

    scope = forms.ChoiceField(
        label=gettext_lazy("Offices"),
        choices=[
            ("all", gettext_lazy("Every active office")),
            ("chosen", gettext_lazy("Only the offices ticked below")),
        ],
        initial="all",
        widget=forms.RadioSelect,
    )
    locations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Offices to roll out to"),
        queryset=Location.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("scope") == "chosen" and not cleaned_data.get("locations"):
            self.add_error("locations", _("Tick at least one office."))
        return cleaned_data

    def chosen_locations(self):
        if self.cleaned_data["scope"] == "all":
            return Location.objects.filter(active=True)
        return self.cleaned_data["locations"]


def rollout_view(request, template_id):
    """Roll a template out to offices in the background, from the template's menu."""
    template = get_object_or_404(WorkshopTemplatePage, pk=template_id)
    if not template.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = RolloutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        location_ids = list(form.chosen_locations().values_list("pk", flat=True))
        result = rollout_task.enqueue(template.pk, location_ids, request.user.pk)
        outcome = task_finished(result)
        if outcome == "succeeded":
            summary = result.return_value
            messages.success(
                request,
                _("Rolled out “%(title)s”: %(created)d created, %(skipped)d skipped, "
                  "%(failed)d failed.")
                % {"title": template.title, "created": len(summary["created"]),
                   "skipped": len(summary["skipped"]), "failed": len(summary["failed"])},
            )  # fmt: skip
            for slug, reason in summary["failed"]:
                messages.error(request, f"{slug}: {reason}")
        elif outcome == "failed":
            messages.error(request, _("The roll-out failed; nothing more was created."))
        else:
            messages.success(
                request,
                _("The roll-out of “%(title)s” to %(count)d offices has started.")
                % {"title": template.title, "count": len(location_ids)},
            )
        return redirect(reverse("wagtailadmin_pages:edit", args=(template.pk,)))
    return TemplateResponse(
        request,
        "wagtail_learninggroups/admin/rollout.html",
        {"template_page": template, "form": form, "page_title": _("Roll out to offices")},
    )
