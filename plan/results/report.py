"""What an import found: counts, the first rows, the stored values it would change or
clear, and the errors; kept with an uploaded batch as JSON between the worker's check
and the screens that show it."""

from bisect import insort
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from plan.progress.targets import format_number
from plan.results.rows import RowError

FIELD_LABELS = {
    "value": "giá trị",
    "note": "ghi chú",
    "source_name": "tên nguồn",
    "source_url": "địa chỉ nguồn",
    "captured_on": "ngày thu thập",
    "is_demo": "dữ liệu minh họa",
}
MAX_ERRORS_LISTED = 200
PREVIEW_ROWS = 50
MAX_CHANGES_LISTED = 1000
COUNTS = ("rows", "new", "updated", "unchanged", "error_count", "change_count")
PREVIEW_FIELDS = ("indicator_code", "period", "scope", "is_demo", "source_name")


@dataclass(frozen=True)
class StoredChange:
    """A stored value the file would change or clear (listed in the preview)."""

    indicator_code: str
    period: str
    scope: str
    field: str
    old: str
    new: str

    @property
    def label(self):
        return FIELD_LABELS[self.field]

    @property
    def clears(self):
        return self.new == ""


@dataclass(frozen=True)
class PreviewRow:
    """The part of a ResultRow a preview shows."""

    indicator_code: str
    period: str
    scope: str
    value: Decimal
    is_demo: bool
    source_name: str


def display(value):
    """A stored or new value as the preview shows it: numbers in the public pages'
    Vietnamese form (77,2; 1.250), never "77.2000"; dates as 15/04/2024."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (Decimal, int, float)):
        return format_number(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


@dataclass
class ImportReport:
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    error_count: int = 0
    preview: list = field(default_factory=list)  # [(kind, ResultRow or PreviewRow, previous value or None)]
    changes: list = field(default_factory=list)  # [StoredChange], stored values changed or cleared
    change_count: int = 0
    written: bool = False

    @property
    def ok(self):
        return self.error_count == 0

    def add_error(self, error):
        """Count the error; list the first MAX_ERRORS_LISTED by row number (a correction
        is found after the rows that follow it have been read)."""
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS_LISTED or error.row < self.errors[-1].row:
            insort(self.errors, error, key=lambda listed: listed.row)
            del self.errors[MAX_ERRORS_LISTED:]

    def add_changes(self, code, period, scope, names, old, new):
        """Every stored value (not empty) that a row changes or clears: `old` and `new`
        map each changed field in `names` to its value."""
        for name in names:
            before = display(old[name])
            if before == "":
                continue
            self.change_count += 1
            if len(self.changes) < MAX_CHANGES_LISTED:
                self.changes.append(StoredChange(code, period, scope, name, before, display(new[name])))


def report_to_json(report):
    def number(value):
        return None if value is None else str(value)

    return {
        **{name: getattr(report, name) for name in COUNTS},
        "errors": [asdict(error) for error in report.errors],
        "changes": [asdict(change) for change in report.changes],
        "preview": [
            {
                "kind": kind,
                "previous": number(previous),
                **{name: getattr(row, name) for name in PREVIEW_FIELDS},
                "value": number(row.value),
            }
            for kind, row, previous in report.preview
        ],
    }


def report_from_json(data):
    """The ImportReport kept by report_to_json (an empty one for a batch not checked yet)."""
    if not data:
        return None
    preview = []
    for item in data["preview"]:
        item = dict(item)
        kind, previous = item.pop("kind"), item.pop("previous")
        item["value"] = Decimal(item["value"])
        preview.append((kind, PreviewRow(**item), None if previous is None else Decimal(previous)))
    return ImportReport(
        **{name: data[name] for name in COUNTS},
        errors=[RowError(**error) for error in data["errors"]],
        changes=[StoredChange(**change) for change in data["changes"]],
        preview=preview,
    )
