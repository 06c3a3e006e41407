"""Roll-out to 200 offices against creating 200 plain draft pages (goal: linear, seconds)."""

from bench.measure import measure_once

OFFICES = 200


def make_offices(index, prefix, count):
    from example_site.intranet.models import OfficePage
    from wagtail_learninggroups.models import Location

    locations = []
    for n in range(count):
        index.refresh_from_db()
        office = OfficePage(
            title=f"{prefix} office {n}", slug=f"{prefix}-{n}", city=f"{prefix} {n}",
            country="Benchland", region="africa", staff_count=25,
        )  # fmt: skip
        index.add_child(instance=office)
        locations.append(
            Location.objects.create(
                name=office.city,
                slug=office.slug,
                country="Benchland",
                region="Africa",
                size="medium",
                time_zone="Africa/Nairobi",
                page=office,
            )  # fmt: skip
        )
    return locations


def run():
    from example_site.intranet.models import OfficeIndexPage, StandardPage
    from wagtail_learninggroups.models import WorkshopTemplatePage
    from wagtail_learninggroups.rollout import roll_out

    index = OfficeIndexPage.objects.get()
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    results = []
    for count in (OFFICES // 2, OFFICES):
        locations = make_offices(index, f"r{count}", count)
        ours = measure_once(lambda locations=locations: roll_out(template, locations))

        # Baseline: the same number of draft pages, one under each office, made the plain way.
        def plain(locations=locations):
            for location in locations:
                parent = location.page.specific
                page = StandardPage(title="A plain page", slug="a-plain-page", live=False)
                parent.add_child(instance=page)
                page.save_revision()

        base = measure_once(plain)
        results.append(
            {
                "name": f"Roll-out to {count} offices vs {count} plain draft pages (s)",
                "ours": f"{ours.median_ms / 1000:.2f}",
                "baseline": f"{base.median_ms / 1000:.2f}",
                "ratio": ours.ratio_to(base),
                "goal": "linear",
            }
        )
    return results
