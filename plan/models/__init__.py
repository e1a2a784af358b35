"""The plan's data: pages (plan, areas with their tasks, appendix, updates), indicator
snippets, reference data, results and progress, and the site's identity settings.
Schema only; choices come from plan.vocabulary."""

from .areas import AreaPage, Task
from .indicators import Indicator
from .loading import LoadRecord
from .pages import AppendixPage, AppendixRow, ImplementationSection, PlanIndexPage, PlanPage
from .reference import Agency, Topic
from .results import ImportBatch, Result, ResultHistory, ResultSource, TaskProgress
from .site_settings import SiteIdentity
from .succession import AgencySuccession
from .updates import UpdatePage

__all__ = [
    "Agency",
    "AgencySuccession",
    "AppendixPage",
    "AppendixRow",
    "AreaPage",
    "ImplementationSection",
    "ImportBatch",
    "Indicator",
    "LoadRecord",
    "PlanIndexPage",
    "PlanPage",
    "Result",
    "ResultHistory",
    "ResultSource",
    "SiteIdentity",
    "TaskProgress",
    "Task",
    "Topic",
    "UpdatePage",
]
