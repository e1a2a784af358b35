"""Short period labels for a chart's x axis ("T3", "Quý II", "6 tháng đầu"), the year
once, in the axis title, when every period lies in one year."""

from plan.progress.periods import parse_period
from plan.vocabulary import PeriodKind

ROMAN = ["I", "II", "III", "IV"]


def short_period_label(period, with_year, compact=False):
    """ "T3" ("3" when compact), "Quý II", "6 tháng đầu", "Cả năm"; with the year
    ("T3/2024") when the chart mixes years."""
    year = period.start.year
    if period.kind == PeriodKind.YEAR:
        return str(year) if with_year else "Cả năm"
    if period.kind == PeriodKind.HALF:
        label = "6 tháng đầu" if period.start.month == 1 else "6 tháng cuối"
        return f"{label} {year}" if with_year else label
    if period.kind == PeriodKind.QUARTER:
        label = f"Quý {ROMAN[(period.start.month - 1) // 3]}"
    else:
        label = str(period.start.month) if compact and not with_year else f"T{period.start.month}"
    return f"{label}/{year}" if with_year else label


def period_labels(codes, compact=False):
    """(short labels, axis title) for period codes: the year goes in the title when
    every period lies in one year. Compact (for a phone): months alone are bare numbers."""
    periods = [parse_period(code) for code in codes]
    years = {p.start.year for p in periods if p}
    one_year = len(years) == 1
    compact = compact and one_year and all(p and p.kind == PeriodKind.MONTH for p in periods)
    labels = [
        short_period_label(p, not one_year, compact) if p else code for p, code in zip(periods, codes, strict=True)
    ]
    if not one_year:
        return labels, "Kỳ"
    year = years.pop()
    return labels, (f"Tháng, năm {year}" if compact else f"Năm {year}")
