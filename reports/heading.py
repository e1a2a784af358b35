"""The heading fields of a report laid out as a Vietnamese administrative document
(Nghị định 30/2020/NĐ-CP, Phụ lục I): national motto, issuing body, number and symbol,
place and date, title, signature block, recipients. Pure functions."""

from dataclasses import dataclass, field

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
KIND = "BÁO CÁO"


def place_and_date(place, day, year):
    """“Hải Dương, ngày 05 tháng 02 năm 2024”: a day below 10 and the months 1 and 2
    take a leading zero (Nghị định 30/2020/NĐ-CP); an unsigned report leaves them blank."""
    if day is None:
        return f"{place}, ngày      tháng      năm {year}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number):
    return f"Số: {number}" if number else "Số:        /BC-UBND"


@dataclass(frozen=True)
class Heading:
    issuing_body: str
    number: str
    place_date: str
    subject: str
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list = field(default_factory=list)
    demo: bool = False

    @property
    def body_lines(self):
        """The issuing body on two lines where it names the province's committee."""
        name = self.issuing_body.strip()
        for split in (" TỈNH ", " THÀNH PHỐ "):
            if split in name:
                first, rest = name.split(split, 1)
                return [first, split.strip() + " " + rest]
        return [name]


def report_subject(period_name, agency_name=""):
    """The title's second line; “Năm 2024” reads “năm 2024” inside it."""
    if period_name.startswith("Năm "):
        period_name = "n" + period_name[1:]
    subject = f"Tình hình, kết quả thực hiện cải cách hành chính {period_name}"
    return f"{subject} của {agency_name}" if agency_name else subject
