"""The year's province report at 100× the data (issue 24).

    .venv/bin/python benchmarks/year_report.py [--scale 100]

Builds a throwaway SQLite database in a temporary folder (migrate, the 2024 plan, its
demo figures and illustrative reports), multiplies the plan's tasks, indicators,
figures, progress reports and the agencies' year-report lines by `--scale` (copies
with new codes, written in bulk), then times the three steps of the year's report:
assembling it from the data (what is frozen at publication), the DOCX and the PDF.
Prints each step's time and the process's peak resident size before and after it, and
writes them to benchmarks/results/year_report.md."""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results" / "year_report.md"


def setup_django(folder):
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_plan", verbosity=0)
    call_command("load_demo_results", stdout=open(os.devnull, "w"))
    call_command("load_demo_reports", stdout=open(os.devnull, "w"))


def multiply(scale):
    """Copies of every task, indicator, figure, progress report and year-report line."""
    from plan.models import Indicator, Result, Task, TaskProgress
    from reports.models import AgencyReport, TaskLine

    tasks, indicators = list(Task.objects.all()), list(Indicator.objects.all())
    results, progress = list(Result.objects.all()), list(TaskProgress.objects.filter(task__isnull=False))
    lines = list(TaskLine.objects.filter(report__live=True, report__period__kind="year"))
    for copy in range(1, scale):
        new_tasks = []
        for task in tasks:
            clone = Task(**{f.attname: getattr(task, f.attname) for f in Task._meta.concrete_fields})
            clone.pk, clone.latest_report_id = None, None
            clone.code, clone.sort_order = f"{task.code}.{copy}", task.sort_order + 1000 * copy
            new_tasks.append(clone)
        Task.objects.bulk_create(new_tasks)
        task_map = {old.pk: new.pk for old, new in zip(tasks, new_tasks, strict=True)}
        new_indicators = []
        for indicator in indicators:
            clone = Indicator(**{f.attname: getattr(indicator, f.attname) for f in Indicator._meta.concrete_fields})
            clone.pk, clone.latest_result_id, clone.latest_revision_id, clone.live_revision_id = None, None, None, None
            clone.code = f"{indicator.code}.{copy}"[:20]
            new_indicators.append(clone)
        Indicator.objects.bulk_create(new_indicators)
        indicator_map = {old.pk: new.pk for old, new in zip(indicators, new_indicators, strict=True)}
        Result.objects.bulk_create(
            Result(**{**{f.attname: getattr(r, f.attname) for f in Result._meta.concrete_fields},
                      "id": None, "indicator_id": indicator_map[r.indicator_id]})
            for r in results
        )  # fmt: skip
        TaskProgress.objects.bulk_create(
            TaskProgress(**{**{f.attname: getattr(p, f.attname) for f in TaskProgress._meta.concrete_fields},
                            "id": None, "task_id": task_map[p.task_id]})
            for p in progress
        )  # fmt: skip
        TaskLine.objects.bulk_create(
            TaskLine(**{**{f.attname: getattr(line, f.attname) for f in TaskLine._meta.concrete_fields},
                        "id": None, "task_id": task_map[line.task_id]})
            for line in lines
        )  # fmt: skip
    return {
        "tasks": Task.objects.count(),
        "indicators": Indicator.objects.count(),
        "results": Result.objects.count(),
        "progress": TaskProgress.objects.count(),
        "lines": TaskLine.objects.count(),
        "agency reports": AgencyReport.objects.count(),
    }


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(label, work):
    """Time of one step, and the process's peak resident size before and after it
    (tracemalloc would slow the PDF's text layout several times over)."""
    before = peak_rss()
    started = time.perf_counter()
    value = work()
    seconds = time.perf_counter() - started
    return value, f"| {label} | {seconds:.2f} s | {before:.0f} → {peak_rss():.0f} MiB |"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100)
    scale = parser.parse_args().scale
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        from reports.assemble import assemble
        from reports.docx_file import build_docx
        from reports.heading import Heading, number_line, place_and_date, report_subject
        from reports.models import ReportingPeriod
        from reports.pdf_file import build_pdf
        from reports.tables import report_tables

        counts = multiply(scale)
        period = ReportingPeriod.objects.get(year=2024, kind="year")
        snapshot, assembled = measure("assemble (the data frozen at publication)", lambda: assemble(period))
        tables = report_tables(snapshot)
        heading = Heading("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", number_line(""), place_and_date("Hải Dương", None, 2024),
                          report_subject(period.name), demo=True)  # fmt: skip
        docx, docx_row = measure("DOCX", lambda: build_docx(heading, snapshot, tables))
        pdf, pdf_row = measure("PDF", lambda: build_pdf(heading, snapshot, tables))
    rss = peak_rss()
    lines = [
        f"# The year's province report at {scale}× the data",
        "",
        f"Command: `.venv/bin/python benchmarks/year_report.py --scale {scale}` (SQLite, one process).",
        "",
        "Data: " + ", ".join(f"{n} {what}" for what, n in counts.items()) + ".",
        f"Report: {len(snapshot['tasks'])} tasks, {len(snapshot['indicators'])} indicators; "
        f"DOCX {len(docx) / 2**20:.1f} MiB, PDF {len(pdf) / 2**20:.1f} MiB.",
        "",
        "| step | time | peak resident size of the process, before → after |",
        "| --- | --- | --- |",
        assembled,
        docx_row,
        pdf_row,
        "",
        f"Peak resident size of the whole process (setup included): {rss:.0f} MiB.",
    ]
    print("\n".join(lines))
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
