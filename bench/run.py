"""Run the benchmarks: ``make bench`` (or ``python -m bench.run``).

Every figure is a ratio against a baseline measured in the same run, on a SQLite database this
script builds from the example intranet's demo content. Prints a table and writes it as JSON to
``bench/results/latest.json`` for comparing runs. Timings are never asserted in tests.
"""

import json
import os
import platform
import sys
import warnings
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
RESULTS = Path(__file__).resolve().parent / "results"


def main():
    # A roll-out runs thousands of queries; counting them makes Django warn that it keeps
    # only the last 9,000 in its log, which is all the count needs.
    warnings.filterwarnings("ignore", message="Limit for query logging exceeded")
    django.setup()
    from django.core.management import call_command
    from wagtail import VERSION as WAGTAIL_VERSION

    from bench import editions, rollout

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rows = [*editions.run(), *rollout.run()]

    print(f"{'Benchmark':<52} {'ours':>10} {'baseline':>10} {'ratio':>7} {'goal':>8}")
    for row in rows:
        print(
            f"{row['name']:<52} {row['ours']:>10} {row['baseline']:>10} "
            f"{row['ratio']:>6.2f}x {row['goal']:>8}"
        )
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
    sys.exit(main())
