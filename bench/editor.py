"""Opening the page editor on a template of 100 of our blocks (Wagtail's editor as baseline).

Both sides are Wagtail's own edit view, so the difference is what our page type and blocks add
to it: the definitions and values of the blocks sent to the editor's script, and the template's
own fields (its curriculum module and unit).
"""

from django.urls import reverse

from bench import browse, pages
from bench.measure import measure_pair
from bench.rows import queries_row, time_row

BLOCKS = 100
EDITOR = "bench-editor"


def run():
    ours, plain = pages.blocks_pair(BLOCKS)
    client = browse.signed_in(EDITOR, superuser=True)

    def edit(page):
        return browse.get(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))

    mine, base = measure_pair(edit(ours), edit(plain), repeat=10, warmup=2)
    name = f"Editor, {BLOCKS} of our blocks vs {BLOCKS} rich-text blocks"
    return [time_row(name, mine, base, "—"), queries_row(name, mine, base, "—")]
