"""Validate one row of a results file against the known indicators. Pure: the
indicators come in as a dictionary, the row as a dictionary of text."""

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from plan.progress.periods import parse_period
from plan.results import values
from plan.results.limits import Limits, cell_problem, cells_need_checking
from plan.vocabulary import TargetComparator

# The template's columns, with what each holds (shown in the admin and the docs).
COLUMNS = {
    "ma_chi_tieu": "Mã chỉ tiêu, ví dụ 3.a.2 (bắt buộc)",
    "ky": "Kỳ số liệu: 2024, 2024-H1, 2024-Q1 hoặc 2024-03 (bắt buộc)",
    "cap": "Cấp: để trống (chung toàn tỉnh), tỉnh, huyện hoặc xã",
    "gia_tri": (
        "Giá trị: 95,5 hoặc 95,5 % hoặc 1.234, tối đa 4 chữ số sau dấu phẩy, lớn nhất 9.999.999.999,9999; "
        "chỉ tiêu hoàn thành ghi “hoàn thành” / “chưa hoàn thành” (bắt buộc)"
    ),
    "ghi_chu": "Ghi chú",
    "nguon": "Tên nguồn số liệu (bắt buộc)",
    "duong_dan_nguon": "Địa chỉ nguồn (http:// hoặc https://)",
    "ngay_thu_thap": "Ngày thu thập số liệu: dd/mm/yyyy (bắt buộc)",
    "du_lieu_minh_hoa": "Dữ liệu minh họa: có / không (mặc định: không)",
    "ly_do_sua": "Lý do sửa: bắt buộc khi dòng thay một số liệu thật đã công bố bằng giá trị khác; được công khai",
}
REQUIRED = ("ma_chi_tieu", "ky", "gia_tri", "nguon", "ngay_thu_thap")
# Optional columns and the Result field each fills. A column absent from a file
# leaves that field of a stored result untouched (ResultRow.present).
OPTIONAL_FIELDS = {"ghi_chu": "note", "duong_dan_nguon": "source_url", "du_lieu_minh_hoa": "is_demo"}
DEFAULT_LIMITS = Limits()
# What Result.value keeps (14 digits, 4 after the mark): a value with more is refused,
# never rounded, and the largest one it holds is accepted.
FOUR_PLACES = Decimal("0.0001")
MAX_VALUE = Decimal("9999999999.9999")
SOURCE_URL = URLValidator(schemes=["http", "https"])
# ResultRow.present for each combination of the optional columns a row has (in
# OPTIONAL_FIELDS' order): one of eight sets, not a new one per row.
PRESENT = {
    (note, url, demo): frozenset(column for column, has in zip(OPTIONAL_FIELDS, (note, url, demo), strict=True) if has)
    for note in (False, True)
    for url in (False, True)
    for demo in (False, True)
}


@dataclass(frozen=True)
class IndicatorInfo:
    pk: int
    comparator: str
    unit: str
    level: str
    year: int | None = None  # the year of the plan the indicator belongs to


@dataclass(slots=True)  # not frozen: an import builds one per row, and a frozen one costs twice
class ResultRow:
    indicator_pk: int
    indicator_code: str
    period: str
    scope: str
    value: Decimal
    note: str
    source_name: str
    source_url: str
    captured_on: date
    is_demo: bool
    present: frozenset = frozenset(OPTIONAL_FIELDS)  # the optional columns the file has
    reason: str = ""  # why a published real figure changes (column ly_do_sua)
    number: int = 0  # the row's number in the file
    period_end: date | None = None

    @property
    def key(self):
        return (self.indicator_pk, self.period, self.scope)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    reason: str

    def __str__(self):
        if not self.column:
            return f"Dòng {self.row}: {self.reason}."
        return f"Dòng {self.row}, cột “{self.column}”, giá trị “{self.value}”: {self.reason}."


@functools.lru_cache(maxsize=1024)  # a file gives the same few sources on many rows; a check costs 9 µs
def valid_source_url(text):
    try:
        SOURCE_URL(text)
    except ValidationError:
        return False
    return True


def text(value):
    return "" if value is None else str(value).strip()


