"""Import results: every row is validated while the file streams past, once (only
the keys are kept, to catch duplicates); valid rows go to a writer that compares them
with the stored results and writes new and changed ones, inside one transaction that
is committed only if no row had an error. PostgreSQL's writer stages the rows with
COPY (plan/results/staging.py), SQLite's compares them in batches
(plan/results/batches.py): the same outcome. A dry run goes through the same steps
and is always rolled back, to preview what would be new, updated or unchanged."""

from contextlib import ExitStack

from django.db import connection, transaction
from django.utils import timezone

from plan.models import Indicator
from plan.progress import state
from plan.results.batches import COMPARED_FIELDS, BatchWriter, changed_fields
from plan.results.limits import current_limits
from plan.results.locking import lock_database, process_lock
from plan.results.readers import read_rows
from plan.results.report import ImportReport
from plan.results.rows import IndicatorInfo, RowError, check_row
from plan.results.signals import results_changed
from plan.results.staging import StagingWriter
from plan.vocabulary import ResultOrigin

__all__ = ["COMPARED_FIELDS", "changed_fields", "import_file", "import_rows", "known_indicators"]


def known_indicators():
    """{code: IndicatorInfo}, each with the year of the plan that holds its area."""
    rows = Indicator.objects.values_list("code", "pk", "comparator", "unit", "level", "area__path")
    years = state.plan_years()
    return {
        code: IndicatorInfo(pk, comparator, unit, level, state.plan_year(path, years))
        for code, pk, comparator, unit, level, path in rows
    }


def stages_with_copy():
    """PostgreSQL stages the rows with COPY; other databases compare them in batches."""
    return connection.vendor == "postgresql"


class Rollback(Exception):
    """Raised inside the transaction to undo a dry run or a file with errors."""


def import_rows(
    open_rows,
    *,
    user=None,
    origin=ResultOrigin.IMPORT,
    dry_run=False,
    today=None,
    progress=None,
    allowed_indicators=None,
    reason="",
):
    """Validate and (unless dry_run) write the rows that `open_rows()` yields, as
    (row number, {column: value}), in one pass and one transaction.

    Every row is checked, also after the first error (so that the report lists
    every bad row, the first MAX_ERRORS_LISTED by row number); with one bad row
    nothing is written: the transaction is rolled back. A dry run is rolled back too.
    `allowed_indicators` (a set of pks, or None for all) limits an agency's editor
    to the indicators of that agency. `reason`: why the file changes published real
    figures, for the rows that give none (a row without either is refused).
    On PostgreSQL the rows are read while COPY runs: `open_rows()` reads no database."""
    today = today or timezone.localdate()
    copy = stages_with_copy()
    report, touched = ImportReport(), set()
    try:
        with ExitStack() as held:  # the locks are released once the transaction has ended
            if not dry_run and not copy:
                # The batches write as the file streams past: the locks come first. This path
                # runs on SQLite, whose one write lock holds every indicator anyway.
                held.enter_context(process_lock(()))
            with transaction.atomic():
                if not dry_run and not copy:
                    lock_database(())
                writer_class = StagingWriter if copy else BatchWriter
                writer = writer_class(report, user, origin, dry_run, reason, timezone.now())
                codes, known = set(), (current_limits(), known_indicators())  # read before the COPY starts
                writer.stage(
                    checked_rows(open_rows(), report, touched, codes, known, today, progress, allowed_indicators)
                )
                if report.rows == 0:
                    report.add_error(RowError(0, "", "", "tệp không có dòng số liệu nào"))
                if copy and not dry_run and report.ok:
                    # Before reading what is stored: a second import of these indicators waits here.
                    held.enter_context(process_lock(codes))
                    lock_database(codes)
                written = writer.finish()
                if dry_run or not report.ok:
                    raise Rollback
                # In the same transaction as the figures; an indicator whose figures the
                # file leaves as they are keeps its state (the daily refresh follows the date).
                state.refresh_indicators(written, today)
    except Rollback:
        pass
    if not report.ok:
        report.new = report.updated = report.unchanged = report.change_count = 0
        report.preview, report.changes = [], []
    report.written = report.ok and not dry_run
    if report.written:
        results_changed.send(sender=import_rows, indicator_pks=touched)
    return report


def checked_rows(rows, report, touched, codes, known, today, progress, allowed_indicators):
    """Check each row and yield the valid ones (also after an error: a correction without
    a reason is found by the writer, and listed). Adds each valid row's indicator to
    `touched` (its pk) and `codes` (its code). `known`: (limits, known_indicators())."""
    limits, indicators = known
    seen = {}
    add_error = report.add_error
    count = 0
    try:
        for number, row in rows:
            count += 1
            if progress:
                progress(1)
            if isinstance(row, RowError):  # a line the reader could not split into the header's columns
                add_error(row)
                continue
            result_row, errors = check_row(number, row, indicators, today, limits)
            if result_row is None:
                for error in errors:
                    add_error(error)
                continue
            pk = result_row.indicator_pk
            if allowed_indicators is not None and pk not in allowed_indicators:
                reason = "chỉ tiêu thuộc cơ quan khác: bạn không được nhập số liệu cho chỉ tiêu này"
                add_error(RowError(number, "ma_chi_tieu", result_row.indicator_code, reason))
                continue
            first = seen.setdefault((pk, result_row.period, result_row.scope), number)
            if first != number:
                reason = f"trùng chỉ tiêu, kỳ và cấp với dòng {first}"
                add_error(RowError(number, "ky", result_row.period, reason))
                continue
            if pk not in touched:
                touched.add(pk)
                codes.add(result_row.indicator_code)
            yield result_row
    finally:
        report.rows += count


def import_file(path, file_format, **options):
    return import_rows(lambda: read_rows(path, file_format), **options)
