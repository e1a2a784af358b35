"""The import's path on PostgreSQL: validated rows go with COPY into a temporary
staging table of the import's transaction, the server storing each part of the file
while the next is checked (RowStream; write_parts for a CSV file whose locks are held
before its rows are read: plan/results/parts.py); one statement compares them with
the stored results, and INSERT … SELECT / UPDATE … FROM write the new and changed ones
with their history (docs/architecture.md, "Imports": why, and what it costs).

SQL written by hand, as in plan/results/bulk.py: fixed table and column names, every
value a parameter or COPY data. The outcome is the SQLite path's (batches.py): same
rows, history and report; tests/plan/test_import_paths.py runs the three on the same files."""

import csv
import io
from itertools import islice
from typing import NamedTuple

from django.db import connection

from plan.models import Result, ResultHistory
from plan.results.batches import COMPARED_FIELDS, correction_refused
from plan.results.bulk import table
from plan.results.report import MAX_CHANGES_LISTED, MAX_ERRORS_LISTED, PREVIEW_ROWS, PreviewRow

ROWS_PER_READ = 1000  # rows rendered for each read() of COPY (about 60 kB)
STAGED = (
    ("number", "integer"),
    ("indicator_id", "bigint"),
    ("code", "text"),
    ("period", "text"),
    ("period_end", "date"),
    ("scope", "text"),
    ("value", "numeric(14, 4)"),
    ("note", "text"),
    ("source_name", "text"),
    ("source_url", "text"),
    ("captured_on", "date"),
    ("is_demo", "boolean"),
    ("has_note", "boolean"),  # the file has the optional column: else the stored value is kept
    ("has_url", "boolean"),
    ("has_demo", "boolean"),
    ("reason", "text"),
)
TEXT_COLUMNS = ", ".join(name for name, kind in STAGED if kind == "text")
COPY = f"COPY import_staging FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL ({TEXT_COLUMNS}))"
# For each staged row: the stored result it matches (if any), its values once the
# absent columns are kept, and what the import does with it. The match is looked up in the
# unique index (LATERAL … LIMIT 1): else the planner hashes all the results for each part.
PLAN = """
CREATE TEMPORARY TABLE import_plan ON COMMIT DROP AS
SELECT m.*, CASE
    WHEN m.result_id IS NULL THEN 'new'
    WHEN m.value = m.old_value AND m.note = m.old_note AND m.source_name = m.old_source_name
        AND m.source_url = m.old_source_url AND m.captured_on = m.old_captured_on AND m.is_demo = m.old_is_demo
        THEN 'unchanged'
    WHEN NOT m.old_is_demo AND m.value <> m.old_value AND m.reason = '' THEN 'refused'
    ELSE 'updated' END AS kind
FROM (
    SELECT s.number, s.indicator_id, s.code, s.period, s.period_end, s.scope, s.value, s.source_name,
        s.captured_on, r.id AS result_id,
        CASE WHEN s.has_note OR r.id IS NULL THEN s.note ELSE r.note END AS note,
        CASE WHEN s.has_url OR r.id IS NULL THEN s.source_url ELSE r.source_url END AS source_url,
        CASE WHEN s.has_demo OR r.id IS NULL THEN s.is_demo ELSE r.is_demo END AS is_demo,
        COALESCE(NULLIF(s.reason, ''), %(reason)s) AS reason,
        r.value AS old_value, r.note AS old_note, r.source_name AS old_source_name,
        r.source_url AS old_source_url, r.captured_on AS old_captured_on, r.is_demo AS old_is_demo,
        r.updated_by_id AS old_by, r.updated_at AS old_at
    FROM import_staging s
    LEFT JOIN LATERAL (
        SELECT * FROM {result} r WHERE r.indicator_id = s.indicator_id AND r.period = s.period AND r.scope = s.scope
        LIMIT 1
    ) r ON true
) m
"""
# What each compared field's history records: str() of the Python value, as the SQLite path writes it.
AS_TEXT = {"captured_on": "to_char({}, 'YYYY-MM-DD')", "is_demo": "CASE WHEN {} THEN 'True' ELSE 'False' END"}
# One object per changed field, joined with ||: a third of the time of one jsonb_build_object
# of every field with its NULLs stripped (the same value: jsonb orders its keys itself).
CHANGES = " || ".join(
    f"CASE WHEN {name} <> old_{name} THEN jsonb_build_object('{name}', jsonb_build_array("
    + ", ".join(AS_TEXT.get(name, "{}::text").format(column) for column in (f"old_{name}", name))
    + ")) ELSE '{{}}' END"  # {{}}: execute() formats the statement
    for name in COMPARED_FIELDS
)
# A changed field whose stored value is not empty: one line of the report's changes.
TEXT_FIELDS = ("note", "source_name", "source_url")
LISTED = " + ".join(
    f"({name} <> old_{name}" + (f" AND old_{name} <> ''" if name in TEXT_FIELDS else "") + ")::int"
    for name in COMPARED_FIELDS
)


