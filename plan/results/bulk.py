"""Fast writes of many rows. Django's bulk_create and bulk_update spend most of an
import compiling SQL value by value; here rows go to the database as plain tuples
(psycopg2's execute_values on PostgreSQL, executemany elsewhere). PostgreSQL's
imports write through COPY and a staging table instead (plan/results/staging.py);
the stored state of the indicators they touch is written here (update_rows)."""

import json

from django.db import connection

from plan.models import Result, ResultHistory

RESULT_COLUMNS = (
    "indicator_id",
    "period",
    "period_end",
    "scope",
    "value",
    "note",
    "source_name",
    "source_url",
    "captured_on",
    "is_demo",
    "origin",
    "updated_at",
    "updated_by_id",
)
UPDATE_COLUMNS = (
    "value",
    "note",
    "source_name",
    "source_url",
    "captured_on",
    "is_demo",
    "origin",
    "updated_at",
    "updated_by_id",
)
HISTORY_COLUMNS = (
    "result_id",
    "changed_at",
    "changed_by_id",
    "origin",
    "previous_value",
    "new_value",
    "changes",
    "previous_entered_by_id",
    "previous_entered_at",
    "reason",
)


def table(model):
    """The model's table, quoted for the database."""
    return connection.ops.quote_name(model._meta.db_table)


def insert_rows(model, columns, rows, casts=None):
    """Insert tuples in `columns` order; `casts` maps a column to a PostgreSQL type."""
    if not rows:
        return
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values

            template = (
                "(" + ", ".join(f"%s::{(casts or {}).get(c)}" if (casts or {}).get(c) else "%s" for c in columns) + ")"
            )
            execute_values(
                cursor.cursor,
                f"INSERT INTO {table(model)} ({names}) VALUES %s",  # noqa: S608 (the import service's bulk writer: quoted model names, values as parameters)
                rows,
                template=template,
                page_size=1000,
            )
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table(model)} ({names}) VALUES ({placeholders})"  # noqa: S608 (bulk writer: quoted names, parameters)
            cursor.executemany(sql, rows)


def insert_results(rows):
    """rows: tuples in RESULT_COLUMNS order."""
    insert_rows(Result, RESULT_COLUMNS, rows)


def insert_history(rows):
    """rows: tuples in HISTORY_COLUMNS order, `changes` as a dict."""
    serialised = [row[:6] + (json.dumps(row[6], ensure_ascii=False),) + row[7:] for row in rows]
    insert_rows(ResultHistory, HISTORY_COLUMNS, serialised, casts={"changes": "jsonb"})


def update_results(rows):
    """rows: tuples (id, *UPDATE_COLUMNS values)."""
    update_rows(Result, UPDATE_COLUMNS, rows)


def update_rows(model, names, rows):
    """Set the fields `names` (their column names: `updated_by_id`) of many rows, each
    a tuple (pk, *values), in one statement per 1,000 rows; like QuerySet.update(), no
    signal is sent. Django's bulk_update builds a CASE of every row for every field:
    for the thousands of indicators an import refreshes, seconds of compiling."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    columns = [connection.ops.quote_name(field.column) for field in fields]
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values

            types = [field.db_type(connection) for field in fields]
            assignments = ", ".join(f"{c} = v.{c}::{kind}" for c, kind in zip(columns, types, strict=True))
            execute_values(
                cursor.cursor,
                f"UPDATE {table(model)} AS t SET {assignments} FROM (VALUES %s) AS v ({pk}, {', '.join(columns)}) "  # noqa: S608 (bulk writer: quoted model and field names, values as parameters)
                f"WHERE t.{pk} = v.{pk}",
                rows,
                page_size=1000,
            )
        else:
            assignments = ", ".join(f"{column} = %s" for column in columns)
            cursor.executemany(
                f"UPDATE {table(model)} SET {assignments} WHERE {pk} = %s",  # noqa: S608 (bulk writer: quoted names, parameters)
                [row[1:] + row[:1] for row in rows],
            )