def check_row(number, row, indicators, today, limits=DEFAULT_LIMITS):
    """(ResultRow, []) for a good row, (None, [RowError, ...]) for a bad one."""
    cells = dict.fromkeys(COLUMNS, "")  # a column the file lacks: empty
    for column, value in row.items():
        if column in cells:
            cells[column] = value.strip() if value.__class__ is str else text(value)
    errors = []

    def fail(column, reason):
        errors.append(RowError(number, column, cells[column][:200], reason))

    if cells_need_checking(cells.values(), limits):
        for column, cell in cells.items():
            problem = cell_problem(cell, limits)
            if problem:
                cells[column] = cell[:200].replace("\x00", "\ufffd")
                fail(column, problem)
        if errors:
            return None, errors

    missing = [column for column in REQUIRED if not cells[column]]
    for column in missing:
        fail(column, "bắt buộc phải có")

    period = parse_period(cells["ky"])
    if period is None and cells["ky"]:
        fail("ky", "kỳ không hợp lệ (dùng 2024, 2024-H1, 2024-Q1 hoặc 2024-03)")

    indicator = indicators.get(cells["ma_chi_tieu"])
    if indicator is None:
        if cells["ma_chi_tieu"]:
            fail("ma_chi_tieu", "không có chỉ tiêu nào mang mã này")
        return None, errors
    if period is not None and indicator.year and period.start.year != indicator.year:
        fail("ky", f"kỳ nằm ngoài năm của kế hoạch: chỉ tiêu này thuộc kế hoạch năm {indicator.year}")

    scope = indicator.level
    if cells["cap"]:
        try:
            scope = values.parse_scope(cells["cap"])
            if indicator.level and scope != indicator.level:
                fail("cap", "chỉ tiêu này chỉ áp dụng cho cấp khác")
            elif not indicator.level and scope:
                fail("cap", "chỉ tiêu này không tách theo cấp: để trống cột cấp")
        except ValueError as error:
            fail("cap", str(error))

    value = None
    raw_value = row.get("gia_tri")  # a spreadsheet cell may hold a number, not text
    if cells["gia_tri"]:
        try:
            if indicator.comparator == TargetComparator.DONE:
                value = values.parse_done_value(raw_value)
            else:
                value = values.parse_number(raw_value)
                if value < 0:
                    fail("gia_tri", "giá trị không được âm")
                elif indicator.unit == "%" and value > 100:
                    fail("gia_tri", "tỷ lệ phần trăm không vượt quá 100")
                elif value > MAX_VALUE:
                    fail("gia_tri", "giá trị quá lớn (lớn nhất 9.999.999.999,9999)")
                elif value != value.quantize(FOUR_PLACES):
                    fail("gia_tri", "quá 4 chữ số sau dấu phẩy: hãy làm tròn trong tệp, hệ thống không tự làm tròn")
        except ValueError as error:
            fail("gia_tri", str(error))

    captured_on = None
    if cells["ngay_thu_thap"]:
        try:
            captured_on = values.parse_date(row.get("ngay_thu_thap"))
            if captured_on > today:
                fail("ngay_thu_thap", "ngày thu thập ở tương lai")
        except ValueError as error:
            fail("ngay_thu_thap", str(error))

    if cells["duong_dan_nguon"] and not valid_source_url(cells["duong_dan_nguon"]):
        fail("duong_dan_nguon", "địa chỉ không hợp lệ (phải bắt đầu bằng http:// hoặc https://)")

    is_demo = False
    try:
        is_demo = values.parse_flag(cells["du_lieu_minh_hoa"])
    except ValueError as error:
        fail("du_lieu_minh_hoa", str(error))

    if len(cells["nguon"]) > 255:
        fail("nguon", "tên nguồn dài quá 255 ký tự")
    if errors:
        return None, errors
    return (
        ResultRow(
            indicator_pk=indicator.pk,
            indicator_code=cells["ma_chi_tieu"],
            period=period.code,
            scope=scope,
            value=value.quantize(FOUR_PLACES),
            note=cells["ghi_chu"],
            source_name=cells["nguon"],
            source_url=cells["duong_dan_nguon"],
            captured_on=captured_on,
            is_demo=is_demo,
            present=PRESENT["ghi_chu" in row, "duong_dan_nguon" in row, "du_lieu_minh_hoa" in row],
            reason=cells["ly_do_sua"],
            number=number,
            period_end=period.end,
        ),
        errors,
    )
