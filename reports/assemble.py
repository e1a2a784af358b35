"""The periodic report assembled from the data, as of the period's data cut-off: results
by area, tasks by status with what was done, indicators met and not met with their
figures and sources, agencies' late or missing reports, difficulties and proposals.
A plain dict of text and numbers (JSON), frozen when the report is published
(reports.freezing) so that later changes to the data never alter it."""

from django.utils import timezone

from plan.models import AreaPage, Indicator, Result, Task, TaskProgress
from plan.progress import rules
from plan.progress.periods import period_label
from plan.progress.targets import describe_target, format_result
from reports.models import AgencyReport, TaskLine
from reports.overview import period_rows, plan_paths, under
from reports.periods import periods_for
from reports.verdicts import closed_years, year_verdicts

SNAPSHOT_VERSION = 1


def latest_reports(tasks, cutoff):
    """{task id: its latest progress report on or before `cutoff`}."""
    latest = {}
    rows = TaskProgress.objects.filter(task__in=tasks, reported_on__lte=cutoff).order_by(
        "task_id", "-reported_on", "-created_at", "-pk"
    )
    for row in rows.values("task_id", "status", "percent", "is_demo"):
        latest.setdefault(row["task_id"], row)
    return latest


def figures_by_indicator(indicators, cutoff):
    figures = {}
    rows = Result.objects.filter(indicator__in=indicators, period_end__lte=cutoff).order_by("period_end")
    for row in rows.values(
        "pk", "indicator_id", "period", "scope", "value", "source_name", "source_url", "captured_on", "is_demo"
    ):
        figures.setdefault(row["indicator_id"], []).append(row)
    return figures


def indicator_entries(period, agency, cutoff, reports):
    indicators = Indicator.objects.published().filter(under(plan_paths(period.year)))
    if agency is not None:
        indicators = indicators.filter(responsible_agency=agency)
    indicators = list(
        indicators.select_related("responsible_agency", "area").order_by("area__path", "sort_order", "code")
    )
    figures = figures_by_indicator(indicators, cutoff)
    entries = []
    for indicator in indicators:
        own = [f for f in figures.get(indicator.pk, []) if f["scope"] == indicator.level]
        progress = rules.indicator_progress(
            indicator.comparator, indicator.target_value, indicator.target_value_max, indicator.frequency,
            [rules.Figure(f["period"], f["value"]) for f in own], period.year, cutoff, reports,
        )  # fmt: skip
        latest = next((f for f in reversed(own) if progress.latest and f["period"] == progress.latest.period), None)
        entries.append(
            {
                "code": indicator.code,
                "area": indicator.area.number,
                "metric": indicator.metric,
                "target": describe_target(
                    indicator.comparator, indicator.target_value, indicator.target_value_max, indicator.unit
                ),
                "agency": indicator.responsible_agency.name if indicator.responsible_agency else "",
                "status": progress.status,
                "value": format_result(latest["value"], indicator.comparator, indicator.unit) if latest else "",
                "period": period_label(latest["period"]) if latest else "",
                "source": latest["source_name"] if latest else "",
                "source_url": latest["source_url"] if latest else "",
                "captured_on": latest["captured_on"].isoformat() if latest else "",
                "demo": bool(latest and latest["is_demo"]),
            }
        )
    return entries


def task_entries(period, agency, cutoff, lines):
    tasks = Task.objects.published().filter(under(plan_paths(period.year)))
    if agency is not None:
        tasks = tasks.filter(lead_agency=agency)
    tasks = list(tasks.select_related("lead_agency", "area").order_by("area__path", "sort_order"))
    latest = latest_reports(tasks, cutoff)
    closed = period.kind == "year" and period.year in closed_years()
    verdicts = year_verdicts([period.year]) if closed else {}
    entries = []
    for task in tasks:
        report = latest.get(task.pk)
        status = rules.task_status(
            task.due_date,
            report and report["status"],
            report and report["percent"],
            cutoff,
            closed,
            verdicts.get(task.pk),
        )
        line = lines.get(task.pk)
        entries.append(
            {
                "code": task.code,
                "area": task.area.number,
                "text": task.text,
                "agency": task.lead_agency.name if task.lead_agency else "",
                "status": status,
                "done": line.done if line else "",
                "verdict_reason": line.verdict_reason if line else "",
                "evidence": line.evidence_links if line else [],
                "demo": bool((report and report["is_demo"]) or (line and line.report.is_demo)),
            }
        )
    return entries


def area_entries(period, indicators, tasks):
    areas = AreaPage.objects.live().filter(under(plan_paths(period.year), "path"))
    entries = []
    for area in areas.order_by("path"):
        own_indicators = [i["status"] for i in indicators if i["area"] == area.number]
        own_tasks = [t["status"] for t in tasks if t["area"] == area.number]
        if not own_indicators and not own_tasks:
            continue
        entries.append(
            {
                "number": area.number,
                "title": area.heading_as_written,
                "indicators": {status: own_indicators.count(status) for status in rules.INDICATOR_STATUSES},
                "tasks": {status: own_tasks.count(status) for status in rules.ALL_TASK_STATUSES},
            }
        )
    return entries


def assemble(period, agency=None, today=None):
    """The report of `period` (the province's, or `agency`'s) as a JSON-ready dict."""
    today = today or timezone.localdate()
    cutoff = period.data_to
    reports = periods_for([period.year, period.year + 1])
    published = AgencyReport.objects.filter(period=period, live=True).select_related("agency")
    if agency is not None:
        published = published.filter(agency=agency)
    lines = {line.task_id: line for line in TaskLine.objects.filter(report__in=published).select_related("report")}
    indicators = indicator_entries(period, agency, cutoff, reports)
    tasks = task_entries(period, agency, cutoff, lines)
    rows = period_rows(period, today, [agency] if agency is not None else None)
    return {
        "version": SNAPSHOT_VERSION,
        "taken_on": today.isoformat(),
        "period": {
            "name": period.name,
            "kind": period.kind,
            "year": period.year,
            "data_from": period.data_from.isoformat(),
            "data_to": cutoff.isoformat(),
            "deadline": period.deadline.isoformat(),
        },
        "agency": agency.name if agency is not None else "",
        "areas": area_entries(period, indicators, tasks),
        "indicators": indicators,
        "tasks": tasks,
        "agency_reports": [
            {
                "agency": row.agency.name,
                "state": row.state,
                "sent_on": row.sent_on.isoformat() if row.sent_on else "",
                "demo": bool(row.report and row.report.is_demo),
            }
            for row in rows
        ],
        "difficulties": [
            {"agency": report.agency.name, "text": report.difficulties} for report in published if report.difficulties
        ],
        "proposals": [
            {"agency": report.agency.name, "text": report.proposals} for report in published if report.proposals
        ],
        "counts": {
            "indicators": {
                status: sum(i["status"] == status for i in indicators) for status in rules.INDICATOR_STATUSES
            },
            "tasks": {status: sum(t["status"] == status for t in tasks) for status in rules.ALL_TASK_STATUSES},
        },
        "demo": any(i["demo"] for i in indicators)
        or any(t["demo"] for t in tasks)
        or published.filter(is_demo=True).exists(),
    }
