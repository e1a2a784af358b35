"""Import 100,000 generated result rows into PostgreSQL and print rows per second and
peak memory, beside a plain COPY of the same file in the same run. Targets (issue 27):
at least 50,000 new and 30,000 updated rows/s, under 200 MB.

    .venv/bin/python benchmarks/import_results.py [--rows 100000]

In one run, on the same file: (1) the floor: PostgreSQL's COPY of the file into a
staging table, then INSERT … SELECT (new rows) / UPDATE … FROM (changed values), with
no check, no history and no stored state; (2) the import as it runs on PostgreSQL for a
CSV file (its codes read first, the locks held, each part written while a thread checks
the next: plan/results/parts.py); (3) the path of an XLSX or JSON file (the whole file
staged with COPY, then written); (4) the import's batch path, the one SQLite takes, on
the same PostgreSQL. Each import: new rows, the same file again (unchanged), then
changed values (a correction of real figures, with the import's reason).

Uses DATABASE_URL when set (it must be PostgreSQL), otherwise starts a throwaway
cluster. Figures go to stdout and to benchmarks/results/import_results.txt."""

import argparse
import csv
import json
import os
import resource
import subprocess
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
    """The process's peak resident memory since the last reset_peak() (Linux: VmHWM)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for text in status.read_text().splitlines():
        if text.startswith("VmHWM:"):
            return int(text.split()[1]) / 1024
    return 0


def rss_mb():
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith("VmRSS:"):
            return int(text.split()[1]) / 1024
    return 0


def reset_peak():
    """Forget the peak so far (the set-up's: migrate, load_plan, the file), on Linux."""
    clear = Path("/proc/self/clear_refs")
    if clear.exists():
        clear.write_text("5")


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


def timed_import(path, reason=""):
    from plan.results.importer import import_file

    start = time.perf_counter()
    report = import_file(path, "csv", today=date(2026, 1, 1), reason=reason)
    elapsed = time.perf_counter() - start
    assert report.ok, [str(e) for e in report.errors[:5]]
    return report, elapsed


PLAIN_STAGING = "CREATE TEMPORARY TABLE plain_rows (ma_chi_tieu text, ky text, gia_tri text, nguon text, ngay text)"
PLAIN_INSERT = """INSERT INTO plan_result (indicator_id, period, period_end, scope, value, note, source_name,
    source_url, captured_on, is_demo, origin, updated_at)
SELECT i.id, s.ky, DATE '2024-12-31', '', replace(s.gia_tri, ',', '.')::numeric, '', s.nguon, '',
    to_date(s.ngay, 'DD/MM/YYYY'), false, 'import', now()
FROM plain_rows s JOIN plan_indicator i ON i.code = s.ma_chi_tieu"""
PLAIN_UPDATE = """UPDATE plan_result r SET value = replace(s.gia_tri, ',', '.')::numeric, updated_at = now()
FROM plain_rows s JOIN plan_indicator i ON i.code = s.ma_chi_tieu
WHERE r.indicator_id = i.id AND r.period = s.ky AND r.scope = ''"""


def plain_copy(path, statement):
    """The floor: COPY of the file into a staging table, then one statement, committed."""
    from django.db import connection, transaction

    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor, open(path, encoding="utf-8") as handle:
        cursor.execute(PLAIN_STAGING)
        cursor.copy_expert("COPY plain_rows FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)", handle)
        cursor.execute(statement)
        count = cursor.rowcount
        cursor.execute("DROP TABLE plain_rows")
    return count, time.perf_counter() - start


def forget_results():
    """Back to no result, between two ways of writing them (a DELETE: the ORM's would collect each row)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE plan_indicator SET latest_result_id = NULL, status = 'no_data'")
        cursor.execute("DELETE FROM plan_resulthistory")
        cursor.execute("DELETE FROM plan_result")
        cursor.execute("VACUUM ANALYZE plan_result")


def line(label, count, elapsed, detail=""):
    text = f"{label}: {count} dòng trong {elapsed:.2f} s = {count / elapsed:,.0f} dòng/giây{detail}"
    print(text, flush=True)
    return text


IMPORTS = (("mới (lần đầu)", None, ""), ("không đổi (nhập lại)", None, ""), ("cập nhật (giá trị khác)", 7, "Thử tải"))


def one_import(database_url, path, reason, variant):
    """In a process of its own (as the import worker): Django loaded, one import; its
    figures as JSON on stdout."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    import django

    django.setup()
    from plan.results import importer

    if variant == "batches":
        importer.stages_with_copy = lambda: False
    if variant == "copy":
        importer.CODES_FIRST = ()
    before = rss_mb()
    reset_peak()
    report, elapsed = timed_import(path, reason)
    counts = {name: getattr(report, name) for name in ("rows", "new", "updated", "unchanged")}
    print(json.dumps({**counts, "elapsed": elapsed, "before": before, "peak": peak_rss_mb()}))


def run_imports(database_url, path, codes, rows, lines, title, variant):
    lines.append(title)
    print(title, flush=True)
    for label, offset, reason in IMPORTS:
        write_rows(path, codes, rows, offset or 0)
        command = [sys.executable, __file__, "--one", str(path), "--reason", reason, "--database", database_url]
        done = subprocess.run(command + ["--variant", variant], check=True, capture_output=True, text=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        detail = (
            f" ({figures['new']} mới, {figures['updated']} cập nhật, {figures['unchanged']} không đổi); "
            f"bộ nhớ của tiến trình nhập: {figures['before']:.0f} MB khi Django đã nạp, "
            f"đỉnh {figures['peak']:.0f} MB trong lần nhập"
        )
        lines.append(line(f"  {label}", figures["rows"], figures["elapsed"], detail))


def run(database_url, rows):
    from django.db import connection

    load_before = os.getloadavg()[0]
    setup_django(database_url)
    codes = make_indicators(-(-rows // len(PERIODS_PER_YEAR)))  # 19 periods of 2024 per indicator
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        write_rows(path, codes, rows)
        size_mb = path.stat().st_size / 1e6
        forget_results()
        lines.append("1. COPY thuần (sàn: không kiểm tra, không lịch sử, không trạng thái)")
        print(lines[-1], flush=True)
        lines.append(line("  mới: COPY + INSERT … SELECT", *plain_copy(path, PLAIN_INSERT)))
        write_rows(path, codes, rows, 7)
        lines.append(line("  cập nhật: COPY + UPDATE … FROM", *plain_copy(path, PLAIN_UPDATE)))
        forget_results()
        title = "2. Nhập tệp CSV trên PostgreSQL (đọc mã trước, ghi từng phần trong khi kiểm tra phần sau)"
        run_imports(database_url, path, codes, rows, lines, title, "parts")
        forget_results()
        title = "3. Nhập tệp XLSX/JSON trên PostgreSQL (COPY cả tệp vào bảng tạm rồi mới ghi), cùng tệp"
        run_imports(database_url, path, codes, rows, lines, title, "copy")
        forget_results()
        title = "4. Nhập theo lô, cách SQLite nhập (plan/results/batches.py), trên cùng PostgreSQL"
        run_imports(database_url, path, codes, rows, lines, title, "batches")
    load = f"tải trung bình 1 phút lúc bắt đầu {load_before:.1f}, lúc kết thúc {os.getloadavg()[0]:.1f}"
    header = [
        f"benchmarks/import_results.py, {date.today().isoformat()}, PostgreSQL {connection.pg_version // 10000}, "
        f"tệp CSV {size_mb:.1f} MB, {rows} dòng",
        f"máy dùng chung: {os.cpu_count()} lõi, các tiến trình khác chạy cùng lúc ({load})",
        "mỗi lần nhập chạy trong một tiến trình riêng (như tiến trình nhập import_worker)",
    ]
    output = REPO / "benchmarks" / "results" / "import_results.txt"
    output.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"→ {output.relative_to(REPO)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a file to import in this process (one_import)
    parser.add_argument("--reason", default="", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--variant", default="parts", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_import(args.database, args.one, args.reason, args.variant)
        return
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
