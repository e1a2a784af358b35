"""A target bullet of an official plan read as data: its requirements (a bullet may
join several), each with a comparator, a value, a unit and an administrative level
where the words state them, or left for an editor with the reason. Pure; the rules
are written for the wording of Vietnamese CCHC plans ("100%", "trên 30%", "tối thiểu
80%", "không quá 15 phút", "từ 95% -100%", "85% … cấp tỉnh; 75% … cấp huyện")."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from plan.vocabulary import AdministrativeLevel, TargetComparator

# Units a number may carry; a number followed by none of them is not read as a target
# (it is a date, a document number, a year …).
UNITS = ("%", "phút", "giờ", "ngày", "hoạt động", "lớp", "cuộc", "đợt", "văn bản", "lượt", "đơn vị")
NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
UNIT = "(" + "|".join(re.escape(u) for u in UNITS) + r")(?![\wÀ-ỹ])"
BETWEEN = re.compile(rf"(?:từ\s+)?{NUMBER}\s*%?\s*(?:-|–|đến)\s*{NUMBER}\s*{UNIT}", re.IGNORECASE)
VALUE = re.compile(rf"(?<![/\d.,]){NUMBER}\s*{UNIT}", re.IGNORECASE)  # not “/01 lượt”
AT_MOST_WORDS = ("tối đa", "không quá", "không vượt quá", "dưới")
LEVELS = {
    "cấp tỉnh": AdministrativeLevel.PROVINCE,
    "cấp huyện": AdministrativeLevel.DISTRICT,
    "cấp xã": AdministrativeLevel.COMMUNE,
}
# A bullet joins a second requirement with "và" when what follows starts a new action.
ACTIONS = ("ban hành", "thực hiện", "hoàn thành", "triển khai", "cung cấp", "bảo đảm", "đảm bảo", "xây dựng")
# "02 hoạt động … (kiểm tra …; điều tra, khảo sát …)": a count of activities the bullet
# names one by one is that many requirements, each done or not (two of one kind would
# otherwise pass the count).
NAMED_ACTIVITIES = re.compile(r"(\d+)\s+hoạt động[^()]*\(([^()]+)\)", re.IGNORECASE)


@dataclass
class Target:
    statement: str
    comparator: str = ""
    value: Decimal | None = None
    value_max: Decimal | None = None
    unit: str = ""
    level: str = ""
    notes: list = field(default_factory=list)  # what an editor should look at, in Vietnamese

    @property
    def parsed(self):
        return bool(self.comparator)


def read_number(text):
    """'02' → 2, '1.000' → 1000, '2,5' → 2.5 (Vietnamese separators)."""
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def split_outside_brackets(text, separator):
    """Split on `separator` except inside parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        depth += char == "("
        depth -= char == ")" and depth > 0
        if depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def has_value(text):
    return bool(VALUE.search(text))


def requirements(bullet):
    """The requirements a bullet joins: parts split at “;” or a sentence end when what
    follows states a figure of its own, at “và” when what follows states a figure or
    starts a new action after a figure; otherwise the words stay with the part before."""
    parts = []
    for clause in split_on_figure(bullet, "; ", "; ", ""):
        for sentence in split_on_figure(clause, ". ", ". ", ".", after_figure=True):
            pieces = split_outside_brackets(sentence, " và ")
            joined = [pieces[0]]
            for piece in pieces[1:]:
                if has_value(piece) and has_value(joined[-1]) or new_action(joined[-1], piece):
                    joined.append(piece)
                else:
                    joined[-1] = f"{joined[-1]} và {piece}"
            parts.extend(joined)
    return [named for part in parts for named in named_activities(part)]


def new_action(before, piece):
    """“… và ban hành …” after a figure, or an action the part before already did
    (“xây dựng định mức … và xây dựng lộ trình …”), starts a requirement of its own."""
    action = next((a for a in ACTIONS if piece.lower().startswith(a)), None)
    return action is not None and (has_value(before) or action in before.lower())


def named_activities(part):
    """The activities a count names in brackets, when it names exactly that many."""
    match = NAMED_ACTIVITIES.search(part)
    if match is None:
        return [part]
    names = split_outside_brackets(match.group(2), ";")
    count = read_number(match.group(1))
    return names if count == len(names) and not has_value(match.group(2)) else [part]


def split_on_figure(text, separator, glue, left_end, after_figure=False):
    """`text` split at `separator` where the part after it states a figure (or, with
    `after_figure`, where the part before does: a sentence after a stated figure is a
    requirement of its own); `glue` rejoins the others, `left_end` ends a part that
    was split off."""
    pieces = split_outside_brackets(text, separator)
    merged = [pieces[0]]
    for piece in pieces[1:]:
        if has_value(piece) or after_figure and has_value(merged[-1]):
            merged[-1] += left_end
            merged.append(piece)
        else:
            merged[-1] = f"{merged[-1]}{glue}{piece}"
    return merged


def comparator_before(text, start):
    """at_most when the words just before a figure cap it (“tối đa”, “không quá”), else at_least."""
    before = text[max(0, start - 40) : start].lower()
    if before.rstrip().endswith(AT_MOST_WORDS):
        return TargetComparator.AT_MOST
    return TargetComparator.AT_LEAST


def read_requirement(text):
    """One requirement: a Target, parsed where its words allow."""
    target = Target(statement=text)
    between = BETWEEN.search(text)
    if between:
        low, high = read_number(between.group(1)), read_number(between.group(2))
        if low is not None and high is not None and low < high:
            target.comparator, target.value, target.value_max = TargetComparator.BETWEEN, low, high
            target.unit = between.group(3).lower()
            return target
    values = VALUE.findall(text)
    if not values:
        target.comparator = TargetComparator.DONE
        target.notes.append("không nêu con số: đọc là “hoàn thành / chưa hoàn thành”")
        return target
    if len(values) > 1 and len({(v, u.lower()) for v, u in values}) > 1:
        target.notes.append(f"nêu {len(values)} con số: biên tập viên chọn con số là mục tiêu")
        return target
    match = VALUE.search(text)
    target.value, target.unit = read_number(match.group(1)), match.group(2).lower()
    target.comparator = comparator_before(text, match.start())
    if re.search(r"(?<![\wÀ-ỹ])trên\s+" + re.escape(match.group(0)), text, re.IGNORECASE):
        target.comparator = TargetComparator.MORE_THAN  # “trên 30%”: more than 30%
    return target


def parse_targets(bullet):
    """The targets of a target bullet, in order; levels are set when the bullet gives
    one figure per administrative level."""
    targets = [read_requirement(part) for part in requirements(bullet)]
    levels = [levels_named(t.statement) for t in targets]
    single = [found[0] if len(found) == 1 else "" for found in levels]
    if len(targets) > 1 and all(single) and len(set(single)) == len(single):
        for target, level in zip(targets, single, strict=True):
            target.level = level
    return targets


def levels_named(text):
    lowered = text.lower()
    return [level for words, level in LEVELS.items() if words in lowered]
