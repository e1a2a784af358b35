"""Where each fact the site shows of the plan comes from: quoted from the plan (with
its place in the text), inferred (with the rule), or set by an editor (who, when, why,
and the plan's own wording beside it). Nothing inferred or edited is presented as the
plan's word; a fact the plan does not state has no origin and is shown as "Kế hoạch
không nêu". Pure functions: the objects' current values and what load_plan wrote come
in as plain snapshots (plan/content/changes.py), the editor as a name and a date."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from plan.progress.targets import describe_target
from plan.vocabulary import FactOrigin, TargetComparator

# The facts, with the fields each is made of (as in load_plan's snapshots).
TASK_FACTS = {
    "text": ("text",),
    "output": ("output",),
    "lead_agency": ("lead_agency", "lead_agency_derived"),
    "coordinating_agencies": ("coordinating_agencies", "coordinating_derived"),
    "deadline": ("deadline_text", "due_date"),
}
INDICATOR_FACTS = {
    "original_wording": ("original_wording",),
    "statement": ("statement",),
    "responsible_agency": ("responsible_agency",),
    "frequency": ("frequency",),
    "data_source": ("public_source", "public_source_url"),
    "target": ("comparator", "target_value", "target_value_max", "unit", "level"),
}
FACT_LABELS = {
    "text": "nội dung nhiệm vụ",
    "output": "sản phẩm",
    "original_wording": "nguyên văn chỉ tiêu",
    "statement": "nội dung chỉ tiêu",
    "lead_agency": "cơ quan chủ trì",
    "coordinating_agencies": "cơ quan phối hợp",
    "deadline": "thời gian hoàn thành",
    "responsible_agency": "cơ quan chịu trách nhiệm",
    "frequency": "tần suất báo cáo",
    "data_source": "nguồn số liệu",
    "target": "cách đọc mục tiêu",
}
# Facts that are the plan's word (quoted or read from it): an editor who changes one
# gives a public reason (the site's own choices, frequency and data source, need none).
REASONED_FACTS = {*TASK_FACTS, *INDICATOR_FACTS} - {"frequency", "data_source"}
# Facts whose wording as loaded is shown beside the editor's (the plan's original).
TEXT_FACTS = {"text", "output", "original_wording", "statement"}


@dataclass(frozen=True)
class Provenance:
    origin: str | None  # a FactOrigin; None when the plan does not state the fact
    basis: str = ""  # the place in the text, the rule, or what the editor did
    who: str = ""
    when: datetime | None = None
    reason: str = ""  # why an editor's fact differs from the plan's
    original: str = ""  # the fact as loaded from the plan, when an editor changed it

    @property
    def text(self):
        """The origin in plain Vietnamese, e.g. "Suy ra: theo mục IV …"."""
        if self.origin is None:
            return "Kế hoạch không nêu"
        text = f"{FactOrigin(self.origin).label}: {self.basis}"
        if self.who or self.when:
            when = f", {self.when:%d/%m/%Y}" if self.when else ""
            text += f" ({self.who}{when})" if self.who else f" ({when.lstrip(', ')})"
        if self.origin == FactOrigin.EDITOR and self.basis == EDITED:
            text += f"; lý do: {self.reason}" if self.reason else "; không ghi lý do"
        return text

    @property
    def marked(self):
        """Whether a table marks the fact: inferred (*) or an editor's (†)."""
        return self.origin in (FactOrigin.INFERRED, FactOrigin.EDITOR)

    @property
    def edited(self):
        return self.origin == FactOrigin.EDITOR and self.basis == EDITED


def task_provenance(current, loaded, area_number, code, editor="", edited_at=None, reason=""):
    """{fact: Provenance} for a task. `current` and `loaded` are snapshots with the
    fields of TASK_FACTS (`loaded` is None when load_plan did not write the task)."""
    place = f"nhiệm vụ {code}, mục II.{area_number}"
    section_iv = f"theo mục IV “Tổ chức thực hiện”, nơi giao trách nhiệm lĩnh vực {area_number}"
    facts = {}
    for fact, fields in TASK_FACTS.items():
        if edited(current, loaded, fields):
            facts[fact] = by_editor(editor, edited_at, reason, original_of(fact, loaded))
            continue
        value, derived = current.get(fields[0]), current.get(fields[-1]) if len(fields) > 1 else False
        if not value:
            facts[fact] = Provenance(None)
        elif fact == "deadline":
            facts[fact] = Provenance(FactOrigin.QUOTED, f"nguyên văn {place}")
        elif derived:
            facts[fact] = Provenance(FactOrigin.INFERRED, f"{section_iv}; nhiệm vụ không ghi {FACT_LABELS[fact]}")
        else:
            facts[fact] = Provenance(FactOrigin.QUOTED, f"nguyên văn {place}")
    return facts


