"""The demo's workshop page against a plain page of the same text (goal: at most 1.5x).

The reader is a member of staff, signed in: the demo workshop holds a quiz, which shows its
questions only to those who are. The page is measured as readers get it, with the blocks that
look the same to every reader kept in the render cache, and again with the cache turned off,
which is what the first reader after a change pays.
"""

from bench import browse, pages, quizzes
from bench.measure import measure_pair
from bench.rows import queries_row, time_row


def run():
    ours = pages.demo_workshop()
    # The twin sits beside the workshop: at one depth of the tree, routing costs both the same.
    plain = pages.plain_twin(ours.get_parent(), "bench-demo-plain", pages.block_texts(ours))
    client = browse.signed_in(quizzes.MEMBER)
    read_ours, read_plain = browse.get(client, ours.url), browse.get(client, plain.url)
    mine, base = measure_pair(read_ours, read_plain)
    name = f"Demo workshop ({len(ours.body)} blocks) vs plain page of its text"
    with browse.render_cache_off():
        uncached, uncached_base = measure_pair(read_ours, read_plain)
    return [
        time_row(name, mine, base, "≤ 1.5x"),
        queries_row(name, mine, base, "—"),
        time_row(f"{name}, render cache off", uncached, uncached_base, "—"),
        queries_row(f"{name}, render cache off", uncached, uncached_base, "—"),
    ]
