"""One row of an index-figure file (indices/columns.py) checked and turned into the
model's values, or the reasons it is refused, in Vietnamese. Pure: the loader and the
admin import share it."""

import re
from decimal import Decimal, InvalidOperation

from indices.catalogue import Flag, IndexCode, Level, SourceKind, UnitKind
from indices.columns import COLUMNS, FIELD_OF, KEY, NAMES, REQUIRED
from plan.results.rows import RowError
from plan.results.values import parse_date

MAX_TEXT = {"don_vi": 160, "thuoc_do": 255, "thuoc_do_nguyen_van": 255, "nhom": 160, "nguon": 255}
MAX_TEXT |= {"duong_dan_nguon": 500, "ma_thuoc_do": 20, "don_vi_tinh": 20, "trich_dan": 2000, "ghi_chu": 2000}
PLAIN_NUMBER = re.compile(r"^-?\d{1,9}([.,]\d{1,9})?$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
CHOICES = {"chi_so": IndexCode, "loai_don_vi": UnitKind, "cap_thuoc_do": Level, "loai_nguon": SourceKind}
CHOICES["canh_bao"] = Flag
YEARS = range(2000, 2101)


def text(value):
    return "" if value is None else str(value).strip()


def parse_figure_number(value):
    """A figure as its source prints it: “42.68” or “42,68”, no thousands mark, no
    rounding. A dot is always the decimal mark here (index scores are small numbers)."""
    if isinstance(value, bool):
        raise ValueError("không phải là số")
    cleaned = text(value).replace("\u00a0", "")
    if not PLAIN_NUMBER.match(cleaned):
        raise ValueError("không phải là số thập phân (viết như 42,68 hoặc 42.68, không có dấu phân cách hàng nghìn)")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover (the pattern admits only numbers)
        raise ValueError("không phải là số") from error


def parse_whole(value):
    cleaned = text(value)
    if not cleaned.isdigit() or len(cleaned) > 5:
        raise ValueError("không phải là số nguyên dương")
    return int(cleaned)


def choice(column, value):
    choices = CHOICES[column]
    cleaned = text(value)
    if cleaned in choices.values:
        return cleaned
    for code, label in choices.choices:  # the label an editor reads in the admin is accepted too
        if cleaned.lower() == label.lower():
            return code
    allowed = ", ".join(code for code in choices.values if code)
    raise ValueError(f"không thuộc các giá trị được nhận ({allowed})")


def check_row(number, row):
    """(values for IndexFigure, []) or (None, [RowError, …])."""
    errors, values = [], {}
    unknown = sorted(set(row) - set(NAMES))
    if unknown:
        return None, [RowError(number, unknown[0], "", "cột không có trong mẫu tệp chỉ số")]
    for name in REQUIRED:
        if not text(row.get(name)):
            errors.append(RowError(number, name, "", "ô bắt buộc đang trống"))
    for name, _field, _type, _description in COLUMNS:
        raw = row.get(name)
        cleaned = text(raw)
        if name in REQUIRED and not cleaned:
            continue
        try:
            values[FIELD_OF[name]] = parse_cell(name, raw, cleaned)
        except ValueError as error:
            errors.append(RowError(number, name, cleaned[:80], str(error)))
    if not errors:
        errors += consistency_errors(number, values)
    return (None, errors) if errors else (values, [])


def parse_cell(name, raw, cleaned):
    if len(cleaned) > MAX_TEXT.get(name, 2000):
        raise ValueError(f"dài quá {MAX_TEXT.get(name, 2000)} ký tự")
    if name in CHOICES:
        return choice(name, cleaned) if cleaned or name == "canh_bao" else ""
    if name == "nam":
        year = parse_whole(cleaned)
        if year not in YEARS:
            raise ValueError("năm phải trong khoảng 2000–2100")
        return year
    if name in ("gia_tri", "thang_diem_tu", "thang_diem_den"):
        return parse_figure_number(raw) if cleaned else None
    if name in ("hang", "tren_so"):
        return parse_whole(cleaned) if cleaned else None
    if name == "ngay_doc":
        return parse_date(raw)
    if name == "duong_dan_nguon" and not URL.match(cleaned):
        raise ValueError("không phải địa chỉ http:// hoặc https://")
    return cleaned


def consistency_errors(number, values):
    errors = []
    if values["value"] is None and values["rank"] is None and not values["tier"]:
        errors.append(RowError(number, "gia_tri", "", "cần ít nhất một trong gia_tri, hang hoặc nhom, như nguồn ghi"))
    if values["rank"] is not None and values["rank_of"] is not None and values["rank"] > values["rank_of"]:
        errors.append(RowError(number, "hang", str(values["rank"]), "thứ hạng lớn hơn tren_so"))
    low, high = values["scale_min"], values["scale_max"]
    if low is not None and high is not None and low >= high:
        errors.append(RowError(number, "thang_diem_den", str(high), "phải lớn hơn thang_diem_tu"))
    value = values["value"]
    if value is not None and high is not None and not ((low or 0) <= value <= high):
        errors.append(RowError(number, "gia_tri", str(value), "nằm ngoài thang điểm của dòng"))
    return errors


def key_of(values):
    """The figure's identity (indices/columns.py KEY) from the model's values."""
    return tuple(values[FIELD_OF[name]] for name in KEY)


def lookup_of(values):
    return {FIELD_OF[name]: values[FIELD_OF[name]] for name in KEY}
