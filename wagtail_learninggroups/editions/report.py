"""The completeness report: where each office stands with each workshop template.

``load_rows`` reads everything it needs in a fixed number of queries, however many templates
and offices there are; ``build_rows`` and ``region_shares`` are pure.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..core.streams import loads_stream
from ..curriculum.locations import Location
from ..workshops import slots
from ..workshops.models import WorkshopTemplatePage
from .models import LocalEditionPage, comparison_url, template_outline

MISSING, DRAFT, LIVE = "missing", "draft", "live"
STATES = [
    (MISSING, _("No edition")),
    (DRAFT, _("Draft")),
    (LIVE, _("Live")),
]
STATE_LABELS = dict(STATES)


@dataclass
class TemplateFacts:
    """What the report needs of a template: its slots and agenda as published."""

    pk: int
    title: str
    live_revision_id: int | None
    slots: list
    agenda: list


@dataclass
class EditionFacts:
    """What the report needs of an edition, read from stored JSON."""

    pk: int
    workshop_id: int
    location_id: int
    live: bool
    fills: dict
    template_revision_id: int | None
    last_edited: object = None
    last_edited_by: str = ""


@dataclass
class CompletenessRow:
    """One template at one office."""

    template: TemplateFacts
    location: Location
    state: str
    edition_id: int | None = None
    required_done: int = 0
    required_total: int = 0
    optional_done: int = 0
    optional_total: int = 0
    orphans: int = 0
    last_edited: object = None
    last_edited_by: str = ""
    changes: list = field(default_factory=list)
    template_revision_id: int | None = None

    @property
    def comparison_url(self):
        """Wagtail's comparison of the template as the edition last saw it with the live one."""
        if not (self.changes and self.template_revision_id):
            return None
        return comparison_url(self.template.pk, self.template_revision_id)

    @property
    def template_title(self):
        return self.template.title

    @property
    def office(self):
        return self.location.name

    @property
    def region(self):
        return self.location.region

    @property
    def state_label(self):
        return str(STATE_LABELS[self.state])

    @property
    def required_progress(self):
        return self._progress(self.required_done, self.required_total)

    @property
    def optional_progress(self):
        return self._progress(self.optional_done, self.optional_total)

    def _progress(self, done, total):
        if self.state == MISSING:
            return ""
        return gettext("%(done)d of %(total)d") % {"done": done, "total": total}

    @property
    def complete(self):
        return self.state != MISSING and self.required_done == self.required_total

    @property
    def changes_text(self):
        return ", ".join(self.changes)


def build_rows(templates, locations, editions, revision_bodies):
    """A row per template and office, in template then office order.

    ``revision_bodies`` maps a template revision id to the slots and agenda it held, for
    editions published against an older revision of their template.
    """
    by_pair = {(e.workshop_id, e.location_id): e for e in editions}
    # Many editions were published against the same old revision: compare each pair once.
    described = {}
    rows = []
    for template in templates:
        for location in locations:
            edition = by_pair.get((template.pk, location.pk))
            if edition is None:
                rows.append(CompletenessRow(template=template, location=location, state=MISSING))
                continue
            progress = slots.progress(template.slots, edition.fills)
            changes = []
            old = revision_bodies.get(edition.template_revision_id)
            if (
                edition.live
                and old is not None
                and edition.template_revision_id != template.live_revision_id
            ):
                pair = (template.pk, edition.template_revision_id)
                if pair not in described:
                    described[pair] = slots.template_changes(
                        old[0], template.slots, old[1], template.agenda
                    ).describe()
                changes = list(described[pair])
            rows.append(
                CompletenessRow(
                    template=template,
                    location=location,
                    state=LIVE if edition.live else DRAFT,
                    edition_id=edition.pk,
                    required_done=progress.required_done,
                    required_total=progress.required_total,
                    optional_done=progress.optional_done,
                    optional_total=progress.optional_total,
                    orphans=len(progress.orphans),
                    last_edited=edition.last_edited,
                    last_edited_by=edition.last_edited_by,
                    changes=changes,
                    template_revision_id=edition.template_revision_id,
                )
            )
    return rows


