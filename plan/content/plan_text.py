"""An official CCHC plan's text read into the plan data schema (plan/content/plan_data.py):
heading, basis, sections I–IV, the areas of section II with their target bullets and
tasks, the agencies section IV names, and each target parsed into data
(plan/content/target_text.py). What the text does not state is left empty and listed
in the report for an editor, with the reason. Pure: text in, data and report out."""

import re
import unicodedata
from dataclasses import dataclass, field

from plan.content.plan_text_areas import BULLET, LETTERED, NUMBERED, parse_areas, plain
from search.folding import fold

ROMAN = re.compile(r"^(I|II|III|IV|V|VI)\.\s+(.+)$")
NUMBER_LINE = re.compile(r"^Số\s*:\s*(.*)$")
DATE_LINE = re.compile(r"^([^,]{2,60}),\s*(ngày\b.*năm\s+\d{4})\s*$")
YEAR = re.compile(r"năm\s+(\d{4})")
MAX_LINES = 5000


@dataclass
class ParseReport:
    read: list = field(default_factory=list)  # what was found, one line each
    parsed: list = field(default_factory=list)  # targets read into data
    needs_editor: list = field(default_factory=list)  # what an editor must decide, with the reason


def clean(line):
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").strip()
    return re.sub(r"\s+", " ", line)


def paragraphs(text):
    """Non-empty lines; a line that starts in lower case continues the one before (a
    paragraph broken across a page)."""
    lines = []
    for raw in text.splitlines()[:MAX_LINES]:
        line = clean(raw)
        if not line:
            continue
        if lines and line[0].islower() and not LETTERED.match(line):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def parse_plan_text(text, agencies=()):
    """(data, report). `agencies`: [(code, name)] already known, to name the agencies
    section IV addresses."""
    report = ParseReport()
    lines = paragraphs(text)
    head, sections = split_sections(lines)
    plan = parse_heading(head, report)
    plan.update(purpose=[], requirements=[], funding=[], implementation=[])
    areas = []
    for number, title, body in sections:
        folded = fold(title)
        if number == "I":
            plan["purpose"], plan["requirements"] = parse_purpose(body)
        elif number == "II":
            areas = parse_areas(body, report)
        elif number == "III":
            plan["funding"] = [plain(line) for line in body]
        elif number == "IV" or "to chuc thuc hien" in folded:
            plan["implementation"] = parse_implementation(body, agencies, report)
    report.read.append(f"Mục I: {len(plan['purpose'])} ý mục đích, {len(plan['requirements'])} ý yêu cầu.")
    report.read.append(f"Mục II: {len(areas)} lĩnh vực.")
    report.read.append(f"Mục III: {len(plan['funding'])} đoạn.")
    report.read.append(f"Mục IV: {len(plan['implementation'])} mục.")
    for wanted in ("I", "II", "III", "IV"):
        if wanted not in {number for number, _t, _b in sections}:
            report.needs_editor.append(f"Không tìm thấy mục {wanted} trong văn bản.")
    used = sorted({c for s in plan["implementation"] for c in s["agencies"] + s["addressed_agencies"]})
    known = dict(agencies)
    data = {
        "plan": plan,
        "agencies": [{"code": code, "name": known[code], "kind": ""} for code in used],
        "topics": [],
        "areas": areas,
    }
    return data, report


def split_sections(lines):
    head, sections = [], []
    for line in lines:
        match = ROMAN.match(plain(line))
        if match:
            sections.append((match.group(1), match.group(2), []))
        elif sections:
            sections[-1][2].append(line)
        else:
            head.append(line)
    return head, sections


