"""Read rows from CSV, XLSX and JSON files one at a time, so that large files are
never held in memory. Each reader yields (row number, {column: value}); the row
number is the one a person sees in a spreadsheet (the header is row 1)."""

import codecs
import csv
from pathlib import Path

FORMATS = ("csv", "xlsx", "json")


class ReadError(ValueError):
    """The file as a whole cannot be read; the message is in Vietnamese."""


def detect_format(name):
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise ReadError(f"Không nhận ra định dạng của tệp “{Path(name).name}”: dùng .csv, .xlsx hoặc .json.")


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


def read_csv(path):
    encoding = csv_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as handle:
            header_line = handle.readline()
            delimiter = csv_delimiter(header_line)
            header = [normalise_header(h) for h in next(csv.reader([header_line], delimiter=delimiter), [])]
            if not any(header):
                raise ReadError("Tệp CSV không có dòng tiêu đề.")
            for number, values in enumerate(csv.reader(handle, delimiter=delimiter), start=2):
                if not any(v.strip() for v in values):
                    continue
                yield number, dict(zip(header, values, strict=False))
    except UnicodeDecodeError as error:
        raise ReadError("Tệp CSV không phải UTF-8 hoặc UTF-16: hãy lưu lại với mã hóa UTF-8.") from error
    except csv.Error as error:
        raise ReadError(f"Tệp CSV hỏng: {error}") from error


def read_xlsx(path):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ReadError("Tệp XLSX không mở được (tệp hỏng hoặc không phải Excel .xlsx).") from error
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [normalise_header(h) for h in next(rows, [])]
        if not any(header):
            raise ReadError("Trang tính đầu tiên không có dòng tiêu đề.")
        for number, values in enumerate(rows, start=2):
            if not any(v not in (None, "") for v in values):
                continue
            yield number, {h: ("" if v is None else v) for h, v in zip(header, values, strict=False)}
    finally:
        workbook.close()


def read_json(path):
    """A JSON array of objects, read item by item (ijson), or {"rows": [...]}."""
    import ijson

    with open(path, "rb") as handle:
        start = handle.read(64).lstrip()
        handle.seek(0)
        prefix = "rows.item" if start.startswith(b"{") else "item"
        try:
            for number, item in enumerate(ijson.items(handle, prefix, use_float=False), start=1):
                if not isinstance(item, dict):
                    raise ReadError(f"Phần tử thứ {number} của tệp JSON không phải là một đối tượng.")
                yield number, {normalise_header(k): v for k, v in item.items()}
        except ijson.JSONError as error:
            raise ReadError(f"Tệp JSON hỏng: {error}") from error


READERS = {"csv": read_csv, "xlsx": read_xlsx, "json": read_json}


def read_rows(path, file_format):
    return READERS[file_format](path)
