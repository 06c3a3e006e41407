"""Rolling a workshop template out to offices: a draft edition under each office's section."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..curriculum.locations import Location
from .models import LocalEditionPage


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
    existing = set(
        LocalEditionPage.objects.filter(workshop=template).values_list("location_id", flat=True)
    )
    for index, location in enumerate(locations, start=1):
        outcome = roll_out_one(template, location, user, existing)
        if isinstance(outcome, LocalEditionPage):
            result.created.append(outcome)
        else:
            bucket, reason = outcome
            getattr(result, bucket).append((location, reason))
        if on_progress is not None:
            on_progress(index, len(locations), location)
    return result


def roll_out_one(template, location, user, existing):
    if location.pk in existing:
        return "skipped", _("already has an edition")
    if not location.active:
        return "skipped", _("the office is inactive")
    if location.page is None:
        return "failed", _("the office has no section page to hold its editions")
    parent = location.page.specific
    if user is not None and not parent.permissions_for_user(user).can_add_subpage():
        return "failed", _("you may not add pages under %(page)s") % {"page": parent.title}
    if not LocalEditionPage.can_create_at(parent):
        return "failed", _("a local edition cannot be created under %(page)s") % {
            "page": parent.title
        }
    try:
        return create_edition(template, location, parent, user)
    except (IntegrityError, ValidationError) as error:
        # Another roll-out (a second click, the command alongside the admin) was faster.
        if LocalEditionPage.objects.filter(workshop=template, location=location).exists():
            return "skipped", _("already has an edition")
        return "failed", "; ".join(getattr(error, "messages", [str(error)]))


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
