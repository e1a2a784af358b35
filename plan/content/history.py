"""What changed between two published versions of a page, a task or an indicator, in
words a reader follows: each field that changed, its old and new text, and the words
removed and added. Pure functions over the versions' stored content (Wagtail keeps
each revision as plain values: related objects as keys, StreamFields as JSON)."""

import difflib
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from plan.vocabulary import AdministrativeLevel, DocumentStatus, ReportingFrequency, TargetComparator

PLAN_FIELDS = {
    "title": "Tên",
    "document_status": "Tình trạng văn bản",
    "number": "Số, ký hiệu",
    "date_text": "Ngày tháng",
    "subtitle": "Trích yếu",
    "preamble": "Phần mở đầu",
    "legal_basis": "Căn cứ",
    "purpose": "Mục đích",
    "requirements": "Yêu cầu",
    "funding": "Kinh phí",
}
AREA_FIELDS = {
    "title": "Tên",
    "heading_as_written": "Tiêu đề",
    "par_component": "Chỉ số thành phần PAR INDEX",
    "notes": "Ghi chú",
    "answerable_agencies": "Cơ quan chịu trách nhiệm",
}
TASK_FIELDS = {
    "text": "Nội dung",
    "output": "Sản phẩm",
    "lead_agency": "Cơ quan chủ trì",
    "coordinating_agencies": "Cơ quan phối hợp",
    "deadline_text": "Thời gian hoàn thành",
    "due_date": "Hạn (chuẩn hóa)",
}
INDICATOR_FIELDS = {
    "statement": "Nội dung chỉ tiêu",
    "metric": "Thước đo",
    "comparator": "Loại mục tiêu",
    "target_value": "Giá trị mục tiêu",
    "target_value_max": "Giá trị mục tiêu tối đa",
    "unit": "Đơn vị",
    "level": "Cấp",
    "responsible_agency": "Cơ quan chịu trách nhiệm",
    "frequency": "Tần suất báo cáo",
    "public_source": "Nguồn số liệu",
}
CHOICES = {
    "comparator": TargetComparator,
    "level": AdministrativeLevel,
    "frequency": ReportingFrequency,
    "document_status": DocumentStatus,
}
AGENCY_FIELDS = {"lead_agency", "coordinating_agencies", "answerable_agencies", "responsible_agency"}


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str
    parts: list  # [(kind, text)] with kind "same", "del" or "ins"

    def about(self, subject):
        """The same change, said of a part below the page ("Nhiệm vụ 3.9 · Nội dung")."""
        return Change(f"{subject} · {self.label}", self.old, self.new, self.parts)


@dataclass(frozen=True)
class Version:
    published_at: datetime
    changes: list  # [Change]


def readable(name, value, agency_names):
    """A stored value as text: agencies by name, choices by label, StreamField blocks as
    paragraphs, decimals without trailing zeros."""
    if value in (None, "", []):
        return ""
    if name in AGENCY_FIELDS:
        keys = value if isinstance(value, list) else [value]
        return "; ".join(sorted(agency_names.get(key, str(key)) for key in keys))
    if name in CHOICES:
        try:
            return CHOICES[name](value).label
        except ValueError:
            return str(value)
    if isinstance(value, str) and value.startswith("["):
        try:
            blocks = json.loads(value)
            return "\n".join(str(block.get("value", "")) for block in blocks if isinstance(block, dict))
        except ValueError:
            return value
    if isinstance(value, str) and name.startswith("target_value"):
        try:
            return format(Decimal(value).normalize(), "f")
        except InvalidOperation:
            return value
    return str(value)


def word_diff(old, new):
    """[(kind, text)]: the words kept, removed and added, in reading order."""
    old_words, new_words = old.split(" "), new.split(" ")
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("same", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(("ins", " ".join(new_words[j1:j2])))
    return parts


def changes(before, after, fields, agency_names):
    """[Change] for the fields whose readable text differs between two contents."""
    found = []
    for name, label in fields.items():
        old = readable(name, before.get(name), agency_names)
        new = readable(name, after.get(name), agency_names)
        if old != new:
            found.append(Change(label, old, new, word_diff(old, new)))
    return found


def area_changes(before, after, agency_names):
    """[Change] of an area's own fields and of each of its tasks, by code."""
    found = changes(before, after, AREA_FIELDS, agency_names)
    old_tasks = {task.get("code"): task for task in before.get("tasks", [])}
    new_tasks = {task.get("code"): task for task in after.get("tasks", [])}
    for code in dict.fromkeys([*old_tasks, *new_tasks]):
        was, now = old_tasks.get(code, {}), new_tasks.get(code, {})
        found += [change.about(f"Nhiệm vụ {code}") for change in changes(was, now, TASK_FIELDS, agency_names)]
    return found


def versions(contents, fields, agency_names, compare=None):
    """[Version] newest first, from [(published_at, content)] oldest first: each with
    what changed since the version before it (the first version is the one loaded).
    `compare(before, after, agency_names)` replaces the comparison of `fields`."""
    found = []
    for (_when, before), (when, after) in zip(contents, contents[1:], strict=False):
        changed = compare(before, after, agency_names) if compare else changes(before, after, fields, agency_names)
        if changed:
            found.append(Version(when, changed))
    return list(reversed(found))


def said_of(found, subject):
    """The versions' changes said of `subject` (a part below the page)."""
    return [Version(v.published_at, [change.about(subject) for change in v.changes]) for v in found]


def newest(found, limit):
    return sorted(found, key=lambda version: version.published_at, reverse=True)[:limit]


def task_contents(area_contents, code):
    """[(published_at, task content)] of one task, from its area's versions."""
    picked = []
    for when, content in area_contents:
        for task in content.get("tasks", []):
            if task.get("code") == code:
                picked.append((when, task))
                break
        else:
            picked.append((when, {}))
    return picked
