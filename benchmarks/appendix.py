"""The appendix page at 1× and 100× the plan's tasks, uncached, with at most 50 tasks an
area (as it was) and at most TASKS_PER_AREA (as it is), interleaved in one process.

    .venv/bin/python benchmarks/appendix.py [--rounds 7] [--scales 1,100]

The set-up of benchmarks/pages.py (production settings, PostgreSQL, the 2024 plan and
its demo figures, Django's test client); the bare page is the control. Target (issue
27): at 100× the appendix within 3× its time at 1×. Figures go to stdout and
benchmarks/results/appendix.md."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from pages import BARE, PAGES, get, make_bare_page, multiply, settings_for_benchmark, setup_django  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "appendix.md"
BEFORE = 50


def measure(client, rounds):
    """{cap: median ms of the appendix} and the bare page's median, interleaved."""
    from django.test import override_settings

    from plan.public.presenters import appendix

    caps = (BEFORE, appendix.TASKS_PER_AREA)
    times = {cap: [] for cap in caps} | {"bare": []}
    with override_settings(PAGE_CACHE_SECONDS=0):
        for _ in range(rounds):
            times["bare"] += [get(client, BARE)[0] for _ in range(3)]
            for cap in caps:
                appendix.TASKS_PER_AREA = cap
                times[cap] += [get(client, PAGES["appendix"])[0] for _ in range(3)]
        appendix.TASKS_PER_AREA = caps[1]
        rows = len(get(client, PAGES["appendix"])[1].content.split(b'<th scope="row" data-label="STT">'))
    return {name: statistics.median(values) for name, values in times.items()}, rows - 1


def report(figures, scales, rounds):
    from plan.public.presenters.appendix import TASKS_PER_AREA

    first, last = scales[0], scales[-1]
    lines = [
        "# The appendix page as the data grows",
        "",
        f"Uncached, production settings, PostgreSQL, Django's test client in one process; medians of {rounds} "
        "interleaved rounds of 3 requests; milliseconds. Machine: "
        f"{os.cpu_count()} cores, shared. `.venv/bin/python benchmarks/appendix.py`.",
        "",
        f"| scale | bare ms | at most {BEFORE} tasks an area (before) | at most {TASKS_PER_AREA} (now) "
        "| rows shown now |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for scale in scales:
        medians, rows = figures[scale]
        lines.append(
            f"| {scale}× | {medians['bare']:.1f} | {medians[BEFORE]:.1f} | {medians[TASKS_PER_AREA]:.1f} | {rows} |"
        )
    growth = {cap: figures[last][0][cap] / figures[first][0][cap] for cap in (BEFORE, TASKS_PER_AREA, "bare")}
    verdict = "met" if growth[TASKS_PER_AREA] <= 3 else "NOT met"
    lines += [
        "",
        f"From {first}× to {last}×: bare {growth['bare']:.2f}× (the control); at most {BEFORE} tasks an area "
        f"{growth[BEFORE]:.2f}×; at most {TASKS_PER_AREA} {growth[TASKS_PER_AREA]:.2f}× (target ≤ 3×: {verdict}).",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--scales", default="1,100")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    database_url = os.environ.get("DATABASE_URL")
    if database_url:
        cluster = nullcontext(database_url)
    else:
        from pgcluster import throwaway_cluster

        cluster = throwaway_cluster()
    started = time.monotonic()
    with cluster as url, tempfile.TemporaryDirectory() as folder:
        setup_django(url, Path(folder) / "page-cache")
        try:
            with settings_for_benchmark(Path(folder)):
                from django.test import Client

                make_bare_page(Path(folder))
                client = Client()
                figures = {}
                for scale in scales:
                    multiply(scale)
                    figures[scale] = measure(client, args.rounds)
                    print(f"{scale}×: {figures[scale]}", flush=True)
        finally:
            from django.db import connection

            connection.creation.destroy_test_db(connection.settings_dict["NAME"].removeprefix("test_"), verbosity=0)
    text = report(figures, scales, args.rounds)
    text += f"\nRun time: {time.monotonic() - started:.0f} s.\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
