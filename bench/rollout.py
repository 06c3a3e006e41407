"""Roll-out of one template to 200 and to 2,000 offices (goal: linear; seconds per 200).

200 offices are compared with creating 200 plain draft pages, one under each office, the way
Wagtail creates pages. 2,000 offices are compared with ten times the roll-out to 200: a ratio
of 1.00x is exactly linear. Each is run once and timed in CPU seconds: a roll-out takes minutes,
over which the load of a shared machine changes too much for elapsed times to compare.
"""

from bench import tree
from bench.measure import CPU, measure_once
from bench.rows import row

OFFICES = 200
MANY_OFFICES = 2000


def make_offices(index, prefix, count):
    """``count`` new offices under the office index, each with its location; returns those.

    Written in bulk (see :mod:`bench.tree`): the offices are where the editions go, not what
    is measured.
    """
    from example_site.intranet.models import OfficePage
    from wagtail_learninggroups.models import Location

    offices = [
        OfficePage(
            title=f"{prefix} office {n}",
            slug=f"{prefix}-{n}",
            city=f"{prefix} {n}",
            country="Benchland",
            region="africa",
            staff_count=25,
        )
        for n in range(count)
    ]
    tree.add_children(index, offices)
    return Location.objects.bulk_create(
        Location(
            name=office.city,
            slug=office.slug,
            country="Benchland",
            region="Africa",
            size="medium",
            time_zone="Africa/Nairobi",
            page=office,
        )
        for office in offices
    )


def seconds(timing):
    """A timing of one run, in seconds."""
    return timing.median_ms / 1000


def run():
    from example_site.intranet.models import OfficeIndexPage, StandardPage
    from wagtail_learninggroups.editions.rollout import roll_out
    from wagtail_learninggroups.models import WorkshopTemplatePage

    index = OfficeIndexPage.objects.get()
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")

    locations = make_offices(index, f"r{OFFICES}", OFFICES)
    ours = measure_once(lambda: roll_out(template, locations), clock=CPU)

    # Baseline: the same number of draft pages, one under each office, made the plain way.
    def plain():
        for location in locations:
            parent = location.page.specific
            page = StandardPage(title="A plain page", slug="a-plain-page", live=False)
            parent.add_child(instance=page)
            page.save_revision()

    base = measure_once(plain, clock=CPU)
    many = make_offices(index, f"r{MANY_OFFICES}", MANY_OFFICES)
    at_scale = measure_once(lambda: roll_out(template, many), clock=CPU)
    scale = MANY_OFFICES // OFFICES
    per_200 = seconds(at_scale) / scale
    return [
        row(
            f"Roll-out to {OFFICES} offices vs {OFFICES} plain draft pages (CPU s)",
            f"{seconds(ours):.2f}",
            f"{seconds(base):.2f}",
            ours.ratio_to(base),
            "linear",
        ),
        row(
            f"Roll-out to {MANY_OFFICES:,} offices vs {scale} × the roll-out to {OFFICES} (CPU s)",
            f"{seconds(at_scale):.1f} ({per_200:.2f}/200)",
            f"{scale * seconds(ours):.1f}",
            per_200 / seconds(ours),
            "linear",
        ),
    ]
