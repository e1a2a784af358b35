"""Parsing of cell values as people type them in Vietnamese spreadsheets. Pure
functions; each raises ValueError with a Vietnamese reason."""

import functools
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

THOUSANDS_WITH_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
THOUSANDS_WITH_COMMAS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
PLAIN_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
DONE_WORDS = {"hoàn thành", "đã hoàn thành", "đạt", "có", "x", "done", "yes"}
NOT_DONE_WORDS = {"chưa hoàn thành", "không hoàn thành", "chưa", "không đạt", "không", "not done", "no"}
TRUE_WORDS = {"1", "có", "x", "true", "đúng", "yes", "minh họa", "minh hoạ"}
FALSE_WORDS = {"", "0", "không", "false", "sai", "no"}


def parse_number(text):
    """Decimal from "95,5", "95,5 %", "1.234", "1.234,5", "95.5" or a number cell.

    A comma is the decimal mark; dots are thousands separators when they group
    digits by three ("1.234" is 1234), otherwise a decimal point ("95.5")."""
    if text.__class__ is not str:
        return parse_number_cell(text)
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not cleaned:
        raise ValueError("ô trống")
    sign = ""
    if cleaned[0] in "+-":
        sign, cleaned = cleaned[0], cleaned[1:]
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(",") > 1 and THOUSANDS_WITH_COMMAS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    elif THOUSANDS_WITH_DOTS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError("không phải là số (ví dụ hợp lệ: 95,5 hoặc 95,5 % hoặc 1.234)")
    try:
        return Decimal(sign + cleaned)
    except InvalidOperation as error:
        raise ValueError("không phải là số") from error


def parse_number_cell(text):
    """parse_number of what is not text: a spreadsheet's number cell (or anything else, as text)."""
    if isinstance(text, bool):
        raise ValueError("không phải là số")
    if isinstance(text, (int, float, Decimal)):
        number = Decimal(str(text))
        if not number.is_finite():
            raise ValueError("không phải là số (NaN hoặc vô cực)")
        return number
    return parse_number(str(text))


def parse_done_value(text):
    """1 for done, 0 for not done; numbers are accepted as they are."""
    word = str(text).strip().lower()
    if word in DONE_WORDS:
        return Decimal(1)
    if word in NOT_DONE_WORDS:
        return Decimal(0)
    number = parse_number(text)
    if number not in (0, 1):
        raise ValueError("chỉ tiêu hoàn thành/chưa hoàn thành nhận “hoàn thành”, “chưa hoàn thành”, 1 hoặc 0")
    return number


DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(value):
    """A date from "27/11/2024", "27-11-2024", "27.11.2024", "2024-11-27" or a
    spreadsheet date cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date_text(value.strip() if isinstance(value, str) else str(value or "").strip())


@functools.lru_cache(maxsize=4096)  # a file repeats the same few dates many times
def parse_date_text(text):
    day_first, iso = DAY_FIRST.match(text), ISO_DATE.match(text)
    try:
        if day_first:
            day, month, year = map(int, day_first.groups())
            return date(year, month, day)
        if iso:
            year, month, day = map(int, iso.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise ValueError("ngày không hợp lệ (dùng dd/mm/yyyy, ví dụ 27/11/2024)")


def parse_flag(value):
    if not value:  # an empty cell: no
        return False
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("chỉ nhận “có” hoặc “không” (1 hoặc 0)")


SCOPE_WORDS = {
    "": "",
    "chung": "",
    "toàn tỉnh": "",
    "province": "province",
    "tỉnh": "province",
    "cấp tỉnh": "province",
    "district": "district",
    "huyện": "district",
    "cấp huyện": "district",
    "commune": "commune",
    "xã": "commune",
    "cấp xã": "commune",
}


def parse_scope(value):
    word = str(value if value is not None else "").strip().lower()
    if word not in SCOPE_WORDS:
        raise ValueError("cấp không hợp lệ (để trống, “tỉnh”, “huyện” hoặc “xã”)")
    return SCOPE_WORDS[word]
