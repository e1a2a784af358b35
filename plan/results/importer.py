"""Import results: every row is validated while the file streams past, once (only
the keys are kept, to catch duplicates); valid rows go to a writer that compares them
with the stored results and writes new and changed ones, inside one transaction that
is committed only if no row had an error. PostgreSQL's writer stages the rows with
COPY (plan/results/staging.py), SQLite's compares them in batches
(plan/results/batches.py): the same outcome. On PostgreSQL, a CSV file's indicator
codes are read first (a tenth of the time its rows take to check): the import then
holds its locks from the start and writes each part of the file while a thread checks
the next (plan/results/parts.py). A dry run goes through the same steps
and is always rolled back, to preview what would be new, updated or unchanged."""

from contextlib import ExitStack

from django.db import connection, transaction
from django.utils import timezone

from plan.models import Indicator
from plan.progress import state
from plan.results.batches import COMPARED_FIELDS, BatchWriter, changed_fields
from plan.results.limits import current_limits
from plan.results.locking import lock_database, process_lock
from plan.results.parts import checked_parts
from plan.results.readers import read_column, read_rows
from plan.results.report import ImportReport
from plan.results.rows import IndicatorInfo, RowError, check_row, text
from plan.results.signals import results_changed
from plan.results.staging import StagingWriter, rendered
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
    codes_first=None,
):
    """Validate and (unless dry_run) write the rows that `open_rows()` yields, as
    (row number, {column: value}), in one pass and one transaction.

    Every row is checked, also after the first error (so that the report lists
    every bad row, the first MAX_ERRORS_LISTED by row number); with one bad row
    nothing is written: the transaction is rolled back. A dry run is rolled back too.
    `allowed_indicators` (a set of pks, or None for all) limits an agency's editor
    to the indicators of that agency. `reason`: why the file changes published real
    figures, for the rows that give none (a row without either is refused).
    `codes_first()`: every indicator code the rows name (as check_row reads them), for
    a file that can give them before its rows.
    On PostgreSQL the rows are read while COPY runs: `open_rows()` reads no database."""
    today = today or timezone.localdate()
    copy = stages_with_copy()
    # The locks come first where writing starts before the file is read to its end: SQLite's
    # batches (its one write lock holds every indicator anyway) and PostgreSQL's parts, when
    # the file gives its codes first. Otherwise they are taken once the rows are staged.
    held_codes = codes_first() if copy and not dry_run and codes_first else None
    locks_first = not dry_run and (not copy or held_codes is not None)
    report, touched = ImportReport(), set()
    try:
        with ExitStack() as held:  # the locks are released once the transaction has ended
            if locks_first:
                held.enter_context(process_lock(held_codes or ()))
            with transaction.atomic():
                if locks_first:
                    lock_database(held_codes or ())
                writer_class = StagingWriter if copy else BatchWriter
                writer = writer_class(report, user, origin, dry_run, reason, timezone.now())
                codes, known = set(), (current_limits(), known_indicators())  # read before the COPY starts

                def check(found):
                    return checked_rows(open_rows(), found, touched, codes, known, today, progress, allowed_indicators)

                if held_codes is not None:
                    with checked_parts(check, rendered) as parts:
                        written = writer.write_parts(parts)
                    if not codes <= held_codes:  # never: both read the file with the same reader
                        raise RuntimeError("Nhập kết quả: tệp có mã chỉ tiêu chưa được khóa trước khi ghi.")
                else:
                    writer.stage(check(report))
                if report.rows == 0:
                    report.add_error(RowError(0, "", "", "tệp không có dòng số liệu nào"))
                if held_codes is None:
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


def file_codes(path, file_format):
    """Every indicator code the file's rows name, as check_row reads them."""
    return {text(code) for code in read_column(path, file_format, "ma_chi_tieu")}


# The formats whose codes are read before their rows: a workbook or a JSON file takes
# longer to read than its rows take to check, and is read once.
CODES_FIRST = ("csv",)


def import_file(path, file_format, **options):
    codes_first = (lambda: file_codes(path, file_format)) if file_format in CODES_FIRST else None
    return import_rows(lambda: read_rows(path, file_format), codes_first=codes_first, **options)
