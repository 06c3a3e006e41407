"""A local edition against its template: time and queries of a render (goal: 1.25x, +3)."""

from django.test import Client

from bench.measure import measure_pair


def run():
    from wagtail_learninggroups.models import LocalEditionPage

    edition = LocalEditionPage.objects.live().select_related("workshop").first()
    # The baseline is the template itself, copied beside the edition: at one depth of the
    # tree, Wagtail's routing costs both pages the same.
    template = edition.workshop.copy(
        to=edition.get_parent(), update_attrs={"slug": "template-beside-edition"}
    )
    client = Client(HTTP_HOST="localhost")
    template_url, edition_url = template.get_url(), edition.get_url()

    def get(url):
        def action():
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")

        return action

    ours, base = measure_pair(get(edition_url), get(template_url))
    return [
        {
            "name": "Edition page vs its template page (median ms)",
            "ours": f"{ours.median_ms:.1f}±{ours.spread_ms:.1f}",
            "baseline": f"{base.median_ms:.1f}±{base.spread_ms:.1f}",
            "ratio": ours.ratio_to(base),
            "goal": "≤ 1.25x",
        },
        {
            "name": "Edition page vs its template page (queries)",
            "ours": str(ours.queries),
            "baseline": str(base.queries),
            "ratio": ours.queries / base.queries,
            "goal": "≤ +3",
        },
    ]
