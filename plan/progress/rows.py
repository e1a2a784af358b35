"""What the progress pages show, from the state stored on indicators and tasks
(plan/progress/state.py): rows for the tables, the bullets of an area's targets, and
roll-ups (counts by status) built from database aggregates. No request in sight."""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from plan.progress import rules
from plan.progress.rules import STATUS_VIEWS, StatusView, status_view

__all__ = ["STATUS_VIEWS", "StatusView", "status_view"]


class IndicatorRow(NamedTuple):
    indicator: object
    status: StatusView
    latest: object  # the Result the status rests on, or None
    late: bool
    next_due: object


@dataclass(frozen=True)
class TaskRow:
    task: object
    status: StatusView
    report: object  # the latest TaskProgress, or None


def indicator_rows(indicators):
    """[IndicatorRow] of indicators read with their stored state (for_table())."""
    return [IndicatorRow(i, i.status_view, i.latest_result, i.late, i.next_due) for i in indicators]


def task_rows(tasks):
    return [TaskRow(t, t.status_view, t.latest_report) for t in tasks]


@dataclass(frozen=True)
class RollupView:
    title: str
    url: str
    indicators: rules.Rollup
    tasks: rules.Rollup
    indicator_demo: int = 0  # statuses that rest on an illustrative figure
    task_demo: int = 0
    evidence: int = 0  # statuses that rest on a figure or a report, illustrative or not

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
        return status_view(rules.combined_status(row.status.code for row in self.rows))

    @property
    def has_demo(self):
        """Whether the combined status rests on an illustrative figure."""
        return any(row.latest is not None and row.latest.is_demo for row in self.rows)


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


@dataclass
class Tally:
    """The statuses of a group's indicators or tasks: {status: count}, how many rest on
    an illustrative figure or report (`demo`), and on any (`evidence`)."""

    counts: Counter
    demo: int = 0
    evidence: int = 0


def tallies(count_rows, key=None):
    """{key value: Tally} from status_counts() rows (one Tally under None without `key`)."""
    found = {}
    for row in count_rows:
        tally = found.setdefault(row[key] if key else None, Tally(Counter()))
        tally.counts[row["status"]] += row["count"]
        tally.demo += row["demo"]
        tally.evidence += row["evidence"]
    return found


EMPTY = Tally(Counter())


def tally_of(values, statuses):
    """The Tally of counts by status with "demo" and "evidence" ({} for none: plan.models.querysets.tally)."""
    counts = Counter({status: values.get(status, 0) for status in statuses})
    return Tally(counts, values.get("demo", 0), values.get("evidence", 0))


def rollup_view(title, url, indicators=EMPTY, tasks=EMPTY):
    """A RollupView of a group's indicator and task Tallies."""
    return RollupView(
        title,
        url,
        rules.rollup_counts(indicators.counts, rules.INDICATOR_STATUSES),
        rules.rollup_counts(tasks.counts, rules.task_order(tasks.counts)),
        indicators.demo,
        tasks.demo,
        indicators.evidence + tasks.evidence,
    )


def whole(title, url, views):
    """The RollupView of several groups together (each counted once)."""
    indicators, tasks = Counter(), Counter()
    for view in views:
        indicators.update(view.indicators.counts)
        tasks.update(view.tasks.counts)
    return RollupView(
        title,
        url,
        rules.rollup_counts(indicators, rules.INDICATOR_STATUSES),
        rules.rollup_counts(tasks, rules.task_order(tasks)),
        sum(view.indicator_demo for view in views),
        sum(view.task_demo for view in views),
        sum(view.evidence for view in views),
    )


def status_counts(rollup):
    """[(StatusView, count)] in display order, for templates."""
    return [(status_view(code), count) for code, count in rollup.counts.items()]


def has_demo(*views):
    """True when some status of these roll-ups rests on an illustrative figure."""
    return any(view.indicator_demo or view.task_demo for view in views)


def only_demo(*views):
    """True when figures are shown and every one of them is illustrative: nothing real
    yet."""
    evidence = sum(view.evidence for view in views)
    return evidence > 0 and sum(view.indicator_demo + view.task_demo for view in views) == evidence
