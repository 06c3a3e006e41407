"""Editions in the admin: roll-out, the completeness report and the rules editions keep."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from ..core.admin import PermissionMenuItem
from ..workshops.models import WorkshopTemplatePage
from . import views
from .models import LocalEditionPage
from .report_views import REPORT_PERMISSION, CompletenessReportView


def menu_items():
    """The editions' items of the "Learning groups" menu."""
    return [
        PermissionMenuItem(
            _("Completeness report"),
            reverse_lazy("wagtail_learninggroups_completeness"),
            REPORT_PERMISSION,
            name="learninggroups-completeness",
            icon_name="tasks",
            order=300,
        ),
    ]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "learninggroups/rollout/<int:template_id>/",
            views.RolloutView.as_view(),
            name="wagtail_learninggroups_rollout",
        ),
        path(
            "learninggroups/rollout/runs/<int:run_id>/",
            views.RolloutRunView.as_view(),
            name="wagtail_learninggroups_rollout_run",
        ),
        path(
            "learninggroups/rollout/runs/<int:run_id>/status/",
            views.rollout_run_status,
            name="wagtail_learninggroups_rollout_run_status",
        ),
        path(
            "learninggroups/reports/completeness/",
            CompletenessReportView.as_view(),
            name="wagtail_learninggroups_completeness",
        ),
        path(
            "learninggroups/reports/completeness/results/",
            CompletenessReportView.as_view(results_only=True),
            name="wagtail_learninggroups_completeness_results",
        ),
    ]


def rollout_button(page, user, priority):
    if not issubclass(page.specific_class or type(page), WorkshopTemplatePage):
        return None
    if not page.permissions_for_user(user).can_edit():
        return None
    return Button(
        _("Roll out to offices"),
        reverse("wagtail_learninggroups_rollout", args=(page.pk,)),
        icon_name="site",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    button = rollout_button(page, user, priority=35)
    if button is not None:
        yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    button = rollout_button(page, user, priority=25)
    if button is not None:
        yield button


@hooks.register("register_permissions")
def register_report_permission():
    """Offer "Can view the completeness report" under Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="wagtail_learninggroups",
        codename="view_completeness_report",
    )


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_incomplete_editions(request, action_type, objects, action):
    """The page listing's bulk "Publish" keeps the editor's rule: no required slot empty."""
    if action_type != "publish":
        return None
    refused = []
    for page in objects:
        if not issubclass(page.specific_class or type(page), LocalEditionPage):
            continue
        draft = page.get_latest_revision_as_object()
        missing = draft.progress().missing_required
        if missing:
            titles = ", ".join(f"“{slot.title}”" for slot in missing)
            refused.append(f"{draft.title} ({titles})")
    if not refused:
        return None
    messages.error(
        request,
        _("Nothing was published: these editions have required slots empty: %(editions)s.")
        % {"editions": "; ".join(refused)},
    )
    return redirect(getattr(action, "next_url", None) or reverse("wagtailadmin_home"))


def editions_leaving_their_section(pages, destination):
    """The editions at or under ``pages`` that would land outside their office's section.

    An edition belongs to the office whose section holds it (its editors are that office's);
    moved elsewhere, alone or with a page above it, it would keep its office but pass to another
    office's editors. Moving a whole section, or moving within it, keeps them together.
    """
    leaving = []
    for page in pages:
        editions = LocalEditionPage.objects.descendant_of(page, inclusive=True).select_related(
            "location__page"
        )
        for edition in editions:
            section = edition.location.page if edition.location_id else None
            if section is None:
                continue
            # Where the edition's section would be after the move (a tree path starts with
            # the paths of all its ancestors).
            moves_along = section.path.startswith(page.path)
            if not moves_along and not destination.path.startswith(section.path):
                leaving.append(edition)
    return leaving


def refuse_moves(request, editions, back_to):
    messages.error(
        request,
        _(
            "A local edition stays in its office's section: %(editions)s. To give another "
            "office an edition, roll the workshop template out to it."
        )
        % {"editions": ", ".join(f"“{edition.title}”" for edition in editions)},
    )
    return redirect(back_to)


@hooks.register("before_move_page")
def refuse_moving_an_edition_out_of_its_section(request, page, destination):
    # Wagtail calls this before it checks permissions: leave its refusal to those without them.
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return None
    leaving = editions_leaving_their_section([page], destination)
    if leaving:
        return refuse_moves(
            request, leaving, reverse("wagtailadmin_explore", args=[page.get_parent().pk])
        )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_moving_editions_out_of_their_sections(request, action_type, objects, action):
    form = getattr(action, "cleaned_form", None)
    destination = form.cleaned_data.get("chooser") if form is not None else None
    if action_type != "move" or destination is None:
        return None
    leaving = editions_leaving_their_section(objects, destination)
    if leaving:
        return refuse_moves(
            request, leaving, getattr(action, "next_url", None) or reverse("wagtailadmin_home")
        )
    return None


@hooks.register("before_copy_page")
def refuse_copying_an_edition(request, page):
    """An office has one edition of a template: a copy would be a second, so offer roll-out."""
    if not issubclass(page.specific_class or type(page), LocalEditionPage):
        return None
    messages.error(
        request,
        _(
            "A local edition cannot be copied: each office has one edition of a workshop. To "
            "give another office an edition, roll the workshop template out to it."
        ),
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)
