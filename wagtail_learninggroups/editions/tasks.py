"""Background tasks (django-tasks, as Wagtail uses): immediate unless the site runs a worker."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django_tasks import task


def task_finished(result):
    """``"succeeded"``, ``"failed"`` or ``None`` (queued or running), across django-tasks
    releases, which renamed the statuses."""
    name = getattr(result.status, "name", "")
    if name in ("SUCCESSFUL", "SUCCEEDED"):
        return "succeeded"
    if name == "FAILED":
        return "failed"
    return None


@task()
def rollout_task(template_id, location_ids, user_id=None):
    """Roll a template out to offices; returns the summary as plain data for the task result."""
    from ..curriculum.locations import Location
    from ..workshops.models import WorkshopTemplatePage
    from .rollout import roll_out

    template = WorkshopTemplatePage.objects.get(pk=template_id)
    locations = list(
        Location.objects.filter(pk__in=location_ids).select_related("page").order_by("name")
    )
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user_id and user is None:
        # Without its user, the roll-out would skip the checks of what that user may do.
        raise PermissionDenied(f"The user {user_id} who started the roll-out no longer exists.")
    result = roll_out(template, locations, user=user)
    return {
        "created": [edition.location.slug for edition in result.created],
        "skipped": [[location.slug, str(reason)] for location, reason in result.skipped],
        "failed": [[location.slug, str(reason)] for location, reason in result.failed],
    }
