"""Illustrative results for the 2024 indicators and progress for its tasks, so that
the site can be shown working. Every figure is flagged as demo data and labelled
“Dữ liệu minh họa” wherever it appears; none of it is an official figure."""

import random
from datetime import date, timedelta
from decimal import Decimal

from plan.progress.periods import parse_period
from plan.vocabulary import ReportedTaskStatus, ReportingFrequency, TargetComparator

MEASURED_UNITS = ("%", "phút")
DEMO_SOURCE = "Dữ liệu minh họa – không phải số liệu chính thức"
PERIODS = {
    ReportingFrequency.MONTHLY: [f"{{year}}-{month:02d}" for month in range(1, 13)],
    ReportingFrequency.QUARTERLY: [f"{{year}}-Q{quarter}" for quarter in range(1, 5)],
    ReportingFrequency.HALF_YEARLY: ["{year}-H1", "{year}-H2"],
    ReportingFrequency.YEARLY: ["{year}"],
}


def demo_values(comparator, target, target_max, unit, count, rng):
    """A plausible path of `count` figures that ends near the target."""
    if comparator == TargetComparator.DONE:
        finish = rng.random() < 0.7
        return [Decimal(1 if finish and i == count - 1 else 0) for i in range(count)]
    target = Decimal(target)
    if comparator == TargetComparator.AT_MOST:
        start, end = target * Decimal("1.4"), target * Decimal(str(rng.uniform(0.8, 1.15)))
    elif comparator == TargetComparator.BETWEEN:
        start, end = Decimal(target) - 4, Decimal(str(rng.uniform(float(target) - 1.5, float(target_max))))
    else:
        start = target * Decimal("0.85")
        end = target * Decimal(str(rng.uniform(0.93, 1.05)))
    values = []
    for i in range(count):
        share = Decimal(i + 1) / Decimal(count)
        value = start + (end - start) * share + Decimal(str(rng.uniform(-1, 1)))
        if unit == "%":
            value = min(value, Decimal(100))
        # Counted things ("hoạt động") come in whole numbers; rates and minutes do not.
        step = Decimal("0.1") if unit in MEASURED_UNITS else Decimal(1)
        values.append(max(value, Decimal(0)).quantize(step))
    return values


def demo_rows(indicators, year, today, real_keys=frozenset()):
    """Template-shaped rows (see plan.results.rows.COLUMNS) for the importer.
    A period that already has a real figure ((code, period) in real_keys) is left alone."""
    number = 0
    for indicator in indicators:
        rng = random.Random(f"{indicator.code}-{year}")
        periods = [p.format(year=year) for p in PERIODS.get(indicator.frequency, PERIODS[ReportingFrequency.YEARLY])]
        values = demo_values(
            indicator.comparator, indicator.target_value, indicator.target_value_max, indicator.unit, len(periods), rng
        )
        for period, value in zip(periods, values, strict=True):
            if (indicator.code, period) in real_keys:
                continue
            number += 1
            yield (
                number,
                {
                    "ma_chi_tieu": indicator.code,
                    "ky": period,
                    "cap": "",
                    "gia_tri": str(value),
                    "ghi_chu": "Số liệu giả lập để trình diễn trang web.",
                    "nguon": DEMO_SOURCE,
                    "ngay_thu_thap": min(parse_period(period).end + timedelta(days=15), today).isoformat(),
                    "du_lieu_minh_hoa": "có",
                },
            )


def demo_task_progress(task_code, year):
    """(status, percent, reported_on) for a task, deterministic per code."""
    rng = random.Random(f"{task_code}-{year}")
    draw = rng.random()
    if draw < 0.55:
        return ReportedTaskStatus.DONE, 100, date(year, 12, 15)
    if draw < 0.9:
        return ReportedTaskStatus.IN_PROGRESS, rng.choice([40, 60, 75, 90]), date(year, 12, 15)
    return ReportedTaskStatus.NOT_STARTED, 0, date(year, 12, 15)
