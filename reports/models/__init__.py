"""The reporting calendar, what agencies report in it, and the province's reports."""

from .agency import AgencyReport, FigureLine, PublishedProgress, TaskLine
from .periods import ReportingPeriod, YearClose

__all__ = ["AgencyReport", "FigureLine", "PublishedProgress", "ReportingPeriod", "TaskLine", "YearClose"]
