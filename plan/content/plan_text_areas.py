"""Section II of a plan's text: the areas, their target bullets (each read into
targets by plan/content/target_text.py) and their tasks, grouped where the text
groups them. Pure; used by plan/content/plan_text.py."""

import re

from django.utils.text import slugify

from plan.content.target_text import parse_targets
from plan.progress.targets import describe_target
from plan.vocabulary import AdministrativeLevel
from search.folding import fold

NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.+)$")
LETTERED = re.compile(r"^([a-h])\)\s+(.+)$")
BULLET = re.compile(r"^[-–•]\s*(.*)$")
SUB_BULLET = re.compile(r"^\+\s*(.*)$")
GROUP = re.compile(r"^\*([^*]+?):?\*:?\s*(.*)$")
ABBREVIATION = re.compile(r"\s*\(([A-ZĐ]{2,10})\)\s*$")


def plain(text):
    """The text without markdown emphasis (the published text marks italics with *)."""
    return text.replace("*", "").strip()


def area_slug(title, limit=60):
    """The title's words without marks, cut at a word within `limit` characters."""
    slug = slugify(fold(title))
    return slug if len(slug) <= limit else slug[:limit].rsplit("-", 1)[0]


def parse_areas(body, report):
    areas, area, part, group = [], None, "tasks", ""
    for line in body:
        numbered, lettered = NUMBERED.match(line), LETTERED.match(line)
        if numbered:
            heading = plain(numbered.group(2))
            title = ABBREVIATION.sub("", heading)
            area = {
                "number": int(numbered.group(1)),
                "slug": area_slug(title),
                "title": title,
                "heading_as_written": heading,
                "par_component": "",
                "answerable_agencies": [],
                "notes": [],
                "indicators": [],
                "tasks": [],
                "bullets": [],
            }
            areas.append(area)
            part, group = "tasks", ""
        elif area is None:
            continue
        elif lettered:
            part = "targets" if "chi tieu" in fold(lettered.group(2)) else "tasks"
            group = ""
        elif BULLET.match(line) or SUB_BULLET.match(line):
            group = add_item(area, part, line, group, report)
        elif line.startswith("(") and line.endswith(")."):
            area["notes"].append(line)
        else:
            report.needs_editor.append(f"Mục II.{area['number']}: đoạn không đọc được “{line[:80]}”.")
    for area in areas:
        tasks, bullets = len(area["tasks"]), len(area.pop("bullets"))
        report.read.append(f"Lĩnh vực {area['number']}. {area['title']}: {bullets} ý chỉ tiêu, {tasks} nhiệm vụ.")
    return areas


def add_item(area, part, line, group, report):
    """Adds a bullet to the area; returns the task group in force after it."""
    sub = SUB_BULLET.match(line)
    raw = sub.group(1) if sub else BULLET.match(line).group(1)
    if part == "targets" and not sub:
        add_target_bullet(area, plain(raw), report)
        return group
    grouped = GROUP.match(raw)
    if grouped and not sub:
        group, raw = plain(grouped.group(1)).rstrip(":"), grouped.group(2)
        if not plain(raw):
            return group  # a heading: the tasks follow as “+” items
    elif not sub:
        group = ""
    number = len(area["tasks"]) + 1
    area["tasks"].append(
        {
            "code": f"{area['number']}.{number}",
            "group": group,
            "text": plain(raw),
            "output": "",
            "lead_agency": "",
            "coordinating_agencies": [],
            "deadline_text": "",
            "due_date": None,
            "topics": [],
        }
    )
    return group


def add_target_bullet(area, text, report):
    area["bullets"].append(text)
    bullet = len(area["bullets"])
    targets = parse_targets(text)
    base = f"{area['number']}.a.{bullet}"
    for index, target in enumerate(targets, start=1):
        code = base if len(targets) == 1 else f"{base}.{index}"
        area["indicators"].append(
            {
                "code": code,
                "bullet": bullet,
                "original_wording": text,
                "statement": target.statement,
                "metric": "",
                "unit": target.unit,
                "comparator": target.comparator,
                "target_value": target.value,
                "target_value_max": target.value_max,
                "level": target.level,
                "responsible_agency": "",
                "frequency": "yearly",
                "topics": [],
            }
        )
        where = f"Chỉ tiêu {code}"
        if target.parsed:
            report.parsed.append(f"{where}: {describe(target)}")
        else:
            report.needs_editor.append(f"{where}: chưa đọc được mục tiêu ({'; '.join(target.notes)}).")
        for note in target.notes if target.parsed else ():
            report.needs_editor.append(f"{where}: {note}.")
        report.needs_editor.append(f"{where}: chưa có thước đo (tên ngắn của chỉ tiêu): biên tập viên đặt.")


def describe(target):
    """“≥ 85% (cấp tỉnh)”: the target in the words the pages use."""
    words = describe_target(target.comparator, target.value, target.value_max, target.unit)
    level = f" ({AdministrativeLevel(target.level).label.lower()})" if target.level else ""
    return words + level
