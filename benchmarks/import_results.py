"""Import 100,000 generated result rows into PostgreSQL and print rows per second and
peak memory. Target: at least 10,000 rows/s, under 200 MB.

    .venv/bin/python benchmarks/import_results.py [--rows 100000]

Uses DATABASE_URL when set (it must be PostgreSQL), otherwise starts a throwaway
cluster. Figures go to stdout and to benchmarks/results/import_results.txt."""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

PERIODS_PER_YEAR = (
    ["{y}"]
    + [f"{{y}}-H{h}" for h in (1, 2)]
    + [f"{{y}}-Q{q}" for q in range(1, 5)]
    + [f"{{y}}-{m:02d}" for m in range(1, 13)]
)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # production keeps its cache in the database
    call_command("load_plan", verbosity=0)


def make_indicators(count):
    from plan.models import AreaPage, Indicator

    area = AreaPage.objects.get(number=3)
    existing = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create(
        Indicator(
            code=f"bench.{n}",
            area=area,
            bullet=1,
            sort_order=100 + n,
            original_wording="Chỉ tiêu thử tải.",
            statement="Chỉ tiêu thử tải.",
            metric="Thử tải",
            unit="%",
            comparator="at_least",
            target_value=80,
            live=True,
        )
        for n in range(count)
        if f"bench.{n}" not in existing
    )
    return [f"bench.{n}" for n in range(count)]


def write_rows(path, codes, rows, value_offset=0):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["ma_chi_tieu", "ky", "gia_tri", "nguon", "ngay_thu_thap"])
        written = 0
        for year in (2024,):  # the plan's year: a period outside it is refused
            for pattern in PERIODS_PER_YEAR:
                for code in codes:
                    if written == rows:
                        return
                    writer.writerow(
                        [
                            code,
                            pattern.format(y=year),
                            f"{(written + value_offset) % 100},5",
                            "Nguồn thử tải",
                            "15/01/2024",
                        ]
                    )
                    written += 1


def timed_import(path):
    from plan.results.importer import import_file

    start = time.perf_counter()
    report = import_file(path, "csv", today=date(2026, 1, 1))
    elapsed = time.perf_counter() - start
    assert report.ok, [str(e) for e in report.errors[:5]]
    return report, elapsed


def run(database_url, rows):
    setup_django(database_url)
    codes = make_indicators(-(-rows // len(PERIODS_PER_YEAR)))  # 19 periods of 2024 per indicator
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        write_rows(path, codes, rows)
        size_mb = path.stat().st_size / 1e6
        rss_before = peak_rss_mb()
        for label, offset in (("mới (lần đầu)", None), ("không đổi (nhập lại)", None), ("cập nhật (giá trị khác)", 7)):
            if offset is not None:
                write_rows(path, codes, rows, offset)
            report, elapsed = timed_import(path)
            lines.append(
                f"{label}: {report.rows} dòng trong {elapsed:.1f} s = {report.rows / elapsed:,.0f} dòng/giây "
                f"({report.new} mới, {report.updated} cập nhật, {report.unchanged} không đổi); "
                f"bộ nhớ đỉnh của tiến trình {peak_rss_mb():.0f} MB"
            )
            print(lines[-1], flush=True)
    header = [
        f"benchmarks/import_results.py, {date.today().isoformat()}, PostgreSQL, tệp CSV {size_mb:.1f} MB, {rows} dòng",
        f"bộ nhớ đỉnh trước khi nhập (Django đã nạp): {rss_before:.0f} MB",
    ]
    output = REPO / "benchmarks" / "results" / "import_results.txt"
    output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"→ {output.relative_to(REPO)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url:
        if not database_url.startswith("postgres"):
            raise SystemExit("DATABASE_URL phải là PostgreSQL.")
        run(database_url, args.rows)
        return
    from pgcluster import throwaway_cluster

    with throwaway_cluster() as url:
        run(url, args.rows)


if __name__ == "__main__":
    main()
