"""How the benchmarks measure: medians of repeated runs, their spread, and query counts.

Two clocks: :data:`CPU` (the CPU time of this process) for what only reads, so that other
programs busy on the machine do not count, and :data:`WALL` (elapsed time) for what writes,
since waiting for the disk is part of what a write costs.
"""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

CPU = time.process_time
WALL = time.perf_counter


@dataclass(frozen=True)
class Timing:
    """The median of repeated runs in milliseconds, the spread around it, and queries per run."""

    median_ms: float
    spread_ms: float
    queries: int

    def ratio_to(self, baseline):
        return self.median_ms / baseline.median_ms if baseline.median_ms else float("inf")


def measure(action, repeat=25, warmup=3, clock=CPU):
    """Run ``action`` ``warmup`` times unmeasured, then ``repeat`` times."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = clock()
        action()
        samples.append((clock() - started) * 1000)
    return _timing(action, samples)


def measure_pair(ours, baseline, repeat=40, warmup=5, clock=CPU):
    """Measure two actions in alternation, so that drift on the machine hits both alike.

    Returns ``(ours, baseline)`` as :class:`Timing`.
    """
    for _ in range(warmup):
        ours(), baseline()
    samples = {ours: [], baseline: []}
    for index in range(repeat):
        order = (ours, baseline) if index % 2 == 0 else (baseline, ours)
        for action in order:
            started = clock()
            action()
            samples[action].append((clock() - started) * 1000)
    return tuple(_timing(action, samples[action]) for action in (ours, baseline))


def _timing(action, samples):
    with CaptureQueriesContext(connection) as queries:
        action()
    quartiles = statistics.quantiles(samples, n=4)
    return Timing(
        median_ms=statistics.median(samples),
        spread_ms=quartiles[2] - quartiles[0],
        queries=len(queries),
    )


def measure_once(action, clock=WALL):
    """One run of a slow action (seconds, not milliseconds), with its query count."""
    with CaptureQueriesContext(connection) as queries:
        started = clock()
        action()
        elapsed = clock() - started
    return Timing(median_ms=elapsed * 1000, spread_ms=0.0, queries=len(queries))
