"""The reporting calendar, what agencies report in it, and the province's reports."""

from .agency import AgencyReport, FigureLine, PublishedProgress, TaskLine
from .pages import PeriodReportPage, ReportSnapshot
from .periods import ReportingPeriod, YearClose

__all__ = [
    "AgencyReport",
    "FigureLine",
    "PeriodReportPage",
    "PublishedProgress",
    "ReportingPeriod",
    "ReportSnapshot",
    "TaskLine",
    "YearClose",
]
