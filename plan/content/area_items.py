"""The area page's tasks and indicators as light rows (plan/content/area_queries.py
reads them): what the tables and the provenance marks show, without a model object
per row (plan/content/raw_values.py converts their raw columns as the ORM would)."""

import functools
from types import SimpleNamespace
from typing import NamedTuple

from plan.models import Agency, AreaPage
from plan.progress.periods import period_label
from plan.progress.targets import describe_target
from plan.vocabulary import AdministrativeLevel

LEVELS = dict(AdministrativeLevel.choices)


class Related(list):
    """A task's coordinating agencies or topics, read as its related manager would be."""

    def all(self):
        return self


class DetailLink:
    """`detail_url`, the address of the item's own page, from the area's (`area_url`),
    worked out for the rows a page shows only."""

    route = ""  # the area's sub-page route

    @functools.cached_property
    def detail_url(self):
        return self.area_url + AreaPage.item_path(self.route, self.code)


class AreaTask(DetailLink, SimpleNamespace):
    """A task as the area's table shows it: code, group, text, lead agency, coordinating
    agencies and topics (Related), deadline, `detail_url`, and the facts its provenance
    compares with what load_plan wrote."""

    route = "task_detail"


class AreaIndicator(DetailLink, SimpleNamespace):
    """An indicator as the area's table shows it, with the facts of its provenance and
    the status rule's inputs."""

    route = "indicator_detail"

    @property
    def target_display(self):
        return describe_target(self.comparator, self.target_value, self.target_value_max, self.unit)

    def get_level_display(self):
        return LEVELS.get(self.level, self.level)


class LatestResult(SimpleNamespace):
    """A result of an indicator's latest period, with what the figure cell shows."""

    @property
    def period_label(self):
        return period_label(self.period)

    def get_scope_display(self):
        return LEVELS.get(self.scope, self.scope)


class LatestReport(NamedTuple):
    """What a task's row and the roll-ups read of its latest progress report."""

    status: str
    percent: int | None
    is_demo: bool


class SharedAgencies(dict):
    """{pk: Agency} of one page: an agency named on many rows is one object."""

    def get_or_make(self, pk, code, name):
        if pk is None:
            return None
        if pk not in self:
            self[pk] = Agency(pk=pk, code=code, name=name)
        return self[pk]
