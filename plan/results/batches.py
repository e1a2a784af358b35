"""The import's path on SQLite: validated rows are compared with the stored results in
batches, in Python, and written with the bulk writer's plain tuples. PostgreSQL takes
plan/results/staging.py instead; both give the same results, history and report."""

from dataclasses import replace

from plan.models import Result
from plan.results.bulk import insert_history, insert_results, update_results
from plan.results.report import PREVIEW_ROWS, display
from plan.results.rows import OPTIONAL_FIELDS, RowError

BATCH_SIZE = 2000
COMPARED_FIELDS = ("value", "note", "source_name", "source_url", "captured_on", "is_demo")
STORED_FIELDS = ("pk", "indicator_id", "period", "scope", *COMPARED_FIELDS, "updated_by_id", "updated_at")


def keep_absent_columns(row, current):
    """The row with the stored value kept for each optional column the file lacks."""
    kept = {name: getattr(current, name) for column, name in OPTIONAL_FIELDS.items() if column not in row.present}
    return replace(row, **kept) if kept else row


def changed_fields(old, new, names=COMPARED_FIELDS):
    """{field: [old, new]} for the named fields that differ, as text for the history."""
    return {
        name: [str(getattr(old, name)), str(getattr(new, name))]
        for name in names
        if getattr(old, name) != getattr(new, name)
    }


def correction_refused(number, old, new):
    """The error of a row that changes a published real figure and gives no reason."""
    return RowError(
        number,
        "ly_do_sua",
        "",
        f"dòng này sửa số liệu thật đã công bố ({display(old)} → {display(new)}): "
        "hãy ghi lý do sửa ở cột ly_do_sua hoặc ở ô “Lý do sửa cho cả tệp” khi tải lên; lý do được công khai",
    )


class BatchWriter:
    """Collects rows; every BATCH_SIZE rows compares them with what is stored (one
    query) and, while the report has no error and this is no dry run, writes them.
    Same interface as staging.StagingWriter: stage(rows) once, then finish()."""

    def __init__(self, report, user, origin, dry_run, reason, now):
        self.report, self.origin, self.dry_run, self.reason, self.now = report, origin, dry_run, reason, now
        self.user_id = user.pk if user else None
        self.batch = []
        self.written = set()  # the indicators whose figures are new or changed

    def stage(self, rows):
        for row in rows:
            self.batch.append(row)
            if len(self.batch) == BATCH_SIZE:
                self.flush()

    def finish(self):
        """Returns the pks of the indicators with a new or changed figure."""
        self.flush()
        return self.written

    def flush(self):
        batch, self.batch = self.batch, []
        if batch:
            self.apply(batch)

    def apply(self, batch):
        report, now, user_id, origin = self.report, self.now, self.user_id, self.origin
        stored = Result.objects.filter(
            indicator_id__in={row.indicator_pk for row in batch}, period__in={row.period for row in batch}
        ).values_list(*STORED_FIELDS, named=True)
        existing = {(r.indicator_id, r.period, r.scope): r for r in stored}
        inserts, updates, history = [], [], []
        for row in batch:
            current = existing.get(row.key)
            if current is None:
                report.new += 1
                kind, previous = "new", None
                values = (row.value, row.note, row.source_name, row.source_url, row.captured_on, row.is_demo)
                inserts.append((row.indicator_pk, row.period, row.period_end, row.scope, *values, origin, now, user_id))
            else:
                row = keep_absent_columns(row, current)
                changes = changed_fields(current, row)
                if not changes:
                    report.unchanged += 1
                    continue
                reason = row.reason or self.reason
                if not (current.is_demo or row.value == current.value or reason):
                    report.add_error(correction_refused(row.number, current.value, row.value))
                    continue
                report.updated += 1
                old, new = ({name: getattr(item, name) for name in changes} for item in (current, row))
                report.add_changes(row.indicator_code, row.period, row.scope, changes, old, new)
                kind, previous = "updated", current.value
                values = (row.value, row.note, row.source_name, row.source_url, row.captured_on, row.is_demo)
                updates.append((current.pk, *values, origin, now, user_id))
                history.append(
                    (current.pk, now, user_id, origin, current.value, row.value, changes)
                    + (current.updated_by_id, current.updated_at, reason)
                )
            self.written.add(row.indicator_pk)
            if len(report.preview) < PREVIEW_ROWS:
                report.preview.append((kind, row, previous))
        if self.dry_run or not report.ok:
            return
        insert_results(inserts)
        update_results(updates)
        insert_history(history)
