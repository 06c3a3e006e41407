"""Background tasks (django-tasks, as Wagtail uses): immediate unless the site runs a worker."""

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def rollout_task(template_id, location_ids, user_id=None, run_id=None, language=None):
    """Roll a template out to offices, as the person ``user_id`` when given.

    The progress and the results go to the :class:`~.models_rollout.RolloutRun` ``run_id``
    (one is made when none is given), which every server process can read; the return value
    is the summary as plain data: office slugs ``created``, and ``[slug, reason]`` pairs
    ``skipped`` and ``failed``. Reasons are in ``language``, that of the person, when given.
    """
    from .models_rollout import RolloutRun
    from .rollout import CREATED, perform_run

    if run_id is None:
        run = RolloutRun.objects.create(
            template_id=template_id,
            location_ids=list(location_ids),
            total=len(location_ids),
            created_by_id=user_id,
        )
    else:
        run = RolloutRun.objects.select_related("template").filter(pk=run_id).first()
        if run is None:
            # Its template was deleted meanwhile, and the run with it.
            return {"run": None, "created": [], "skipped": [], "failed": []}
    with translation.override(language or translation.get_language()):
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        if user_id and user is None:
            # Without its user, the roll-out would skip the checks of what that user may do.
            run.set_status(
                RolloutRun.Status.FAILED,
                error=_("The person who started the roll-out no longer has an account."),
            )
        else:
            perform_run(run, user)
    summary = {"run": run.pk, "created": [], "skipped": [], "failed": []}
    for entry in run.results:
        slug = entry["slug"]
        if entry["outcome"] == CREATED:
            summary["created"].append(slug)
        else:
            summary[entry["outcome"]].append([slug, entry["reason"]])
    return summary
