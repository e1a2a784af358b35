"""Import index figures from a file an editor uploads (CSV, XLSX or JSON with the
columns of indices/columns.py), with the rules of the results import: the file is read
by the bounded readers (plan/results/readers.py), every row is checked and any bad row
refuses the whole file, with a Vietnamese reason per row; a preview says what would be
created and what changed, field by field; the write is all-or-nothing, checked again
against what is stored then. A row that equals a stored figure changes nothing."""

from dataclasses import dataclass, field

from django.db import transaction

from indices.loader import FIELDS
from indices.models import IndexFigure
from indices.rows import check_row, key_of
from plan.content.changes import differences, snapshot
from plan.results.errors import ReadError
from plan.results.readers import read_rows
from plan.results.rows import RowError

MAX_ROWS = 5000  # a year's figures are a few hundred rows; the bound keeps the web request short


@dataclass
class Change:
    figure: object
    fields: dict  # {field: [stored, in the file]}
    values: dict  # the file's values


@dataclass
class Preview:
    new: list = field(default_factory=list)  # [values]
    changed: list = field(default_factory=list)  # [Change]
    unchanged: int = 0
    errors: list = field(default_factory=list)  # [RowError]

    @property
    def rows(self):
        return len(self.new) + len(self.changed) + self.unchanged

    @property
    def writes(self):
        return bool(self.new or self.changed)


class ImportRefused(Exception):
    def __init__(self, preview):
        self.preview = preview
        super().__init__("\n".join(str(error) for error in preview.errors))


def read_checked(path, file_format):
    """([values], [RowError]): every row of the file, checked."""
    rows, errors, seen = [], [], {}
    for number, row in read_rows(path, file_format):
        if number - 1 > MAX_ROWS:
            raise ReadError(f"Tệp có hơn {MAX_ROWS} dòng số liệu: hãy chia thành nhiều tệp.")
        if isinstance(row, RowError):
            errors.append(row)
            continue
        values, row_errors = check_row(number, {name: value for name, value in row.items() if name})
        errors += row_errors
        if values is None:
            continue
        key = key_of(values)
        if key in seen:
            reason = f"trùng số liệu với dòng {seen[key]} (cùng chỉ số, năm, đơn vị, thước đo và nguồn)"
            errors.append(RowError(number, "", "", reason))
            continue
        seen[key] = number
        rows.append(values)
    return rows, errors


def stored_figures():
    return {key_of({name: getattr(f, name) for name in FIELDS}): f for f in IndexFigure.objects.all()}


def preview(path, file_format):
    """What importing the file would do now; raises ReadError when it cannot be read."""
    rows, errors = read_checked(path, file_format)
    result = Preview(errors=errors)
    if errors:
        return result
    stored = stored_figures()
    for values in rows:
        figure = stored.get(key_of(values))
        if figure is None:
            result.new.append(values)
            continue
        before = snapshot(figure, FIELDS)
        after = snapshot(IndexFigure(**values), FIELDS)
        if before == after:
            result.unchanged += 1
        else:
            result.changed.append(Change(figure, differences(before, after), values))
    return result


def import_file(path, file_format):
    """Write the file's figures in one transaction; raises ImportRefused (nothing
    written) when a row is bad."""
    with transaction.atomic():
        result = preview(path, file_format)
        if result.errors:
            raise ImportRefused(result)
        for values in result.new:
            figure = IndexFigure(**values)
            figure.full_clean()
            figure.save()
        for change in result.changed:
            figure = change.figure
            for name, value in change.values.items():
                setattr(figure, name, value)
            figure.full_clean()
            figure.save()
    return result
