"""The report as a DOCX file laid out as a Vietnamese administrative document
(Nghị định 30/2020/NĐ-CP): A4, Times New Roman, margins 20/20/30/15 mm, the issuing
body and number at the left and the national motto, place and date at the right, the
title centred, the body, then recipients at the left and the signature at the right.
Written with python-docx; pure: a snapshot and its heading in, bytes out."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reports.heading import KIND, MOTTO, MOTTO_LINE
from reports.tables import date_text, late_or_missing

FONT = "Times New Roman"


def styled(paragraph, text, size=13, bold=False, italic=False, align=None):
    run = paragraph.add_run(text)
    run.font.size, run.font.bold, run.font.italic, run.font.name = Pt(size), bold, italic, FONT
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    return run


def plain_table(document, columns):
    table = document.add_table(rows=1, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    return table


def header_block(document, heading):
    table = plain_table(document, 2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    first = left.paragraphs[0]
    lines = heading.body_lines
    styled(first, lines[0], 12, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in lines[1:]:
        styled(left.add_paragraph(), line, 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    styled(left.add_paragraph(), heading.number, 13, align=WD_ALIGN_PARAGRAPH.CENTER)
    styled(right.paragraphs[0], MOTTO, 12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    styled(right.add_paragraph(), MOTTO_LINE, 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    styled(right.add_paragraph(), heading.place_date, 13, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def data_table(document, table):
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        styled(cell.paragraphs[0], str(text), 11, bold=True)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            styled(cell.paragraphs[0], "" if value is None else str(value), 11)
    return grid


def section(document, text):
    styled(document.add_paragraph(), text, 13, bold=True)


def body_text(document, text, italic=False):
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Mm(12.7)
    styled(paragraph, text, 14, italic=italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def signature_block(document, heading):
    table = plain_table(document, 2)
    left, right = table.rows[0].cells
    styled(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for line in heading.recipients:
        styled(left.add_paragraph(), line, 11)
    first = right.paragraphs[0]
    for index, line in enumerate(filter(None, [heading.signer_authority, heading.signer_title])):
        styled(first if index == 0 else right.add_paragraph(), line, 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(4):
        right.add_paragraph()
    if heading.signer_name:
        styled(right.add_paragraph(), heading.signer_name, 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def build_docx(heading, snapshot, tables, diff=None, introduction=""):
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    page = document.sections[0]
    page.orientation = WD_ORIENT.PORTRAIT
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.top_margin, page.bottom_margin, page.left_margin, page.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    document.core_properties.title = f"{KIND} {heading.subject}"
    if heading.demo:
        styled(document.add_paragraph(), "DỮ LIỆU MINH HỌA – KHÔNG PHẢI BÁO CÁO CHÍNH THỨC", 12, bold=True,
               align=WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip
    header_block(document, heading)
    styled(document.add_paragraph(), KIND, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    styled(document.add_paragraph(), heading.subject, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    period = snapshot["period"]
    body_text(
        document,
        f"Thời gian chốt số liệu: từ ngày {date_text(period['data_from'])} đến ngày {date_text(period['data_to'])}. "
        f"Số liệu lấy từ trang Kế hoạch cải cách hành chính ngày {date_text(snapshot['taken_on'])}.",
        italic=True,
    )
    if introduction:
        body_text(document, introduction)
    numerals = iter(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"])
    for table in tables:
        section(document, f"{next(numerals)}. {table.title.upper()}")
        if table.rows:
            data_table(document, table)
        else:
            body_text(document, "Không có mục nào.")
    missing = late_or_missing(snapshot)
    if missing:
        body_text(document, "Cơ quan gửi báo cáo muộn hoặc chưa gửi: " + "; ".join(r["agency"] for r in missing) + ".")
    for title, items in (
        ("KHÓ KHĂN, VƯỚNG MẮC", snapshot["difficulties"]),
        ("ĐỀ XUẤT, KIẾN NGHỊ", snapshot["proposals"]),
    ):
        section(document, f"{next(numerals)}. {title}")
        for item in items or [{"agency": "", "text": "Không có cơ quan nào nêu."}]:
            body_text(document, f"{item['agency']}: {item['text']}" if item["agency"] else item["text"])
    if diff:
        section(document, f"{next(numerals)}. THAY ĐỔI SO VỚI {diff['previous'].upper()}")
        for label, before, after in diff["counts"]:
            body_text(document, f"{label}: {before} → {after}.")
        for code, before, after in diff["changes"]:
            body_text(document, f"{code}: {before} → {after}.")
    signature_block(document, heading)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
