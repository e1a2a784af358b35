"""Bounds on an imported file, checked before any row is read, so that a hostile file
(deep JSON, huge numbers, XLSX zip bombs, huge declared sheets) is refused quickly
and in little memory. Pure: each check raises ReadError with a Vietnamese message
that names the setting that refused it."""

import os
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings

from plan.results.errors import ReadError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * MB
    max_rows: int = 200_000
    max_columns: int = 50
    max_field_chars: int = 2000
    json_max_depth: int = 10
    json_max_number_chars: int = 40
    xlsx_max_uncompressed_bytes: int = 200 * MB
    xlsx_max_ratio: int = 100
    xlsx_max_shared_strings_bytes: int = 20 * MB
    xlsx_max_members: int = 100


def current_limits():
    """The limits from settings (IMPORT_*), each falling back to the default above."""
    defaults = Limits()
    names = Limits.__annotations__
    return Limits(**{name: getattr(settings, f"IMPORT_{name.upper()}", getattr(defaults, name)) for name in names})


def count_text(count):
    """12.345: Vietnamese groups thousands with dots."""
    return f"{count:,}".replace(",", ".")


def size_text(count):
    return f"{count / MB:.0f} MB" if count >= MB else f"{count_text(count)} byte"


def check_file_size(size, limits):
    if size > limits.max_file_bytes:
        raise ReadError(
            f"Tệp lớn {size_text(size)}, vượt giới hạn {size_text(limits.max_file_bytes)} (IMPORT_MAX_FILE_BYTES)."
        )


# JSON ------------------------------------------------------------------------------

JSON_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
NOT_BRACKET = re.compile(rb"[^\[\]{}]+")
NON_FINITE = re.compile(rb"NaN|-?Infinity")


def check_json(path, limits):
    """Nesting depth and number length, read from the bytes before any JSON parser
    sees them (a parser allocates per level, and the C parser crashes on a number
    of thousands of digits)."""
    with open(path, "rb") as handle:
        data = handle.read(limits.max_file_bytes + 1)
    check_file_size(len(data), limits)
    # A character takes at most 6 bytes in JSON (\uXXXX): a longer run holds a string
    # over the field limit, which the parser would take seconds to assemble.
    if re.search(rb'"[^"]{%d}' % (6 * limits.max_field_chars + 1), data):
        raise ReadError(
            f"Tệp JSON có một chuỗi dài hơn giới hạn {count_text(limits.max_field_chars)} ký tự "
            "(IMPORT_MAX_FIELD_CHARS)."
        )
    skeleton = JSON_STRING.sub(b'""', data)  # strings may hold any bracket or digit
    del data
    long_number = re.search(rb"[-+0-9.eE]{%d,}" % (limits.json_max_number_chars + 1), skeleton)
    if long_number:
        raise ReadError(
            f"Tệp JSON có một số dài hơn {limits.json_max_number_chars} ký tự (IMPORT_JSON_MAX_NUMBER_CHARS): "
            f"“{long_number.group()[:20].decode('ascii', 'replace')}…”."
        )
    if NON_FINITE.search(skeleton):
        raise ReadError("Tệp JSON có giá trị NaN hoặc Infinity: đây không phải là số hợp lệ.")
    if skeleton.count(b"{") > limits.max_rows + 1:
        raise row_count_error(0, limits)
    depth = deepest = 0
    for bracket in NOT_BRACKET.sub(b"", skeleton):
        depth += 1 if bracket in b"[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > limits.json_max_depth:
                raise ReadError(
                    f"Tệp JSON lồng nhau quá {limits.json_max_depth} cấp (IMPORT_JSON_MAX_DEPTH): "
                    "hãy dùng một mảng các đối tượng phẳng."
                )


def check_csv(path, limits):
    """The file's size and its line count (at least its row count), before reading."""
    size = os.path.getsize(path)
    check_file_size(size, limits)
    lines = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1024 * 1024):
            lines += chunk.count(b"\n")
    if lines > limits.max_rows + 1:
        raise row_count_error(0, limits)


# XLSX ------------------------------------------------------------------------------

DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
XML_HEAD_BYTES = 64 * 1024


def column_number(letters):
    number = 0
    for letter in letters.decode("ascii"):
        number = number * 26 + ord(letter) - 64
    return number


def xml_head(archive, info):
    with archive.open(info) as member:
        return member.read(XML_HEAD_BYTES)


