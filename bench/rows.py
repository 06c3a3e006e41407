"""Rows of the results table: a name, our figure, the baseline's, their ratio and the goal."""


def time_row(name, ours, baseline, goal):
    """Median milliseconds and their spread, for two :class:`~bench.measure.Timing`."""
    return {
        "name": f"{name} (median ms)",
        "ours": f"{ours.median_ms:.1f}±{ours.spread_ms:.1f}",
        "baseline": f"{baseline.median_ms:.1f}±{baseline.spread_ms:.1f}",
        "ratio": ours.ratio_to(baseline),
        "goal": goal,
    }


def queries_row(name, ours, baseline, goal):
    """Query counts, for two :class:`~bench.measure.Timing` or two whole numbers."""
    ours, baseline = _queries(ours), _queries(baseline)
    return {
        "name": f"{name} (queries)",
        "ours": str(ours),
        "baseline": str(baseline),
        "ratio": ours / baseline if baseline else float("inf"),
        "goal": goal,
    }


def row(name, ours, baseline, ratio, goal):
    """Any other figure, already written out."""
    return {"name": name, "ours": ours, "baseline": baseline, "ratio": ratio, "goal": goal}


def _queries(value):
    return value if isinstance(value, int) else value.queries