class Kind(NamedTuple):  # the staged rows of one kind: new, updated, unchanged or refused
    rows: int
    listed: int  # their changed fields that the report lists (LISTED)
    indicators: list  # their indicators' pks


NONE = Kind(0, 0, [])


def execute(cursor, sql, params=None):
    cursor.execute(sql.format(result=table(Result), history=table(ResultHistory)), params)


class RowStream:
    """The file COPY reads: each read() renders the next rows as CSV, so that the
    server stores a part of the file while the next part is being checked. An error
    raised while the rows are read (a file past its limits, the worker's deadline) is
    kept, the COPY ends, and stage() raises it (psycopg2 would replace it with its own)."""

    def __init__(self, rows):
        self.rows = rows
        self.buffer = io.StringIO()
        self.csv = csv.writer(self.buffer, lineterminator="\n")
        self.error = None

    def read(self, size=-1):
        try:
            self.csv.writerows(islice(self.rows, ROWS_PER_READ))
        except Exception as error:
            self.error = error
            return ""
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text


def rendered(rows):
    """The rows as COPY reads them: CSV of STAGED's columns."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(staged(rows))
    return buffer.getvalue()


def staged(rows):
    """Each valid row as the tuple of STAGED's columns."""
    for row in rows:
        present = row.present
        yield (
            row.number, row.indicator_pk, row.indicator_code, row.period, row.period_end, row.scope,
            row.value, row.note, row.source_name, row.source_url, row.captured_on, row.is_demo,
            "ghi_chu" in present, "duong_dan_nguon" in present, "du_lieu_minh_hoa" in present, row.reason,
        )  # fmt: skip