def check_xlsx(path, limits):
    """The archive's declared sizes and ratios, the declared sheet dimensions and the
    shared strings' size, before openpyxl opens it. Python's zipfile stops at the
    declared size of a member, so the declared sizes bound what is decompressed."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ReadError("Tệp XLSX không mở được (tệp hỏng hoặc không phải Excel .xlsx).") from error
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.xlsx_max_members:
            raise ReadError(
                f"Tệp XLSX chứa {len(infos)} thành phần, vượt giới hạn {limits.xlsx_max_members} "
                "(IMPORT_XLSX_MAX_MEMBERS)."
            )
        total = sum(info.file_size for info in infos)
        if total > limits.xlsx_max_uncompressed_bytes:
            raise ReadError(
                f"Tệp XLSX khi giải nén lớn {size_text(total)}, vượt giới hạn "
                f"{size_text(limits.xlsx_max_uncompressed_bytes)} (IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES)."
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > limits.xlsx_max_ratio * max(info.compress_size, 1):
                raise ReadError(
                    f"Thành phần “{info.filename[:80]}” của tệp XLSX nén quá {limits.xlsx_max_ratio} lần "
                    "(IMPORT_XLSX_MAX_RATIO): có thể là một “bom nén”."
                )
            if info.filename.lower().endswith("sharedstrings.xml") and (
                info.file_size > limits.xlsx_max_shared_strings_bytes
            ):
                raise ReadError(
                    f"Bảng chuỗi của tệp XLSX lớn {size_text(info.file_size)}, vượt giới hạn "
                    f"{size_text(limits.xlsx_max_shared_strings_bytes)} (IMPORT_XLSX_MAX_SHARED_STRINGS_BYTES)."
                )
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                head = xml_head(archive, info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as error:
                raise ReadError("Tệp XLSX hỏng: một thành phần không giải nén được.") from error
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError("Tệp XLSX chứa khai báo DOCTYPE/ENTITY: không được phép.")
            if info.filename.startswith("xl/worksheets/"):
                check_dimension(DIMENSION.search(head), limits)


def check_dimension(match, limits):
    if not match:
        return
    last_column, last_row = (match.group(3), match.group(4)) if match.group(3) else (match.group(1), match.group(2))
    rows, columns = int(last_row), column_number(last_column)
    if rows > limits.max_rows + 1:
        raise ReadError(
            f"Trang tính khai báo {count_text(rows)} dòng, vượt giới hạn {count_text(limits.max_rows)} dòng "
            "(IMPORT_MAX_ROWS)."
        )
    if columns > limits.max_columns:
        raise ReadError(
            f"Trang tính khai báo {columns} cột, vượt giới hạn {limits.max_columns} cột (IMPORT_MAX_COLUMNS)."
        )


# Rows and cells --------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a digit, but not 0-9
SUSPECT = re.compile(f"{CONTROL.pattern}|{OTHER_DIGIT.pattern}")


def cells_need_checking(texts, limits):
    """One quick look at a whole row (`texts`: its cells, read twice at most): True
    when some cell may have a problem."""
    joined = "\n".join(texts)
    if len(joined) > limits.max_field_chars and any(len(text) > limits.max_field_chars for text in texts):
        return True
    return bool(SUSPECT.search(joined))


def row_count_error(number, limits):
    return ReadError(
        f"Tệp có hơn {count_text(limits.max_rows)} dòng số liệu (IMPORT_MAX_ROWS): hãy chia thành nhiều tệp."
    )


def column_count_error(count, limits):
    return ReadError(f"Dòng tiêu đề có {count} cột, vượt giới hạn {limits.max_columns} cột (IMPORT_MAX_COLUMNS).")


def cell_problem(text, limits):
    """A Vietnamese reason when a cell's text cannot be stored as it is, else None."""
    if len(text) > limits.max_field_chars:
        return (
            f"dài {count_text(len(text))} ký tự, vượt giới hạn {count_text(limits.max_field_chars)} "
            "(IMPORT_MAX_FIELD_CHARS)"
        )
    control = CONTROL.search(text)
    if control:
        code = ord(control.group())
        if code == 0:
            return "chứa ký tự NUL (mã 0): hãy xóa ký tự điều khiển này"
        return f"chứa ký tự điều khiển (mã {code}): hãy xóa ký tự này"
    digit = OTHER_DIGIT.search(text)
    if digit:
        return f"chứa chữ số “{digit.group()}” không phải 0–9: hãy gõ lại bằng chữ số thường"
    return None
