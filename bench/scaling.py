"""Pages of 1 to 1,000 blocks, slots, spotlights and quiz questions (goal: queries flat).

Each page is measured against its plain twin, a page of as many rich-text blocks holding the
same text. The queries row gives the counts at each size, and as its ratio the count at 1,000
over the count at 10: 1.00x is flat. Pages are rendered whole, with the render cache off: these
figures are what rendering costs.
"""

import itertools
from functools import cache

from bench import browse, pages, quizzes, slots
from bench.measure import measure_pair
from bench.rows import row, time_row

SIZES = (1, 10, 100, 1000)
#: Fewer runs for the big pages, whose renders take long enough to vary less.
REPEATS = {1: 30, 10: 30, 100: 15, 1000: 5}


@cache
def spotlights_pair(count):
    """A template of ``count`` champion spotlights, taking the active champions in turn."""
    from wagtail_learninggroups.models import Champion

    champions = itertools.cycle(Champion.objects.filter(active=True).values_list("pk", flat=True))
    spotlight = {"champion": None, "headline": "", "quote": "", "layout": "card"}
    body = [
        {"type": "spotlight", "value": {**spotlight, "champion": next(champions)}}
        for _ in range(count)
    ]
    index = pages.workshops_index()
    ours = pages.workshop(index, f"bench-{count}-spotlights", pages.repeated(body, count))
    plain = pages.plain_twin(index, f"bench-{count}-spotlights-plain", pages.block_texts(ours))
    return ours, plain


#: ``(what is counted, how a pair of pages of that many is made, who reads them)``. Quizzes
#: show their questions to people who are signed in; the other pages are read anonymously.
SERIES = [
    ("Our blocks", pages.blocks_pair, None),
    ("Filled slots", slots.edition_pair, None),
    ("Spotlights", spotlights_pair, None),
    ("Quiz questions", quizzes.questions_pair, quizzes.MEMBER),
]


def run():
    with browse.render_cache_off():
        return measure_series()


def measure_series():
    rows = []
    for label, make_pair, username in SERIES:
        client = browse.signed_in(username) if username else browse.reader()
        queries = []
        for count in SIZES:
            ours, plain = make_pair(count)
            mine, base = measure_pair(
                browse.get(client, ours.url),
                browse.get(client, plain.url),
                repeat=REPEATS[count],
                warmup=2,
            )
            name = f"{label}: {count:,} vs {count:,} rich-text blocks"
            rows.append(time_row(name, mine, base, "linear"))
            queries.append((mine.queries, base.queries))
        rows.append(
            row(
                f"{label}: queries at 1 / 10 / 100 / 1,000",
                " / ".join(str(mine) for mine, _base in queries),
                " / ".join(str(base) for _mine, base in queries),
                # From ten on, a page holds every kind of what it counts; a page of one, one.
                queries[-1][0] / queries[1][0],
                "flat",
            )
        )
    return rows