@dataclass(frozen=True)
class RegionShare:
    region: str
    live: int
    total: int

    @property
    def percent(self):
        return round(100 * self.live / self.total) if self.total else 0


def region_shares(rows):
    """The share of template-and-office pairs live, per region, in region order."""
    live, total = defaultdict(int), defaultdict(int)
    for row in rows:
        total[row.region] += 1
        live[row.region] += row.state == LIVE
    return [RegionShare(region, live[region], total[region]) for region in sorted(total)]


BAR_WIDTH, ROW_HEIGHT = 400, 30


def region_chart(shares):
    """The geometry of the per-region bar chart the report draws as SVG."""
    bars = [
        {
            "share": share,
            "y": index * ROW_HEIGHT,
            "width": round(BAR_WIDTH * share.live / share.total) if share.total else 0,
        }
        for index, share in enumerate(shares)
    ]
    return {"bars": bars, "height": len(bars) * ROW_HEIGHT + 4, "bar_width": BAR_WIDTH}


def load_rows(template_ids=None, regions=None, locations=None):
    """Read the report's data in a fixed number of queries and build its rows.

    ``locations`` (a queryset of offices) narrows the offices, as ``regions`` does.
    """
    template_pages = WorkshopTemplatePage.objects.live().order_by("title")
    if template_ids:
        template_pages = template_pages.filter(pk__in=template_ids)
    templates = []
    for page in template_pages.only("title", "body", "live_revision_id"):
        template_slots, agenda = template_outline(page.body.raw_data)
        templates.append(
            TemplateFacts(
                pk=page.pk,
                title=page.title,
                live_revision_id=page.live_revision_id,
                slots=template_slots,
                agenda=agenda,
            )
        )
    locations = (Location.objects.all() if locations is None else locations).filter(active=True)
    if regions:
        locations = locations.filter(region__in=regions)
    locations = list(locations.order_by("name"))

    records = (
        LocalEditionPage.objects.filter(
            workshop_id__in=[t.pk for t in templates], location__in=locations
        )
        # The page's own fills are only needed where the latest revision holds none: read them
        # as text, which costs nothing until decoded, rather than as a StreamField value.
        .annotate(stored_fills=Cast("fills", TextField()))
        .values(
            "pk",
            "workshop_id",
            "location_id",
            "live",
            "stored_fills",
            "has_unpublished_changes",
            "template_revision_id",
            "latest_revision_created_at",
            "latest_revision__user_id",
            "latest_revision__content__fills",
        )
    )
    records = list(records)
    user_ids = {r["latest_revision__user_id"] for r in records} - {None}
    names = {
        user.pk: (user.get_full_name() or user.get_username())
        for user in get_user_model().objects.filter(pk__in=user_ids)
    }
    editions = []
    for record in records:
        # Progress follows the editors' latest work, draft or not.
        draft_fills = record["latest_revision__content__fills"]
        fills = loads_stream(draft_fills if draft_fills is not None else record["stored_fills"])
        editions.append(
            EditionFacts(
                pk=record["pk"],
                workshop_id=record["workshop_id"],
                location_id=record["location_id"],
                live=record["live"],
                fills=slots.fills_from_raw(fills),
                template_revision_id=record["template_revision_id"],
                last_edited=record["latest_revision_created_at"],
                last_edited_by=names.get(record["latest_revision__user_id"], ""),
            )
        )
    return build_rows(templates, locations, editions, _revision_bodies(templates, editions))


def _revision_bodies(templates, editions):
    from wagtail.models import Revision

    current = {t.pk: t.live_revision_id for t in templates}
    wanted = {
        e.template_revision_id
        for e in editions
        if e.live and e.template_revision_id and e.template_revision_id != current[e.workshop_id]
    }
    bodies = {}
    for pk, body in Revision.objects.filter(pk__in=wanted).values_list("pk", "content__body"):
        bodies[pk] = template_outline(loads_stream(body))
    return bodies
