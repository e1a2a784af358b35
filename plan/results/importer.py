"""Import results: every row is validated while the file streams past (only the
keys are kept, to catch duplicates); rows are written in batches inside one
transaction that is committed only if no row had an error. A dry run goes through
the same steps and is always rolled back, to preview what would be new, updated or
unchanged."""

from contextlib import nullcontext
from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from plan.models import Indicator, Result
from plan.progress import state
from plan.progress.periods import parse_period
from plan.results.bulk import insert_history, insert_results, update_results
from plan.results.limits import current_limits
from plan.results.locking import lock_database, process_lock
from plan.results.readers import read_rows
from plan.results.report import ImportReport, StoredChange, display
from plan.results.rows import OPTIONAL_FIELDS, IndicatorInfo, RowError, check_row, text
from plan.results.signals import results_changed
from plan.vocabulary import ResultOrigin

BATCH_SIZE = 2000
MAX_ERRORS_LISTED = 200
PREVIEW_ROWS = 50
MAX_CHANGES_LISTED = 1000
COMPARED_FIELDS = ("value", "note", "source_name", "source_url", "captured_on", "is_demo")


def known_indicators():
    """{code: IndicatorInfo}, each with the year of the plan that holds its area."""
    rows = Indicator.objects.values_list("code", "pk", "comparator", "unit", "level", "area__path")
    years = state.plan_years()
    return {
        code: IndicatorInfo(pk, comparator, unit, level, state.plan_year(path, years))
        for code, pk, comparator, unit, level, path in rows
    }


def keep_absent_columns(row, current):
    """The row with the stored value kept for each optional column the file lacks."""
    kept = {name: getattr(current, name) for column, name in OPTIONAL_FIELDS.items() if column not in row.present}
    return replace(row, **kept) if kept else row


def list_changes(report, row, current, changes):
    """Every stored value (not empty) that the row would change or clear."""
    for name in changes:
        old, new = display(getattr(current, name)), display(getattr(row, name))
        if old == "":
            continue
        report.change_count += 1
        if len(report.changes) < MAX_CHANGES_LISTED:
            report.changes.append(StoredChange(row.indicator_code, row.period, row.scope, name, old, new))


def add_error(report, error):
    report.error_count += 1
    if len(report.errors) < MAX_ERRORS_LISTED:
        report.errors.append(error)


def changed_fields(old, new, names=COMPARED_FIELDS):
    """{field: [old, new]} for the named fields that differ, as text for the history."""
    return {
        name: [str(getattr(old, name)), str(getattr(new, name))]
        for name in names
        if getattr(old, name) != getattr(new, name)
    }


def correction_error(row, current, reason):
    """A RowError when the row changes a published real figure and gives no reason."""
    if current.is_demo or row.value == current.value or reason:
        return None
    return RowError(
        row.number,
        "ly_do_sua",
        "",
        f"dòng này sửa số liệu thật đã công bố ({display(current.value)} → {display(row.value)}): "
        "hãy ghi lý do sửa ở cột ly_do_sua hoặc ở ô “Lý do sửa cho cả tệp” khi tải lên; lý do được công khai",
    )


