"""What the progress pages show: indicators and tasks with their status, and the
roll-ups per area, per agency and for the whole plan, as rows for templates. Built
from the rules (plan.progress.rules) through the read model; no request in sight."""

from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from types import SimpleNamespace
from typing import NamedTuple

from django.utils import timezone

from plan.progress import rules
from plan.progress.read_model import indicator_progress_map, task_progress_map


@dataclass(frozen=True)
class StatusView:
    code: str

    @property
    def label(self):
        return rules.STATUS_LABELS[self.code]

    @property
    def icon(self):
        return rules.STATUS_ICONS[self.code]

    @property
    def explanation(self):
        return rules.STATUS_EXPLANATIONS[self.code]


STATUS_VIEWS = {code: StatusView(code) for code in (*rules.INDICATOR_STATUSES, *rules.TASK_STATUSES)}


def status_view(code):
    """The one StatusView of a status (rows share them: thousands on the dashboard)."""
    return STATUS_VIEWS.get(code) or StatusView(code)


class IndicatorRow(NamedTuple):  # a tuple: thousands are made for the dashboard's counts
    indicator: object
    status: StatusView
    latest: object  # Result or None
    late: bool
    next_due: object


@dataclass(frozen=True)
class TaskRow:
    task: object
    status: StatusView
    report: object  # TaskProgress or None
    count: int = 1  # how many tasks the row stands for (counted_task_rows)


@dataclass(frozen=True)
class RollupView:
    title: str
    url: str
    indicators: rules.Rollup
    tasks: rules.Rollup
    indicator_demo: int = 0  # statuses that rest on an illustrative figure
    task_demo: int = 0

    @cached_property  # a template reads them once per cell
    def indicator_counts(self):
        return status_counts(self.indicators)

    @cached_property
    def task_counts(self):
        return status_counts(self.tasks)


@dataclass(frozen=True)
class BulletGroup:
    """A bullet of the plan's targets and the indicators it was split into (several
    requirements, or one target per level), judged together."""

    wording: str
    rows: list

    @property
    def combined(self):
        """The bullet's status when it holds several targets: met only if all are."""
        if len(self.rows) < 2:
            return None
        return StatusView(rules.combined_status(row.status.code for row in self.rows))


def bullet_groups(rows):
    """[BulletGroup] in order: consecutive indicators with the same original wording."""
    groups = []
    for row in rows:
        wording = row.indicator.original_wording
        if groups and groups[-1].wording == wording:
            groups[-1].rows.append(row)
        else:
            groups.append(BulletGroup(wording, [row]))
    return groups


def indicator_rows(indicators, today=None, **known):
    """[IndicatorRow]; `known`: what read_model.indicator_progress_map may be given."""
    indicators = list(indicators)
    progress_map = indicator_progress_map(indicators, today, **known)
    return [
        IndicatorRow(i, status_view(p.status), p.latest, p.late, p.next_due)
        for i in indicators
        for p in [progress_map[i.pk]]
    ]


def task_rows(tasks, today=None, **known):
    tasks = list(tasks)
    progress_map = task_progress_map(tasks, today, **known)
    return [TaskRow(t, status_view(progress_map[t.pk][0]), progress_map[t.pk][1]) for t in tasks]


def counted_task_rows(groups, today=None):
    """[TaskRow] for roll-ups from read_model.task_groups: one row per group, standing
    for its `count` tasks; the status rule runs once per group."""
    today = today or timezone.localdate()
    found = []
    for group in groups:
        status = rules.task_status(group.due_date, group.status, group.percent, today)
        report = SimpleNamespace(is_demo=bool(group.is_demo)) if group.status is not None else None
        found.append(TaskRow(group, status_view(status), report, group.count))
    return found


def indicator_rollup(rows):
    return rules.rollup([row.status.code for row in rows], rules.INDICATOR_STATUSES)


def task_rollup(rows):
    statuses = chain.from_iterable(repeat(row.status.code, row.count) for row in rows)
    return rules.rollup(statuses, rules.TASK_STATUSES)


def rollup_views(groups):
    """[(title, url, indicator rows, task rows)] → [RollupView]."""
    return [
        RollupView(
            title,
            url,
            indicator_rollup(i_rows),
            task_rollup(t_rows),
            sum(1 for row in i_rows if row.latest is not None and row.latest.is_demo),
            sum(row.count for row in t_rows if row.report is not None and row.report.is_demo),
        )
        for title, url, i_rows, t_rows in groups
    ]


def status_counts(rollup):
    """[(StatusView, count)] in display order, for templates."""
    return [(status_view(code), count) for code, count in rollup.counts.items()]


def evidence(row):
    """The figure a row's status rests on: a Result, a TaskProgress report, or None."""
    return getattr(row, "latest", None) or getattr(row, "report", None)


def demo_count(rows):
    """How many of the rows have a status that rests on an illustrative figure."""
    return sum(getattr(row, "count", 1) for row in rows if getattr(evidence(row), "is_demo", False))


def has_demo_figures(*row_lists):
    """True when any row shows an illustrative figure (a result or a progress report)."""
    return any(getattr(evidence(row), "is_demo", False) for rows in row_lists for row in rows)


def only_demo_figures(*row_lists):
    """True when figures are shown and every one of them is illustrative: nothing real yet."""
    seen = False
    for rows in row_lists:
        for row in rows:
            figure = evidence(row)
            if figure is not None:
                if not figure.is_demo:
                    return False
                seen = True
    return seen
