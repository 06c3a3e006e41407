"""The completeness report over 40 templates and 200 offices (goal: constant queries, < 1 s).

Rolling 40 templates out to 200 offices one by one would take this machine the best part of an
hour, so the 8,000 editions are written into the page tree in bulk (see :mod:`bench.tree`),
each a copy of one of the demo's three editions (published and complete, a half-filled draft,
an untouched draft) with a revision of its own. The published copies are recorded against an
earlier revision of their template, one without its latest slot, as after an update.
The tree is checked afterwards and one copy is served: the report runs over pages Wagtail can
serve.

The baseline is the same report over one template and the same 200 offices.
"""

import copy
import itertools
import json

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bench import browse, pages, slots, tree
from bench.measure import measure_pair
from bench.rollout import make_offices
from bench.rows import queries_row, time_row

TEMPLATES = 40
OFFICES = 200
EDITOR = "bench-editor"
#: The demo's editions, one of each stage, whose copies fill the report.
SHAPES = ("washington", "nairobi", "suva")
#: The key of the slot the templates gained since their editions were published.
NEW_SLOT = "bench-report-new"


def top_up_offices():
    """Add offices until there are ``OFFICES`` active ones; returns them."""
    from example_site.intranet.models import OfficeIndexPage
    from wagtail_learninggroups.models import Location

    missing = OFFICES - Location.objects.filter(active=True).count()
    if missing > 0:
        make_offices(OfficeIndexPage.objects.get(), "report", missing)
    return list(Location.objects.filter(active=True).select_related("page"))


def top_up_templates():
    """Add copies of the demo workshop until there are ``TEMPLATES`` live templates.

    Each copy holds a slot the demo's editions do not know: the slot an update added.
    """
    from wagtail_learninggroups.models import WorkshopTemplatePage

    added_slot = {"type": "slot", "value": slots.slot(NEW_SLOT, "A new local part", ["text"])}
    body = [*pages.demo_workshop().body.raw_data, added_slot]
    missing = TEMPLATES - WorkshopTemplatePage.objects.live().count()
    for number in range(max(missing, 0)):
        pages.workshop(
            pages.workshops_index(), f"bench-report-{number}", pages.repeated(body, len(body))
        )
    return list(WorkshopTemplatePage.objects.live().select_related("live_revision"))


def is_new_slot(block):
    return block.get("type") == "slot" and block["value"].get("key") == NEW_SLOT


def earlier_revisions(templates):
    """``{template id: revision id}``: a revision of each template from before the new slot.

    The published copies of editions are recorded against these, as editions published before
    their template's latest update are.
    """
    from wagtail.models import Revision

    from wagtail_learninggroups.core.streams import loads_stream

    earlier = []
    for template in templates:
        revision = template.live_revision
        content = copy.deepcopy(revision.content)
        body = [b for b in loads_stream(content["body"]) if not is_new_slot(b)]
        # As the revision stores it: JSON text, or already a list.
        content["body"] = json.dumps(body) if isinstance(content["body"], str) else body
        earlier.append(
            Revision(
                content_type_id=revision.content_type_id,
                base_content_type_id=revision.base_content_type_id,
                object_id=str(template.pk),
                content=content,
                created_at=revision.created_at,
                object_str=template.title,
            )
        )
    Revision.objects.bulk_create(earlier)
    return {
        template.pk: revision.pk for template, revision in zip(templates, earlier, strict=True)
    }


def edition_shapes():
    """The demo's editions as ``(edition, its latest revision)``, one of each stage."""
    from wagtail_learninggroups.models import LocalEditionPage

    editions = LocalEditionPage.objects.filter(location__slug__in=SHAPES).select_related(
        "latest_revision", "location"
    )
    by_office = {edition.location.slug: edition for edition in editions}
    return [(by_office[slug], by_office[slug].latest_revision) for slug in SHAPES]


