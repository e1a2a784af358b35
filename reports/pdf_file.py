"""The report as a PDF, with the layout of the DOCX (reports.docx_file): written with
fpdf2 in the first serif TrueType font found that holds every Vietnamese letter (DejaVu
Serif, Debian's fonts-dejavu-core; Liberation Serif where its version has them).
Pure: a snapshot and its heading in, bytes out."""

import functools
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

from reports.heading import KIND, MOTTO, MOTTO_LINE
from reports.tables import date_text, late_or_missing

FONT_FAMILIES = [
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSerif{}.ttf", ("", "-Bold", "-Italic", "-BoldItalic")),
    ("/usr/share/fonts/truetype/liberation", "LiberationSerif-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic")),
]
VIETNAMESE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĂÂĐÊÔƠƯăâđêôơư"
STYLES = ("", "B", "I", "BI")
LEFT, TOP, RIGHT = 30, 20, 15
WIDTH = 210 - LEFT - RIGHT


class PdfUnavailable(Exception):
    """No font with Vietnamese letters is installed."""


def writes_vietnamese(file):
    letters = TTFont(file, lazy=True).getBestCmap()
    return all(ord(letter) in letters for letter in VIETNAMESE + VIETNAMESE.lower())


@functools.cache
def found_fonts():
    for folder, pattern, names in FONT_FAMILIES:
        files = [Path(folder) / pattern.format(name) for name in names]
        if all(file.is_file() for file in files) and all(writes_vietnamese(file) for file in files):
            return tuple(files)
    return None


def font_files():
    if found_fonts():
        return found_fonts()
    raise PdfUnavailable("Máy chủ chưa có phông chữ có dấu tiếng Việt (gói fonts-liberation hoặc fonts-dejavu-core).")


class ReportPdf(FPDF):
    def footer(self):
        self.set_y(-15)
        self.set_font("Serif", "", 10)
        self.cell(0, 8, str(self.page_no()), align="C")


def line(pdf, text, size=13, style="", align="L", width=0, height=6.5):
    pdf.set_font("Serif", style, size)
    pdf.multi_cell(width or WIDTH, height, text, align=align, new_x="LMARGIN", new_y="NEXT")


def header_block(pdf, heading):
    """Issuing body and number at the left, motto and place-date at the right."""
    top, left_width, right_x = pdf.get_y(), 70, LEFT + 55
    right_width = 210 - RIGHT - right_x
    pdf.set_xy(LEFT - 12, top)
    lines = heading.body_lines
    pdf.set_font("Serif", "", 11)
    pdf.multi_cell(left_width, 5.5, lines[0], align="C", new_x="LEFT", new_y="NEXT")
    for text in lines[1:]:
        pdf.set_font("Serif", "B", 11)
        pdf.multi_cell(left_width, 5.5, text, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "", 12)
    pdf.multi_cell(left_width, 7, heading.number, align="C", new_x="LEFT", new_y="NEXT")
    left_bottom = pdf.get_y()
    pdf.set_xy(right_x, top)
    pdf.set_font("Serif", "B", 11)
    pdf.multi_cell(right_width, 5.5, MOTTO, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "B", 12)
    pdf.multi_cell(right_width, 5.5, MOTTO_LINE, align="C", new_x="LEFT", new_y="NEXT")
    x, y = pdf.get_x(), pdf.get_y()
    pdf.line(x + right_width / 2 - 28, y, x + right_width / 2 + 28, y)
    pdf.set_font("Serif", "I", 12)
    pdf.multi_cell(right_width, 8, heading.place_date, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(LEFT, max(left_bottom, pdf.get_y()) + 4)


MAX_CELL = 1200  # a row is printed on one page: a longer text is cut here, whole on the web page


def cell_text(value):
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL] + "… (xem toàn văn trên trang báo cáo)"


