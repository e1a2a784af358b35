"""Reporting periods as written in result files: "2024" (year), "2024-H1" (half-year),
"2024-Q1" (quarter), "2024-03" (month). Pure functions."""

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from plan.vocabulary import PeriodKind

PERIOD_PATTERN = re.compile(r"^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class Period:
    code: str
    kind: str  # a PeriodKind
    start: date
    end: date

    @property
    def label(self):
        year = self.start.year
        if self.kind == PeriodKind.YEAR:
            return f"Năm {year}"
        if self.kind == PeriodKind.HALF:
            return f"6 tháng {'đầu' if self.start.month == 1 else 'cuối'} năm {year}"
        if self.kind == PeriodKind.QUARTER:
            return f"Quý {['I', 'II', 'III', 'IV'][(self.start.month - 1) // 3]}/{year}"
        return f"Tháng {self.start.month:02d}/{year}"


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


@functools.lru_cache(maxsize=4096)  # a file repeats the same few periods many times
def parse_period(text):
    """Period for a code such as "2024-Q1"; None when the code is not a period."""
    match = PERIOD_PATTERN.match((text or "").strip().upper())
    if not match:
        return None
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        return None
    half, quarter, month = match.group(2), match.group(3), match.group(4)
    if half:
        first = 1 if half == "H1" else 7
        return Period(f"{year}-{half}", PeriodKind.HALF, date(year, first, 1), month_end(year, first + 5))
    if quarter:
        first = 3 * (int(quarter[1]) - 1) + 1
        return Period(f"{year}-{quarter}", PeriodKind.QUARTER, date(year, first, 1), month_end(year, first + 2))
    if month:
        number = int(month)
        return Period(f"{year}-{number:02d}", PeriodKind.MONTH, date(year, number, 1), month_end(year, number))
    return Period(str(year), PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))


def period_label(text):
    """A period code as a visitor reads it ("Quý 1/2024"); a code that is no period as it is."""
    period = parse_period(text)
    return period.label if period else text


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return month_end(year, month + 1)
