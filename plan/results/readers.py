"""Read rows from CSV, XLSX and JSON files one at a time, so that large files are
never held in memory. Each reader yields (row number, {column: value}); the row
number is the one a person sees in a spreadsheet (the header is row 1). A row that
cannot be read as a row (a CSV line whose field count differs from the header's)
is yielded as (row number, RowError), so that the report lists it with the others.

The file's bounds (plan/results/limits.py) are checked before any row is read."""

import codecs
import csv
import os
from pathlib import Path

from plan.results.errors import ReadError
from plan.results.limits import (
    check_csv,
    check_file_size,
    check_json,
    check_xlsx,
    column_count_error,
    count_text,
    current_limits,
    row_count_error,
)
from plan.results.rows import RowError

FORMATS = ("csv", "xlsx", "json")
# Excel's "Unicode Text" export: a .txt file, UTF-16, tab-separated: read as CSV.
SUFFIXES = {"csv": "csv", "txt": "csv", "xlsx": "xlsx", "json": "json"}

__all__ = ["FORMATS", "ReadError", "detect_format", "read_column", "read_rows"]


def detect_format(name):
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    raise ReadError(
        f"Không nhận ra định dạng của tệp “{Path(name).name}”: dùng .csv, .xlsx hoặc .json "
        "(hoặc .txt mà Excel lưu với kiểu “Unicode Text”)."
    )


def csv_encoding(path):
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # what Excel writes for "Unicode text"
    return "utf-8"


def csv_delimiter(header_line):
    candidates = {delimiter: header_line.count(delimiter) for delimiter in (",", ";", "\t")}
    delimiter = max(candidates, key=candidates.get)
    return delimiter if candidates[delimiter] else ","


def normalise_header(name):
    return str(name or "").strip().lower()


def field_count_error(number, count, expected, delimiter):
    reason = f"dòng có {count} trường nhưng dòng tiêu đề có {expected}"
    if delimiter == "," and count > expected:
        reason += (
            ": có lẽ một số thập phân viết dấu phẩy (như 93,4) trong tệp phân cách bằng dấu phẩy; "
            'hãy đặt nó trong ngoặc kép ("93,4") hoặc lưu tệp với dấu chấm phẩy (;) làm dấu phân cách'
        )
    else:
        reason += ": hãy kiểm tra dấu phân cách và ngoặc kép của dòng này"
    return RowError(number, "", f"{count} trường", reason)


def read_csv(path, only=None):
    """With `only` (a column), each row's text in that column instead of the row: a third
    of the time, for what must be known of a file before its rows are checked."""
    limits = current_limits()
    check_csv(path, limits)
    encoding = csv_encoding(path)
    number = 1
    try:
        with open(path, encoding=encoding, newline="") as handle:
            header_line = handle.readline(limits.max_field_chars * limits.max_columns)
            delimiter = csv_delimiter(header_line)
            header = [normalise_header(h) for h in next(csv.reader([header_line], delimiter=delimiter), [])]
            if not any(header):
                raise ReadError("Tệp CSV không có dòng tiêu đề.")
            if len(header) > limits.max_columns:
                raise column_count_error(len(header), limits)
            last, width = limits.max_rows + 1, len(header)
            column = len(header) - 1 - header[::-1].index(only) if only in header else None  # the dict's: the last
            for number, values in enumerate(csv.reader(handle, delimiter=delimiter), start=2):
                if number > last:
                    raise row_count_error(number, limits)
                if not "".join(values).strip():
                    continue
                if len(values) != width:
                    if only is None:
                        yield number, field_count_error(number, len(values), len(header), delimiter)
                    continue
                if only is None:
                    yield number, dict(zip(header, values, strict=True))
                elif column is not None:
                    yield number, values[column]
    except UnicodeDecodeError as error:
        raise ReadError("Tệp CSV không phải UTF-8 hoặc UTF-16: hãy lưu lại với mã hóa UTF-8.") from error
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ReadError(
                f"Dòng {number + 1}: một ô dài quá giới hạn {count_text(limits.max_field_chars)} ký tự "
                "(IMPORT_MAX_FIELD_CHARS)."
            ) from error
        raise ReadError(f"Tệp CSV hỏng ở dòng {number + 1}: dấu ngoặc kép hoặc ký tự không hợp lệ.") from error


def read_xlsx(path):
    from openpyxl import load_workbook

    limits = current_limits()
    check_file_size(os.path.getsize(path), limits)
    check_xlsx(path, limits)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ReadError("Tệp XLSX không mở được (tệp hỏng hoặc không phải Excel .xlsx).") from error
    number = 1
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=limits.max_columns + 1)
        header = [normalise_header(h) for h in next(rows, [])]
        while header and not header[-1]:
            header.pop()
        if not any(header):
            raise ReadError("Trang tính đầu tiên không có dòng tiêu đề.")
        if len(header) > limits.max_columns:
            raise column_count_error(len(header), limits)
        for number, values in enumerate(rows, start=2):
            if number - 1 > limits.max_rows:
                raise row_count_error(number, limits)
            if not any(v not in (None, "") for v in values):
                continue
            yield number, {h: ("" if v is None else v) for h, v in zip(header, values, strict=False)}
    except ReadError:
        raise
    except Exception as error:  # a bad cell: NaN, a bad shared-string index, a bad date…
        raise ReadError(
            f"Tệp XLSX có ô không đọc được ở dòng {number + 1} (giá trị, ngày hoặc chuỗi hỏng): "
            "hãy mở bằng Excel, sửa ô đó và lưu lại."
        ) from error
    finally:
        workbook.close()


def read_json(path):
    """A JSON array of objects, read item by item (ijson), or {"rows": [...]}."""
    import ijson

    limits = current_limits()
    check_json(path, limits)
    with open(path, "rb") as handle:
        start = handle.read(64).lstrip()
        handle.seek(0)
        prefix = "rows.item" if start.startswith(b"{") else "item"
        try:
            for number, item in enumerate(ijson.items(handle, prefix, use_float=False), start=1):
                if number > limits.max_rows:
                    raise row_count_error(number, limits)
                if not isinstance(item, dict):
                    raise ReadError(f"Phần tử thứ {number} của tệp JSON không phải là một đối tượng.")
                if len(item) > limits.max_columns:
                    raise column_count_error(len(item), limits)
                yield number, {normalise_header(k): v for k, v in item.items()}
        except ijson.JSONError as error:
            raise ReadError("Tệp JSON hỏng: không đúng cú pháp JSON (thiếu ngoặc, dấu phẩy hoặc ngoặc kép).") from error


READERS = {"csv": read_csv, "xlsx": read_xlsx, "json": read_json}


def read_rows(path, file_format):
    return READERS[file_format](path)


def read_column(path, file_format, column):
    """Each row's value in `column` (the rows that have it), as read_rows reads it."""
    if file_format == "csv":
        return (value for _number, value in read_csv(path, only=column))
    return (row[column] for _number, row in read_rows(path, file_format) if isinstance(row, dict) and column in row)