def indicator_provenance(current, loaded, area_number, code, editor="", edited_at=None, reason=""):
    """{fact: Provenance} for an indicator (fields of INDICATOR_FACTS)."""
    facts = {}
    for fact, fields in INDICATOR_FACTS.items():
        if edited(current, loaded, fields):
            facts[fact] = by_editor(editor, edited_at, reason, original_of(fact, loaded))
        elif not current.get(fields[0]):
            facts[fact] = Provenance(None)
        elif fact in TEXT_FACTS:
            facts[fact] = Provenance(FactOrigin.QUOTED, f"nguyên văn chỉ tiêu {code}, mục II.{area_number}")
        elif fact == "responsible_agency":
            facts[fact] = Provenance(
                FactOrigin.INFERRED,
                f"theo mục IV “Tổ chức thực hiện”, nơi giao cơ quan chịu trách nhiệm chỉ số thành phần "
                f"lĩnh vực {area_number}; chỉ tiêu không ghi cơ quan",
            )
        elif fact == "target":
            facts[fact] = Provenance(
                FactOrigin.INFERRED, f"đọc từ nguyên văn chỉ tiêu {code} (mục II.{area_number}, phần “Chỉ tiêu”)"
            )
        else:
            facts[fact] = Provenance(
                FactOrigin.EDITOR,
                f"người biên soạn trang chọn khi nhập Kế hoạch; Kế hoạch không nêu {FACT_LABELS[fact]}",
            )
    return facts


def edited(current, loaded, fields):
    """True when an editor changed the fact since load_plan wrote it (or it was never
    loaded: then it was entered in the admin)."""
    if loaded is None:
        return True
    return any(current.get(name) != loaded.get(name) for name in fields)


EDITED = "sửa trong trang quản trị"


def by_editor(editor, edited_at, reason="", original=""):
    return Provenance(FactOrigin.EDITOR, EDITED, editor, edited_at, reason.strip(), original)


def original_of(fact, loaded):
    """The fact as load_plan wrote it, in words ("" when it was not loaded or empty)."""
    if not loaded:
        return ""
    if fact in TEXT_FACTS:
        return loaded.get(fact) or ""
    if fact == "deadline":
        return loaded.get("deadline_text") or ""
    if fact == "target" and loaded.get("comparator"):
        low, high = (loaded.get(name) for name in ("target_value", "target_value_max"))
        missing = loaded["comparator"] != TargetComparator.DONE and low is None
        if missing:
            return ""
        return describe_target(
            loaded["comparator"],
            None if low is None else Decimal(low),
            None if high is None else Decimal(high),
            loaded.get("unit", ""),
        )
    return ""


def reasons_missing(current, loaded, facts, reason):
    """The labels of the plan's facts an editor changed (of `facts`: {fact: fields})
    when no public reason is given; [] when a reason is given or nothing changed."""
    if reason.strip():
        return []
    return [
        FACT_LABELS[fact]
        for fact, fields in facts.items()
        if fact in REASONED_FACTS and edited(current, loaded, fields)
    ]


def succession_provenance(number, decision_date, issuer, url, editor="", entered_at=None):
    """Where an agency's succession comes from: the decision an editor quoted, or the
    editor alone when no decision was found."""
    if number or url:
        when = f" ngày {decision_date:%d/%m/%Y}" if decision_date else ""
        by = f" của {issuer}" if issuer else ""
        name = f"văn bản số {number}{when}{by}" if number else "văn bản tại địa chỉ nguồn"
        return Provenance(FactOrigin.DECISION, f"{name}; biên tập viên nhập", editor, entered_at)
    return Provenance(FactOrigin.EDITOR, "nhập trong trang quản trị; chưa có văn bản nguồn", editor, entered_at)
