from .indicators import Indicator, TargetComparator, AdministrativeLevel, ReportingFrequency
from .pages import AppendixPage, AreaPage, ImplementationSection, PlanIndexPage, PlanPage, Task
from .reference import Agency, AgencyKind, Topic
from .updates import UpdatePage
from .results import ImportBatch, ImportBatchStatus, Result, ResultHistory, ResultOrigin, ResultSource, SourceFormat, TaskProgress, TaskStatus

__all__ = [
    "Agency",
    "AgencyKind",
    "AdministrativeLevel",
    "AppendixPage",
    "AreaPage",
    "ImplementationSection",
    "ImportBatch",
    "ImportBatchStatus",
    "Indicator",
    "PlanIndexPage",
    "PlanPage",
    "ReportingFrequency",
    "Result",
    "ResultHistory",
    "ResultOrigin",
    "ResultSource",
    "SourceFormat",
    "TaskProgress",
    "TaskStatus",
    "TargetComparator",
    "Task",
    "Topic",
    "UpdatePage",
]
