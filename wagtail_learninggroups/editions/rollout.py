"""Rolling a workshop template out to offices: a draft edition under each office's section."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..curriculum.locations import Location
from .models import LocalEditionPage
from .models_rollout import RolloutRun

logger = logging.getLogger(__name__)

#: A run stores its results every this many offices (and its count of offices done after each
#: office): the results grow with the run, so writing them after each office would write the
#: first office's result as many times as there are offices.
RESULTS_EVERY = 25

CREATED, SKIPPED, FAILED = "created", "skipped", "failed"


@dataclass
class RolloutResult:
    """What a roll-out did, office by office."""

    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (location, reason)
    failed: list = field(default_factory=list)  # (location, reason)


def select_locations(spec):
    """The offices a ``--locations`` value names: ``all`` (every active office) or slugs.

    Returns the offices found and the slugs that name none.
    """
    if spec.strip() == "all":
        return list(Location.objects.filter(active=True).select_related("page")), []
    slugs = [slug.strip() for slug in spec.split(",") if slug.strip()]
    found = {
        loc.slug: loc for loc in Location.objects.filter(slug__in=slugs).select_related("page")
    }
    return [found[slug] for slug in slugs if slug in found], [s for s in slugs if s not in found]


def existing_editions(template):
    """``{office id: edition id}`` of the offices that have an edition of ``template``."""
    return dict(
        LocalEditionPage.objects.filter(workshop=template).values_list("location_id", "pk")
    )


def free_slug(parent, slug):
    """``slug``, or ``slug-2``, ``slug-3``… if a sibling already uses it."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def roll_out(template, locations, user=None, on_progress=None):
    """Create a draft edition of ``template`` for each office in ``locations``.

    Offices that already have an edition, or are inactive, are skipped; offices without a
    section page, or where ``user`` may not add pages, fail with the reason. Each office is
    its own transaction, so one failure does not undo the others, and an office that fails is
    recorded with its reason while the roll-out goes on.
    """
    result = RolloutResult()
    for index, (location, outcome, value) in enumerate(
        roll_out_each(template, locations, user), start=1
    ):
        if outcome == CREATED:
            result.created.append(value)
        else:
            getattr(result, outcome).append((location, value))
        if on_progress is not None:
            on_progress(index, len(locations), location)
    return result


def roll_out_each(template, locations, user=None, existing=None):
    """Roll out to each office in turn, yielding ``(location, outcome, value)`` after each.

    ``outcome`` is ``"created"`` (``value`` is the new edition), ``"skipped"`` or ``"failed"``
    (``value`` is the reason, in words). ``existing`` is what :func:`existing_editions` returns,
    when the caller has it already.
    """
    if existing is None:
        existing = existing_editions(template)
    for location in locations:
        outcome = roll_out_one(template, location, user, existing)
        if isinstance(outcome, LocalEditionPage):
            yield location, CREATED, outcome
        else:
            yield location, *outcome


def roll_out_one(template, location, user, existing):
    if location.pk in existing:
        return SKIPPED, _("already has an edition")
    if not location.active:
        return SKIPPED, _("the office is inactive")
    if location.page is None:
        return FAILED, _("the office has no section page to hold its editions")
    parent = location.page.specific
    if user is not None and not parent.permissions_for_user(user).can_add_subpage():
        return FAILED, _("you may not add pages under %(page)s") % {"page": parent.title}
    if not LocalEditionPage.can_create_at(parent):
        return FAILED, _("a local edition cannot be created under %(page)s") % {
            "page": parent.title
        }
    try:
        return create_edition(template, location, parent, user)
    except (IntegrityError, ValidationError) as error:
        # Another roll-out (a second click, the command alongside the admin) was faster.
        if LocalEditionPage.objects.filter(workshop=template, location=location).exists():
            return SKIPPED, _("already has an edition")
        return FAILED, "; ".join(getattr(error, "messages", [str(error)]))
    except Exception as error:
        # Whatever went wrong with one office (a hook of the site, the database), the others
        # still get their editions. The traceback goes to the log, the words to the person.
        logger.exception("Rolling out %s to %s failed", template.pk, location.slug)
        return FAILED, _("the edition could not be created: %(error)s") % {
            "error": str(error) or type(error).__name__
        }


def create_edition(template, location, parent, user):
    with transaction.atomic():
        edition = LocalEditionPage(
            title=template.title,
            slug=free_slug(parent, template.slug or slugify(template.title)),
            workshop=template,
            location=location,
            live=False,
            has_unpublished_changes=True,
            owner=user,
        )
        parent.add_child(instance=edition)
        # Validated when it was added; a second full clean would only repeat its queries.
        edition.save_revision(user=user, log_action=False, clean=False)
    return edition


def result_entry(location, outcome, value):
    """One office's line of a run's results, as plain JSON data."""
    entry = {
        "location": location.pk,
        "office": location.name,
        "slug": location.slug,
        "region": location.region,
        "outcome": outcome,
    }
    if outcome == CREATED:
        entry["edition"] = value.pk
    else:
        entry["reason"] = str(value)
    return entry


def perform_run(run, user=None):
    """Roll out as ``run`` asks, storing its progress as it goes; returns the run.

    The count of offices done is stored after each office (one small update, beside the dozens
    of queries that creating an edition takes) and the results every :data:`RESULTS_EVERY`
    offices and at the end. Should the run stop on an error, it is marked as failed, with the
    error in words and the results until then, and the error is raised again for the task.
    """
    requested = [pk for pk in run.location_ids if isinstance(pk, int)]
    found = Location.objects.filter(pk__in=requested).select_related("page").order_by("name")
    locations = list(found)
    results = [
        {"location": pk, "office": "", "slug": "", "region": "", "outcome": FAILED,
         "reason": _("the office no longer exists")}
        for pk in sorted(set(requested) - {location.pk for location in locations})
    ]  # fmt: skip
    done = len(results)
    run.set_status(RolloutRun.Status.RUNNING, total=done + len(locations), results=results)
    try:
        for location, outcome, value in roll_out_each(run.template, locations, user):
            results.append(result_entry(location, outcome, value))
            done += 1
            run.record_progress(done, results if done % RESULTS_EVERY == 0 else None)
    except Exception as error:
        run.set_status(
            RolloutRun.Status.FAILED, results=results, error=str(error) or type(error).__name__
        )
        raise
    run.set_status(RolloutRun.Status.FINISHED, results=results)
    return run
