"""Run the benchmarks: ``make bench`` (or ``python -m bench.run``).

Every figure is a ratio against a baseline measured in the same run, on a SQLite database this
script builds from the example intranet's demo content. Prints a table and writes it as JSON to
``bench/results/latest.json`` for comparing runs. Timings are never asserted in tests.

``python -m bench.run scaling quizzes`` runs only the benchmarks named (the modules of
:data:`BENCHMARKS`) and writes no JSON.
"""

import json
import os
import platform
import shutil
import sys
import time
import warnings
from importlib import import_module
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
RESULTS = Path(__file__).resolve().parent / "results"

#: The benchmarks in the order they run. The report comes first: it counts every live template
#: and active office, and the others add some of each.
BENCHMARKS = [
    "report",
    "editions",
    "workshop",
    "scaling",
    "quizzes",
    "editor",
    "memory",
    "sanitising",
    "rollout",
]


def main(names=()):
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        print(f"No such benchmark: {', '.join(sorted(unknown))}. Choose from {BENCHMARKS}.")
        return 2
    try:
        return run(names)
    finally:
        from django.conf import settings
        from django.db import connections

        if settings.OWN_DATA_DIR:
            connections.close_all()
            shutil.rmtree(settings.DATA_DIR, ignore_errors=True)


def run(names):
    # A roll-out runs thousands of queries; counting them makes Django warn that it keeps
    # only the last 9,000 in its log, which is all the count needs.
    warnings.filterwarnings("ignore", message="Limit for query logging exceeded")
    django.setup()
    from django.core.management import call_command
    from wagtail import VERSION as WAGTAIL_VERSION

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rows = []
    for name in [name for name in BENCHMARKS if name in names] or BENCHMARKS:
        started = time.perf_counter()
        rows += import_module(f"bench.{name}").run()
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)

    width = max(len(row["name"]) for row in rows)
    print(f"{'Benchmark':<{width}} {'ours':>17} {'baseline':>17} {'ratio':>7}  goal")
    for row in rows:
        print(
            f"{row['name']:<{width}} {row['ours']:>17} {row['baseline']:>17} "
            f"{row['ratio']:>6.2f}x  {row['goal']}"
        )
    if names:
        return 0
    RESULTS.mkdir(exist_ok=True)
    report = {
        "python": platform.python_version(),
        "wagtail": ".".join(map(str, WAGTAIL_VERSION[:3])),
        "django": django.get_version(),
        "machine": platform.machine(),
        "results": rows,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print("\nWritten to bench/results/latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
