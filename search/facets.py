"""Facets that narrow search results, in plain functions.

Each result carries, per facet, the set of values it has (a task has one area, any
number of topics, a lead and coordinating agencies, ...). Values chosen within one
facet widen the results (any of them), choices in different facets narrow them
(all of them). A facet's counts are taken over the results that pass every *other*
facet's choices, so each count says how many results that choice would give.
"""

import re
from collections import Counter
from dataclasses import dataclass

from search.folding import fold

# Facet names, as used in the URL (?area=...&topic=...).
TYPE, AREA, TOPIC, AGENCY, STATUS, DEADLINE = "type", "area", "topic", "agency", "status", "deadline"
FACETS = [TYPE, AREA, TOPIC, AGENCY, STATUS, DEADLINE]

FACET_LABELS = {
    TYPE: "Loại nội dung",
    AREA: "Lĩnh vực cải cách",
    TOPIC: "Chủ đề",
    AGENCY: "Cơ quan chủ trì hoặc phối hợp",
    STATUS: "Tình trạng",
    DEADLINE: "Thời hạn",
}

TASK, INDICATOR, PAGE, AGENCY_ITEM, TOPIC_ITEM = "task", "indicator", "page", "agency", "topic"
TYPE_LABELS = {
    TOPIC_ITEM: "Chủ đề",
    TASK: "Nhiệm vụ",
    INDICATOR: "Chỉ tiêu",
    PAGE: "Trang kế hoạch",
    AGENCY_ITEM: "Cơ quan",
}

ONGOING, UNSPECIFIED, OTHER = "ongoing", "unspecified", "other"
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_TEXT = re.compile(r"\bquy\s*(iv|iii|ii|i|[1-4])\s*(?:/|nam|-)?\s*(\d{4})\b")
YEAR_TEXT = re.compile(r"\bnam\s*(\d{4})\b")
DEADLINE_CODE = re.compile(r"^(?:\d{4}-q[1-4]|year-\d{4}|ongoing|unspecified|other)$")


def deadline_bucket(due_date, deadline_text):
    """The deadline facet value of a task: "2024-q1" … "2024-q4" for a quarter
    (from the normalised date, else from text such as "Quý I/2024"), "year-2024"
    for "Năm 2024", "ongoing" for "Thường xuyên", "unspecified" when the plan names
    no deadline, "other" for any other wording."""
    if due_date is not None:
        return f"{due_date.year}-q{(due_date.month - 1) // 3 + 1}"
    text = " ".join(fold(deadline_text or "").split())
    if not text:
        return UNSPECIFIED
    quarter = QUARTER_TEXT.search(text)
    if quarter:
        return f"{quarter.group(2)}-q{ROMAN_QUARTERS[quarter.group(1)]}"
    if "thuong xuyen" in text:
        return ONGOING
    year = YEAR_TEXT.search(text)
    if year:
        return f"year-{year.group(1)}"
    return OTHER


def deadline_label(code):
    if code == ONGOING:
        return "Thường xuyên"
    if code == UNSPECIFIED:
        return "Kế hoạch không nêu thời hạn"
    if code == OTHER:
        return "Thời hạn khác"
    if code.startswith("year-"):
        return f"Trong năm {code[5:]}"
    year, quarter = code.split("-q")
    return f"Quý {QUARTER_NAMES[int(quarter)]}/{year}"


def deadline_sort_key(code):
    order = {ONGOING: 1, OTHER: 2, UNSPECIFIED: 3}
    if code in order:
        return (order[code], "")
    return (0, code.replace("year-", "") + ("-q9" if code.startswith("year-") else ""))


def passes(values, selected, skip=None):
    """True if an item with facet `values` ({facet: set}) passes the choices
    `selected` ({facet: set}), leaving out the facet `skip`."""
    return all(
        values.get(facet, frozenset()) & chosen for facet, chosen in selected.items() if chosen and facet != skip
    )


def apply(items, selected):
    return [item for item in items if passes(item.facet_values, selected)]


def counts(items, selected):
    """{facet: Counter(value → number of items)} with each facet counted over the
    items that pass the other facets' choices."""
    result = {facet: Counter() for facet in FACETS}
    for item in items:
        for facet in FACETS:
            if passes(item.facet_values, selected, skip=facet):
                result[facet].update(item.facet_values.get(facet, ()))
    return result


def demo_statuses(items, selected):
    """Counter(status → number of items whose status rests on an illustrative figure or
    report), over the items the status facet counts (see counts)."""
    return Counter(
        item.status for item in items if item.status_is_demo and passes(item.facet_values, selected, skip=STATUS)
    )


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool
    demo: int = 0  # of `count`, how many rest on illustrative figures


def options(counter, chosen, labels, sort_key=None, demo=None):
    """The options of one facet: values with results, plus the chosen ones (even
    at zero, so they can be unticked), in the order of `sort_key` (by default the
    order of `labels`); `demo` counts the illustrative ones among them."""
    order = {value: position for position, value in enumerate(labels)}
    values = [value for value in labels if counter.get(value) or value in chosen]
    values.sort(key=sort_key or (lambda value: order[value]))
    demo = demo or {}
    return [
        Option(value, labels[value], counter.get(value, 0), value in chosen, demo.get(value, 0)) for value in values
    ]
