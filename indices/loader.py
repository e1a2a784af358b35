"""Load the index figures of a data file (indices/data/chi-so.csv, written from the
public facts in indices/data/source/) with the plan loader's rule: the admin is the
source of truth once the site runs. A figure missing from the site is created; one
that differs from the file is only reported, unless in update mode and nobody changed
it since it was loaded (plan/content/edits.py, the same LoadRecord), or it is forced.
A second run changes nothing. One transaction: a bad file changes nothing."""

import hashlib
from pathlib import Path

from django.db import transaction

from indices.models import IndexFigure
from indices.rows import check_row, lookup_of
from plan.content.changes import assign_changes, snapshot
from plan.content.edits import CREATE, EditGuard, LoadReport
from plan.results.readers import read_rows
from plan.results.rows import RowError

DATA_FILE = Path(__file__).resolve().parent / "data" / "chi-so.csv"
FIELDS = [field.name for field in IndexFigure._meta.concrete_fields if field.name not in ("id", "updated_at")]


class IndexDataError(ValueError):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def record_key(values):
    """The LoadRecord key of a figure (at most 160 characters)."""
    parts = [values["index"], str(values["year"]), values["unit"], values["measure_code"] or values["measure"]]
    key = "indexfigure:" + ":".join(parts)
    digest = hashlib.blake2b(values["source_url"].encode(), digest_size=6).hexdigest()
    return f"{key[:146]}:{digest}"


def checked_rows(path):
    rows, errors = [], []
    for number, row in read_rows(path, "csv"):
        if isinstance(row, RowError):
            errors.append(row)
            continue
        values, row_errors = check_row(number, row)
        errors += row_errors
        if values is not None:
            rows.append(values)
    if errors:
        raise IndexDataError(errors)
    return rows


def load_indices(path=DATA_FILE, report=None, mode=CREATE, force=()):
    rows = checked_rows(path)
    report = report or LoadReport()
    with transaction.atomic():
        guard = EditGuard(report, mode, force)
        stored = {figure_key(f): f for f in IndexFigure.objects.all()}
        for values in rows:
            sync_figure(values, stored.get(tuple(lookup_of(values).values())), guard)
    return report


def figure_key(figure):
    return tuple(getattr(figure, name) for name in ("index", "year", "unit", "measure_code", "measure", "source_url"))


def sync_figure(values, figure, guard):
    key = record_key(values)
    if figure is None:
        figure = IndexFigure(**values)
        figure.full_clean()
        figure.save()
        guard.created(key, snapshot(figure, FIELDS))
        return figure
    before = snapshot(figure, FIELDS)
    assign_changes(figure, values)
    if guard.may_write(key, before, snapshot(figure, FIELDS)):
        figure.full_clean()
        figure.save()
    return figure
