"""A local edition against its template: time and queries of a render (goal: 1.25x, +3).

Both as readers get them, with the render cache, and with the cache off.
"""

from django.test import Client

from bench.browse import render_cache_off
from bench.measure import measure_pair
from bench.rows import queries_row, time_row


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

    name = "Edition page vs its template page"
    ours, base = measure_pair(get(edition_url), get(template_url))
    with render_cache_off():
        ours_uncached, base_uncached = measure_pair(get(edition_url), get(template_url))
    return [
        time_row(name, ours, base, "≤ 1.25x"),
        queries_row(name, ours, base, "≤ +3"),
        time_row(f"{name}, render cache off", ours_uncached, base_uncached, "≤ 1.25x"),
        queries_row(f"{name}, render cache off", ours_uncached, base_uncached, "≤ +3"),
    ]