def parse_heading(head, report):
    plan = {
        "document_kind": "",
        "number": "",
        "place": "",
        "date_text": "",
        "subtitle": "",
        "preamble": "",
        "legal_basis": [],
        "programme": "",
        "document_status": "draft",
    }
    for index, line in enumerate(head):
        number, date = NUMBER_LINE.match(line), DATE_LINE.match(line)
        if number:
            plan["number"] = number.group(1).strip()
        elif date:
            plan["place"], plan["date_text"] = date.group(1).strip(), date.group(2).strip()
        elif line.isupper() and not plan["document_kind"]:
            plan["document_kind"] = line
            if index + 1 < len(head):
                plan["subtitle"] = head[index + 1]
        elif line.startswith(("Thực hiện", "Căn cứ")):
            plan["preamble"] = plain(line)
            plan["legal_basis"] = legal_basis(plan["preamble"])
            programmes = [d for d in plan["legal_basis"] if d.startswith("Kế hoạch") and "giai đoạn" in d]
            plan["programme"] = programmes[0] if programmes else ""
    subtitle = plan["subtitle"]
    plan["title"] = f"{plan['document_kind'].capitalize()} {subtitle[:1].lower()}{subtitle[1:]}".strip()
    year = YEAR.findall(subtitle)
    plan["year"] = int(year[-1]) if year else None
    plan["slug"] = f"cchc-{plan['year']}" if plan["year"] else ""
    province = re.search(r"(tỉnh|thành phố) ([A-ZĐ][^\s]*(?: [A-ZĐ][^\s]*)*)", subtitle)
    plan["issuing_body"] = f"Ủy ban nhân dân {province.group(1)} {province.group(2)}" if province else ""
    for name, label in (
        ("number", "số, ký hiệu"),
        ("date_text", "ngày tháng"),
        ("subtitle", "trích yếu"),
        ("year", "năm kế hoạch"),
        ("issuing_body", "cơ quan ban hành"),
    ):
        if plan[name]:
            report.read.append(f"{label.capitalize()}: {plan[name]}")
        else:
            report.needs_editor.append(f"Không đọc được {label} ở đầu văn bản.")
    if plan["number"].startswith("/") or not re.search(r"\d", plan["date_text"].split("tháng")[0]):
        report.needs_editor.append(
            "Văn bản chưa có số hoặc ngày ký: tình trạng để là “Dự thảo”; biên tập viên nhập số, ngày khi có."
        )
    if plan["issuing_body"]:
        report.needs_editor.append(f"Cơ quan ban hành suy ra từ trích yếu: “{plan['issuing_body']}”; xem lại.")
    return plan


def legal_basis(preamble):
    """The documents the preamble cites: its clauses up to “…, UBND … ban hành”."""
    text = re.sub(r"^(Thực hiện|Căn cứ)\s+", "", preamble)
    text = re.split(r",\s*(UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố)\s+ban hành", text)[0]
    return [re.sub(r"^(Thực hiện|Căn cứ)\s+", "", part).strip() for part in text.split("; ") if part.strip()]


def bullet_text(line):
    match = BULLET.match(line)
    return plain(match.group(1)) if match else None


def parse_purpose(body):
    purpose, requirements, current = [], [], None
    for line in body:
        match = NUMBERED.match(line)
        if match:
            folded = fold(match.group(2))
            current = purpose if "muc dich" in folded else requirements if "yeu cau" in folded else None
        elif current is not None and bullet_text(line) is not None:
            current.append(bullet_text(line))
    return purpose, requirements


def parse_implementation(body, agencies, report):
    sections, section = [], None
    names = [(fold(name), code) for code, name in agencies]
    for line in body:
        numbered = NUMBERED.match(line)
        if numbered:
            heading = plain(numbered.group(2))
            section = {
                "number": int(numbered.group(1)),
                "heading": heading,
                "agencies": [],
                "addressed_agencies": [],
                "duties": [],
                "par_components": [],
                "coordinates_components": [],
            }
            codes = [code for name, code in names if name == fold(heading)]
            if codes:
                section["agencies"] = codes
            else:
                report.needs_editor.append(
                    f"Mục IV.{section['number']} “{heading}”: không khớp tên cơ quan nào đã có; "
                    "biên tập viên chọn cơ quan (hoặc các cơ quan của nhóm)."
                )
            sections.append(section)
        elif section is not None and bullet_text(line) is not None:
            section["duties"].append(bullet_text(line))
    return sections
