"""Peak memory of serving the page of 1,000 of our blocks, against its plain twin.

Measured with :mod:`tracemalloc`, which counts the Python allocations made while the request
is served: the page's blocks, their values, the template's output. Each page is served once
beforehand, so that caches filled by the first request are not counted as the page's cost,
and rendered whole, with the render cache off.
"""

import tracemalloc

from bench import browse, pages
from bench.rows import row

BLOCKS = 1000


def peak_kib(action):
    """The most memory ``action`` held at once, in KiB, over what was held before it."""
    action()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _peak = tracemalloc.get_traced_memory()
        action()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / 1024


def run():
    ours, plain = pages.blocks_pair(BLOCKS)
    client = browse.reader()
    with browse.render_cache_off():
        mine = peak_kib(browse.get(client, ours.url))
        base = peak_kib(browse.get(client, plain.url))
    return [
        row(
            f"Peak memory, {BLOCKS:,} of our blocks vs {BLOCKS:,} rich-text blocks (MiB)",
            f"{mine / 1024:.1f}",
            f"{base / 1024:.1f}",
            mine / base,
            "—",
        )
    ]
