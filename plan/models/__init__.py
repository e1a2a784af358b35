from .indicators import Indicator, TargetComparator, AdministrativeLevel, ReportingFrequency
from .pages import AppendixPage, AreaPage, ImplementationSection, PlanIndexPage, PlanPage, Task
from .reference import Agency, AgencyKind, Topic

__all__ = [
    "Agency",
    "AgencyKind",
    "AdministrativeLevel",
    "AppendixPage",
    "AreaPage",
    "ImplementationSection",
    "Indicator",
    "PlanIndexPage",
    "PlanPage",
    "ReportingFrequency",
    "TargetComparator",
    "Task",
    "Topic",
]