class StagingWriter:
    """Same interface as batches.BatchWriter: stage(rows) once, then finish()."""

    def __init__(self, report, user, origin, dry_run, reason, now):
        self.report, self.origin, self.dry_run, self.reason, self.now = report, origin, dry_run, reason, now
        self.user_id = user.pk if user else None
        self.change_total = 0
        columns = ", ".join(f"{name} {kind} NOT NULL" for name, kind in STAGED)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMPORARY TABLE import_staging ({columns}) ON COMMIT DROP")

    def stage(self, rows):
        """One COPY of the valid rows, while the file is read and checked."""
        stream = RowStream(staged(rows))
        try:
            with connection.cursor() as cursor:
                cursor.copy_expert(COPY, stream, size=1 << 16)
        finally:
            if stream.error is not None:
                raise stream.error

    def finish(self):
        """Compare with the stored results (refused corrections go to the report) and,
        while the report has no error and this is no dry run, write. Returns the pks of
        the indicators with a new or changed figure."""
        written = self.compare_and_write()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE import_staging")
        return written

    def write_parts(self, parts):
        """For an import that holds its locks before reading (importer.import_rows): each
        part of the file (plan.results.parts) staged, compared and, while the report has
        no error, written while the next part is checked. The links of what is written are
        checked as each statement ends (SET CONSTRAINTS … IMMEDIATE), in that overlapped
        time, rather than all at the commit. Returns what finish() does."""
        report, written = self.report, set()
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for part in parts:
                for error in part.errors:
                    report.add_error(error)
                report.error_count += part.unlisted
                report.rows += part.read or 0
                if part.valid:  # one read() of the text: psycopg2 takes Python's lock for each
                    cursor.copy_expert(COPY, io.StringIO(part.text), size=len(part.text) + 1)
                    written |= self.compare_and_write()
                    cursor.execute("TRUNCATE import_staging")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's own: every link checked at the commit
            cursor.execute("DROP TABLE import_staging")
        return written

    def compare_and_write(self):
        """What finish() does with the rows staged so far; they stay staged."""
        report = self.report
        with connection.cursor() as cursor:
            execute(cursor, PLAN, {"reason": self.reason})
            cursor.execute(
                f"SELECT kind, count(*), sum({LISTED}), array_agg(DISTINCT indicator_id) FROM import_plan GROUP BY kind"  # noqa: S608 (fixed column names)
            )
            kinds = {kind: Kind(*figures) for kind, *figures in cursor.fetchall()}
            new, updated = kinds.get("new", NONE), kinds.get("updated", NONE)
            report.new += new.rows
            report.updated += updated.rows
            report.unchanged += kinds.get("unchanged", NONE).rows
            self.list_refused(cursor, kinds.get("refused", NONE).rows)
            self.list_preview(cursor)
            self.list_changes(cursor, updated.listed)
            written = set()
            if not self.dry_run and report.ok:
                self.write(cursor, new=new.rows, updated=updated.rows)
                written = {*new.indicators, *updated.indicators}
            cursor.execute("DROP TABLE import_plan")
        return written

    def list_refused(self, cursor, count):
        if not count:
            return
        cursor.execute(
            "SELECT number, old_value, value FROM import_plan WHERE kind = 'refused' ORDER BY number LIMIT %s",
            [MAX_ERRORS_LISTED],
        )
        for number, old, new in cursor.fetchall():
            self.report.add_error(correction_refused(number, old, new))
        self.report.error_count += count - min(count, MAX_ERRORS_LISTED)

    def list_preview(self, cursor):
        wanted = PREVIEW_ROWS - len(self.report.preview)  # the file's first: a part after others adds fewer
        if wanted <= 0:
            return
        cursor.execute(
            "SELECT kind, code, period, scope, value, is_demo, source_name, old_value FROM import_plan "
            "WHERE kind IN ('new', 'updated') ORDER BY number LIMIT %s",
            [wanted],
        )
        for kind, *values, previous in cursor.fetchall():
            self.report.preview.append((kind, PreviewRow(*values), previous))

    def list_changes(self, cursor, total):
        """The first MAX_CHANGES_LISTED stored values changed or cleared; `total`: all of
        them in the rows staged (a part of the file: added to the parts before)."""
        if not total:
            return
        self.change_total += total
        report = self.report
        if len(report.changes) < MAX_CHANGES_LISTED:
            fields = ", ".join(f"{name}, old_{name}" for name in COMPARED_FIELDS)
            cursor.execute(
                f"SELECT code, period, scope, {fields} FROM import_plan "  # noqa: S608 (fixed column names)
                f"WHERE kind = 'updated' AND {LISTED} > 0 ORDER BY number LIMIT %s",
                [MAX_CHANGES_LISTED],
            )
            for code, period, scope, *values in cursor.fetchall():
                new = dict(zip(COMPARED_FIELDS, values[::2], strict=True))
                old = dict(zip(COMPARED_FIELDS, values[1::2], strict=True))
                changed = [name for name in COMPARED_FIELDS if new[name] != old[name]]
                report.add_changes(code, period, scope, changed, old, new)
        report.change_count = self.change_total  # the rows above are the first; this counts them all

    def write(self, cursor, new, updated):
        """Write the `new` and `updated` rows of import_plan (how many of each: a statement
        with none to write is not sent)."""
        values = {"now": self.now, "user": self.user_id, "origin": self.origin}
        if updated:
            self.write_updated(cursor, values)
        if new:
            execute(
                cursor,
                "INSERT INTO {result} (indicator_id, period, period_end, scope, value, note, source_name, "
                "source_url, captured_on, is_demo, origin, updated_at, updated_by_id) "
                "SELECT indicator_id, period, period_end, scope, value, note, source_name, source_url, captured_on, "
                "is_demo, %(origin)s, %(now)s, %(user)s FROM import_plan WHERE kind = 'new' ORDER BY number",
                values,
            )

    def write_updated(self, cursor, values):
        """The changed rows, each with its history."""
        execute(
            cursor,
            "INSERT INTO {history} (result_id, changed_at, changed_by_id, origin, previous_value, new_value, "  # noqa: S608 (fixed names; the changes' expression is built from COMPARED_FIELDS)
            "changes, previous_entered_by_id, previous_entered_at, reason) "
            "SELECT result_id, %(now)s, %(user)s, %(origin)s, old_value, value, "
            + CHANGES
            + ", old_by, old_at, reason FROM import_plan WHERE kind = 'updated' ORDER BY number",
            values,
        )
        execute(
            cursor,
            "UPDATE {result} AS r SET value = p.value, note = p.note, source_name = p.source_name, "
            "source_url = p.source_url, captured_on = p.captured_on, is_demo = p.is_demo, origin = %(origin)s, "
            "updated_at = %(now)s, updated_by_id = %(user)s FROM import_plan AS p "
            "WHERE p.kind = 'updated' AND r.id = p.result_id",
            values,
        )