def apply_batch(batch, report, user, origin, dry_run, reason=""):
    """Compare a batch with the stored results; write new and changed ones. A change
    of a real figure needs a reason: the row's, else the import's (`reason`)."""
    if not batch:
        return
    existing = {
        (r.indicator_id, r.period, r.scope): r
        for r in Result.objects.filter(
            indicator_id__in={row.indicator_pk for row in batch}, period__in={row.period for row in batch}
        )
    }
    now = timezone.now()
    user_id = user.pk if user else None
    inserts, updates, history = [], [], []
    for row in batch:
        current = existing.get(row.key)
        if current is None:
            report.new += 1
            kind, previous = "new", None
            inserts.append(
                (
                    row.indicator_pk,
                    row.period,
                    parse_period(row.period).end,
                    row.scope,
                    row.value,
                    row.note,
                    row.source_name,
                    row.source_url,
                    row.captured_on,
                    row.is_demo,
                    origin,
                    now,
                    user_id,
                )
            )
        else:
            row = keep_absent_columns(row, current)
            changes = changed_fields(current, row)
            if not changes:
                report.unchanged += 1
                continue
            error = correction_error(row, current, row.reason or reason)
            if error is not None:
                add_error(report, error)
                continue
            report.updated += 1
            list_changes(report, row, current, changes)
            kind, previous = "updated", current.value
            updates.append(
                (
                    current.pk,
                    row.value,
                    row.note,
                    row.source_name,
                    row.source_url,
                    row.captured_on,
                    row.is_demo,
                    origin,
                    now,
                    user_id,
                )
            )
            history.append(
                (
                    current.pk,
                    now,
                    user_id,
                    origin,
                    current.value,
                    row.value,
                    changes,
                    current.updated_by_id,
                    current.updated_at,
                    row.reason or reason,
                )
            )
        if len(report.preview) < PREVIEW_ROWS:
            report.preview.append((kind, row, previous))
    if dry_run or not report.ok:
        return
    insert_results(inserts)
    update_results(updates)
    insert_history(history)


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

    Rows are written in batches while no error has been seen; after the first
    error the rest of the file is still checked (so that the report lists every
    bad row) but nothing more is written, and the transaction is rolled back at
    the end: with one bad row, nothing lands. A dry run is rolled back too.
    `allowed_indicators` (a set of pks, or None for all) limits an agency's editor
    to the indicators of that agency. `reason`: why the file changes published real
    figures, for the rows that give none (a row without either is refused)."""
    codes = None if dry_run else codes_in(open_rows)
    with nullcontext() if dry_run else process_lock(codes):
        return run_import(
            open_rows, user, origin, dry_run, today or timezone.localdate(), progress, allowed_indicators, codes, reason
        )


def codes_in(open_rows):
    """The indicator codes the rows name: the set an import holds while it writes."""
    return {text(row.get("ma_chi_tieu")) for _, row in open_rows() if not isinstance(row, RowError)}


def run_import(open_rows, user, origin, dry_run, today, progress, allowed_indicators, codes, reason=""):
    limits = current_limits()
    report = ImportReport()
    seen, touched = {}, set()
    try:
        with transaction.atomic():
            if not dry_run:
                lock_database(codes)  # before reading what is stored: a second import of these indicators waits here
            indicators = known_indicators()
            batch = []
            for number, row in open_rows():
                report.rows += 1
                if isinstance(row, RowError):  # a line the reader could not split into the header's columns
                    add_error(report, row)
                    continue
                result_row, errors = check_row(number, row, indicators, today, limits)
                for error in errors:
                    add_error(report, error)
                if (
                    result_row is not None
                    and allowed_indicators is not None
                    and result_row.indicator_pk not in allowed_indicators
                ):
                    add_error(
                        report,
                        RowError(
                            number,
                            "ma_chi_tieu",
                            result_row.indicator_code,
                            "chỉ tiêu thuộc cơ quan khác: bạn không được nhập số liệu cho chỉ tiêu này",
                        ),
                    )
                    result_row = None
                if result_row is not None:
                    first = seen.setdefault(result_row.key, number)
                    if first != number:
                        add_error(
                            report,
                            RowError(number, "ky", result_row.period, f"trùng chỉ tiêu, kỳ và cấp với dòng {first}"),
                        )
                    elif report.ok:
                        batch.append(result_row)
                        touched.add(result_row.indicator_pk)
                if len(batch) == BATCH_SIZE:
                    apply_batch(batch, report, user, origin, dry_run, reason)
                    batch = []
                if progress:
                    progress(1)
            if report.rows == 0:
                add_error(report, RowError(0, "", "", "tệp không có dòng số liệu nào"))
            if report.ok:
                apply_batch(batch, report, user, origin, dry_run, reason)
            if dry_run or not report.ok:
                raise Rollback
            state.refresh_indicators(touched, today)  # in the same transaction as the figures
    except Rollback:
        pass
    if not report.ok:
        report.new = report.updated = report.unchanged = report.change_count = 0
        report.preview, report.changes = [], []
    report.written = report.ok and not dry_run
    if report.written:
        results_changed.send(sender=import_rows, indicator_pks=touched)
    return report


def import_file(path, file_format, **options):
    return import_rows(lambda: read_rows(path, file_format), **options)
