"""How a plan document's heading reads: its status (draft or signed), number and date,
without ever printing the blanks a draft leaves ("Số: /KH-UBND", "ngày tháng 12 năm
2023"). Pure functions."""

import re
from dataclasses import dataclass

from plan.vocabulary import DocumentStatus

NUMBERED = re.compile(r"\d+\s*/")  # "4347/KH-UBND", not "/KH-UBND"
DAY = re.compile(r"ngày\s+\d{1,2}\b")
MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


@dataclass(frozen=True)
class DocumentHeading:
    is_draft: bool
    status_label: str
    number: str  # "4347/KH-UBND", or what stands in for a number not yet given
    date: str
    notice: str
    as_written: str = ""  # a draft's heading quoted as it stands, blanks and all


def document_heading(status, number, date_text, issued_on, place=""):
    is_draft = status != DocumentStatus.SIGNED
    number_known = bool(NUMBERED.search(number or ""))
    if number_known:
        number_text = number.strip()
    else:
        number_text = "chưa có số (bản dự thảo)" if is_draft else "chưa cập nhật"
    date = date_label(date_text, issued_on)
    if is_draft:
        notice = (
            "Văn bản đăng trên trang này là bản dự thảo của Kế hoạch"
            + ("" if number_known and date.startswith("ngày") else ", chưa có số và ngày ký")
            + ". Khi có văn bản đã ký, biên tập viên cập nhật tình trạng, số và ngày ban hành."
        )
    else:
        notice = f"Văn bản đã ký ban hành: số {number_text}, {date}."
    as_written = ""
    if is_draft and not (number_known and DAY.search(date_text or "")):
        written_date = ", ".join(part for part in (place, " ".join((date_text or "").split())) if part)
        as_written = f"Bản dự thảo ghi “Số: {(number or '').strip()}” và “{written_date}”, để trống số và ngày."
    label = DocumentStatus(status).label if status else ""
    return DocumentHeading(is_draft, label, number_text, date, notice, as_written)


def date_label(date_text, issued_on):
    """ "ngày 20 tháng 12 năm 2023" when the day is known; else the month and year with
    "chưa ghi ngày"; else "chưa ghi ngày"."""
    if issued_on is not None:
        return f"ngày {issued_on.day:02d} tháng {issued_on.month:02d} năm {issued_on.year}"
    text = " ".join((date_text or "").split())
    if DAY.search(text):
        return text
    month_year = MONTH_YEAR.search(text)
    if month_year:
        return f"tháng {month_year.group(1)} năm {month_year.group(2)} (chưa ghi ngày)"
    return "chưa ghi ngày"