def data_table(pdf, table):
    pdf.set_font("Serif", "", 8)
    widths = table.widths or None
    with pdf.table(
        text_align="LEFT", line_height=3.8, first_row_as_headings=True, width=WIDTH, col_widths=widths, align="LEFT"
    ) as grid:
        head = grid.row()
        for text in table.headers:
            head.cell(str(text))
        for values in table.rows:
            row = grid.row()
            for value in values:
                row.cell(cell_text(value))
    pdf.ln(2)


def signature_block(pdf, heading):
    if pdf.get_y() > 230:
        pdf.add_page()
    top = pdf.get_y() + 4
    pdf.set_xy(LEFT, top)
    pdf.set_font("Serif", "BI", 12)
    pdf.multi_cell(80, 6, "Nơi nhận:", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Serif", "", 11)
    for text in heading.recipients:
        pdf.multi_cell(80, 5, text, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(LEFT + 80, top)
    for text in filter(None, [heading.signer_authority, heading.signer_title]):
        pdf.set_font("Serif", "B", 13)
        pdf.multi_cell(WIDTH - 80, 6, text, align="C", new_x="LEFT", new_y="NEXT")
    if heading.signer_name:
        pdf.set_xy(LEFT + 80, pdf.get_y() + 22)
        pdf.multi_cell(WIDTH - 80, 6, heading.signer_name, align="C", new_x="LEFT", new_y="NEXT")


def build_pdf(heading, snapshot, tables, diff=None, introduction=""):
    pdf = ReportPdf(format="A4", unit="mm")
    for style, file in zip(STYLES, font_files(), strict=True):
        pdf.add_font("Serif", style, str(file))
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, 20)
    pdf.set_title(f"{KIND} {heading.subject}")
    pdf.add_page()
    if heading.demo:
        line(pdf, "DỮ LIỆU MINH HỌA – KHÔNG PHẢI BÁO CÁO CHÍNH THỨC", 12, "B", "C")
    header_block(pdf, heading)
    line(pdf, KIND, 14, "B", "C")
    line(pdf, heading.subject, 14, "B", "C")
    pdf.ln(3)
    period = snapshot["period"]
    line(
        pdf,
        f"Thời gian chốt số liệu: từ ngày {date_text(period['data_from'])} đến ngày {date_text(period['data_to'])}. "
        f"Số liệu lấy từ trang Kế hoạch cải cách hành chính ngày {date_text(snapshot['taken_on'])}.",
        12, "I", "J",
    )  # fmt: skip
    if introduction:
        line(pdf, introduction, 13, "", "J")
    numerals = iter(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"])
    for table in tables:
        line(pdf, f"{next(numerals)}. {table.title.upper()}", 13, "B")
        if table.rows:
            data_table(pdf, table)
        else:
            line(pdf, "Không có mục nào.", 13)
    missing = late_or_missing(snapshot)
    if missing:
        line(pdf, "Cơ quan gửi báo cáo muộn hoặc chưa gửi: " + "; ".join(r["agency"] for r in missing) + ".", 12)
    for title, items in (
        ("KHÓ KHĂN, VƯỚNG MẮC", snapshot["difficulties"]),
        ("ĐỀ XUẤT, KIẾN NGHỊ", snapshot["proposals"]),
    ):
        line(pdf, f"{next(numerals)}. {title}", 13, "B")
        for item in items or [{"agency": "", "text": "Không có cơ quan nào nêu."}]:
            line(pdf, f"{item['agency']}: {item['text']}" if item["agency"] else item["text"], 12, "", "J")
    if diff:
        line(pdf, f"{next(numerals)}. THAY ĐỔI SO VỚI {diff['previous'].upper()}", 13, "B")
        for label, before, after in diff["counts"]:
            line(pdf, f"{label}: {before} → {after}.", 12)
        for code, before, after in diff["changes"]:
            line(pdf, f"{code}: {before} → {after}.", 12)
    signature_block(pdf, heading)
    return bytes(pdf.output())
