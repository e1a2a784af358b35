"""An index's figures arranged for its page: tables of years by measure (or by unit
for the province's own index), each cell holding the figures published for it (none:
a gap, shown as such), and the numbered list of sources every figure points to."""

from dataclasses import dataclass, field

from indices.catalogue import HOME_UNIT, MERGED_INTO, PAR_COMPONENTS, IndexCode, Level, UnitKind

PART_LEVELS = [Level.COMPONENT, Level.DIMENSION, Level.SUBDIMENSION, Level.CRITERION]


@dataclass
class Source:
    number: int
    figure: object  # the first figure read from it: name, address, quote, date, kind
    notes: list = field(default_factory=list)


@dataclass
class Cell:
    year: int
    figures: list  # [(figure, source number)]


@dataclass
class Row:
    label: str
    code: str
    cells: list

    @property
    def empty(self):
        return not any(cell.figures for cell in self.cells)


@dataclass
class Grid:
    anchor: str
    title: str
    caption: str
    head: str  # the first column's heading
    years: list
    rows: list
    note: str = ""


class Sources:
    """Sources numbered in the order figures first cite them; one per address and quote."""

    def __init__(self):
        self.by_key = {}

    def number(self, figure):
        key = (figure.source_url, figure.quote)
        source = self.by_key.get(key)
        if source is None:
            source = self.by_key[key] = Source(len(self.by_key) + 1, figure)
        if figure.notes and figure.notes not in source.notes:
            source.notes.append(figure.notes)
        return source.number

    @property
    def all(self):
        return list(self.by_key.values())


def measure_order(code):
    return tuple(int(part) if part.isdigit() else 0 for part in code.split(".")) if code else (0,)


def grid(anchor, title, caption, head, years, figures, sources, row_key, labels=()):
    """Rows by `row_key(figure)` → (sort key, code, label); `labels` adds rows that have
    no figure at all (a component of PAR INDEX nobody published)."""
    rows = {}
    for position, label in enumerate(labels):
        rows[label] = ((position,), "", label, {})
    for figure in figures:
        sort, code, label = row_key(figure)
        key = label if label in rows else (code, label)
        rows.setdefault(key, (sort, code, label, {}))[3].setdefault(figure.year, []).append(figure)
    built = [
        Row(label, code, [Cell(year, [(f, sources.number(f)) for f in by_year.get(year, [])]) for year in years])
        for sort, code, label, by_year in sorted(rows.values(), key=lambda item: (item[0], item[2]))
    ]
    return Grid(anchor, title, caption, head, years, built)


def by_measure(figure):
    return (measure_order(figure.measure_code), figure.measure_code, figure.measure)


def by_unit(figure):
    kinds = [UnitKind.DEPARTMENT, UnitKind.DISTRICT]
    return ((kinds.index(figure.unit_kind) if figure.unit_kind in kinds else 9,), "", figure.unit)


def index_tables(info, figures):
    """{"years", "home", "parts", "context", "sources", "has_research", "flags"} for an index page."""
    sources = Sources()
    years = list(range(min(f.year for f in figures), max(f.year for f in figures) + 1)) if figures else []
    home = [f for f in figures if f.unit == HOME_UNIT]
    tables = {"years": years, "parts": [], "context": []}
    if info.code == IndexCode.PROVINCE:
        units = [f for f in figures if f.unit_kind in (UnitKind.DEPARTMENT, UnitKind.DISTRICT)]
        totals = [f for f in units if f.level == Level.TOTAL]
        tables["home"] = grid(
            "theo-don-vi", "Kết quả theo đơn vị", "Chỉ số tổng hợp của từng sở, ngành và UBND cấp huyện, theo năm",
            "Đơn vị", years, totals, sources, by_unit,
        )  # fmt: skip
        criteria = [f for f in units if f.level == Level.CRITERION]
        if criteria:
            tables["parts"].append(
                grid("tieu-chi", "Điểm theo tiêu chí", "Điểm từng tiêu chí", "Tiêu chí", years, criteria, sources,
                     lambda f: (measure_order(f.measure_code), f.measure_code, f"{f.unit}: {f.measure}"))
            )  # fmt: skip
    else:
        totals = [f for f in home if f.level == Level.TOTAL]
        tables["home"] = grid(
            "tong", f"Kết quả chung của {HOME_UNIT}", f"{info.short_name} của {HOME_UNIT} theo năm", "Thước đo",
            years, totals, sources, by_measure, labels=[info.short_name],
        )  # fmt: skip
        for level in PART_LEVELS:
            parts = [f for f in home if f.level == level]
            labels = PAR_COMPONENTS if info.code == IndexCode.PAR_INDEX and level == Level.COMPONENT else ()
            if parts or labels:
                title = f"{level.label} – {HOME_UNIT}"
                tables["parts"].append(
                    grid(f"cap-{level.value}", title, f"{level.label} của {info.short_name}, {HOME_UNIT}, theo năm",
                         level.label, years, parts, sources, by_measure, labels)
                )  # fmt: skip
        merged = [f for f in figures if f.unit == MERGED_INTO]
        for level in [Level.TOTAL, *PART_LEVELS]:
            parts = [f for f in merged if f.level == level]
            if parts:
                tables["context"].append(
                    grid(f"hai-phong-{level.value}", f"{level.label} – {MERGED_INTO} (tham chiếu)",
                         f"{level.label} của {info.short_name}, {MERGED_INTO}, theo năm: số liệu tham chiếu, "
                         f"không phải của {HOME_UNIT}", level.label, years, parts, sources, by_measure)
                )  # fmt: skip
        national = [f for f in figures if f.unit_kind == UnitKind.NATIONAL]
        if national:
            tables["context"].append(
                grid("toan-quoc", "Toàn quốc (tham chiếu)", f"Giá trị chung của {info.short_name} cả nước, theo năm",
                     "Thước đo", years, national, sources, by_measure)
            )  # fmt: skip
    tables["sources"] = sources.all
    tables["has_research"] = any(f.source_kind == "research" for f in figures)
    tables["flags"] = [f for f in figures if f.flag]
    return tables
