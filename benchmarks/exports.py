"""What the open-data files, the sitemap, the feeds and the admin's export cost as the data grows.

    .venv/bin/python benchmarks/exports.py [--scales 1,100] [--rounds 5]

Production settings on PostgreSQL (a throwaway cluster unless DATABASE_URL is set), the
2024 plan with its demo figures, grown as benchmarks/pages.py grows it. Each file is
requested through Django's test client with the page cache off (its first request is
what a cache miss costs): its queries, the median time of the rounds, its size, and the
memory Python allocated at the peak of one request (tracemalloc). Streamed files are read
to the end.

Target (issue 27): every file in at most 10 queries at 100×. Figures go to stdout and
benchmarks/results/exports.md."""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import pages  # noqa: E402  (the set-up and the growth of benchmarks/pages.py)

RESULTS = REPO / "benchmarks" / "results" / "exports.md"
FILES = {
    "chi-tieu.csv": "/du-lieu/chi-tieu.csv",
    "chi-tieu.json": "/du-lieu/chi-tieu.json",
    "ket-qua.csv": "/du-lieu/ket-qua.csv",
    "ket-qua.json": "/du-lieu/ket-qua.json",
    "chi-so.csv": "/du-lieu/chi-so.csv",
    "datapackage.json": "/du-lieu/datapackage.json",
    "sitemap.xml": "/sitemap.xml",
    "admin: việc cần cập nhật (csv)": "/admin/bao-cao/viec-can-cap-nhat/?export=csv",
    "admin: việc cần cập nhật (xlsx)": "/admin/bao-cao/viec-can-cap-nhat/?export=xlsx",
}
MAX_QUERIES = 10


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def one(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=pages.HOST)
        content = body(response)
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code}")
    return len(queries), len(content)


def measure(client, rounds):
    figures = {}
    for name, url in FILES.items():
        queries, size = one(client, url)
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            body(client.get(url, HTTP_HOST=pages.HOST))
            times.append((time.perf_counter() - started) * 1000)
        tracemalloc.start()
        body(client.get(url, HTTP_HOST=pages.HOST))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        figures[name] = (queries, statistics.median(times), size, peak)
    return figures


def report(rows, rounds):
    lines = [
        "# Exports: queries, time and memory as the data grows",
        "",
        "Production settings, PostgreSQL, the 2024 plan and its demo figures grown as in pages.py; "
        f"page cache off; median of {rounds} requests; peak = memory Python allocated during one request "
        "(tracemalloc).",
        "",
        "| file | scale | rows (tasks / indicators / results) | queries | ms | KB | peak MB |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    worst = 0
    for scale, counts, figures in rows:
        for name, (queries, ms, size, peak) in figures.items():
            worst = max(worst, queries)
            lines.append(
                f"| {name} | {scale}× | {counts[0]} / {counts[1]} / {counts[2]} | {queries} | {ms:.1f} | "
                f"{size / 1024:.0f} | {peak / 2**20:.1f} |"
            )
    lines += ["", f"Most queries of any file at any scale: {worst} (target ≤ {MAX_QUERIES}: "
              f"{pages.verdict(worst <= MAX_QUERIES)})."]  # fmt: skip
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--scales", default="1,100")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s]
    database_url = os.environ.get("DATABASE_URL")
    if database_url:
        cluster = nullcontext(database_url)
    else:
        from pgcluster import throwaway_cluster

        cluster = throwaway_cluster()
    started = time.monotonic()
    with cluster as url, tempfile.TemporaryDirectory() as folder:
        pages.setup_django(url, Path(folder) / "page-cache")
        try:
            from django.contrib.auth import get_user_model
            from django.test import Client, override_settings

            with pages.settings_for_benchmark(Path(folder)), override_settings(PAGE_CACHE_SECONDS=0):
                admin = get_user_model().objects.create_superuser("benchmark", password=None)
                client = Client()
                client.force_login(admin)
                rows = []
                for scale in scales:
                    counts = pages.multiply(scale)
                    rows.append((scale, counts, measure(client, args.rounds)))
                    print(f"{scale}×: {counts[0]} nhiệm vụ, {counts[1]} chỉ tiêu, {counts[2]} kết quả", flush=True)
                text = report(rows, args.rounds)
        finally:
            from django.db import connection

            connection.creation.destroy_test_db(connection.settings_dict["NAME"].removeprefix("test_"), verbosity=0)
    text += f"\nRun time: {time.monotonic() - started:.0f} s (`.venv/bin/python benchmarks/exports.py`).\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