def edition_like(source, template, location, earlier, now):
    """An unsaved edition of ``template`` at ``location``, at the stage ``source`` is at.

    Published, it was published against the template's ``earlier`` revision.
    """
    from wagtail_learninggroups.models import LocalEditionPage

    return LocalEditionPage(
        title=template.title,
        slug=template.slug,
        live=source.live,
        has_unpublished_changes=source.has_unpublished_changes,
        first_published_at=now if source.live else None,
        last_published_at=now if source.live else None,
        latest_revision_created_at=now,
        workshop_id=template.pk,
        location_id=location.pk,
        session_format=source.session_format,
        session_starts=source.session_starts,
        venue=source.venue,
        joining_url=source.joining_url,
        facilitator=source.facilitator,
        fills=list(source.fills.raw_data),
        template_revision_id=earlier if source.live else None,
    )


def revision_like(revision, edition, now):
    """A revision of ``edition`` holding what ``revision`` (of another edition) holds."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    content = copy.deepcopy(revision.content)
    content.update(
        pk=edition.pk,
        path=edition.path,
        depth=edition.depth,
        url_path=edition.url_path,
        title=edition.title,
        workshop=edition.workshop_id,
        location=edition.location_id,
    )
    return Revision(
        content_type=ContentType.objects.get_for_model(edition),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(edition.pk),
        content=content,
        created_at=now,
        object_str=edition.title,
    )


@transaction.atomic
def clone_editions(templates, locations, earlier):
    """An edition of every template at every office that has none; returns how many.

    ``earlier`` maps each template to the revision its published editions were checked against.
    """
    from wagtail.models import Page, Revision

    from wagtail_learninggroups.models import LocalEditionPage

    taken = set(LocalEditionPage.objects.values_list("workshop_id", "location_id"))
    shapes = itertools.cycle(edition_shapes())
    now = timezone.now()
    editions, their_revisions = [], []
    for location in locations:
        made = []
        for template in templates:
            if (template.pk, location.pk) not in taken:
                source, revision = next(shapes)
                made.append(edition_like(source, template, location, earlier[template.pk], now))
                their_revisions.append(revision)
        editions += tree.add_children(location.page, made)
    revisions = Revision.objects.bulk_create(
        [
            revision_like(revision, edition, now)
            for revision, edition in zip(their_revisions, editions, strict=True)
        ],
        batch_size=500,
    )
    pages = [
        Page(
            pk=edition.pk,
            latest_revision_id=revision.pk,
            live_revision_id=revision.pk if edition.live else None,
        )
        for edition, revision in zip(editions, revisions, strict=True)
    ]
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=500)
    return len(editions)


def check_tree(locations, edition_id):
    """Fail loudly if the copies broke the page tree or cannot be served.

    Each office must count exactly the children the tree holds under it (what
    ``Page.find_problems()`` checks, which takes far longer over the whole tree).
    """
    from wagtail.models import Page

    for location in locations:
        office = Page.objects.get(pk=location.page_id)
        if office.numchild != office.get_children().count():
            raise RuntimeError(f"{office.title} miscounts its children after copying editions")
    browse.get(browse.reader(), Page.objects.get(pk=edition_id).url)()


def run():
    from wagtail_learninggroups.models import LocalEditionPage

    locations = top_up_offices()
    templates = top_up_templates()
    clone_editions(templates, locations, earlier_revisions(templates))
    check_tree(locations, LocalEditionPage.objects.live().latest("pk").pk)
    client = browse.signed_in(EDITOR, superuser=True)
    url = reverse("wagtail_learninggroups_completeness")
    one = pages.demo_workshop().pk
    ours, base = measure_pair(
        browse.get(client, url), browse.get(client, f"{url}?template={one}"), repeat=6, warmup=1
    )
    offices = len(locations)
    name = f"Completeness report, {len(templates)} × {offices} vs 1 × {offices} offices"
    return [time_row(name, ours, base, "< 1 s"), queries_row(name, ours, base, "constant")]
