"""Which indicators and tasks need their agency's attention: rules as plain
functions, then one function that gathers them per agency from the database."""

from dataclasses import dataclass, field
from datetime import timedelta

from plan.content.continuity import answered_for, answering_agencies
from plan.models import Indicator, Task
from plan.progress import rows, rules
from plan.vocabulary import ReminderKind, TaskStatus

DUE_SOON_DAYS = 14
REMINDER_LABELS = dict(ReminderKind.choices)


def indicator_reminder(next_due, late, today, horizon=DUE_SOON_DAYS):
    """ "late" when the next figure is overdue, "due_soon" when it is due within the
    horizon, None otherwise (or when no more figure is expected)."""
    if next_due is None:
        return None
    if late:
        return ReminderKind.LATE
    if next_due <= today + timedelta(days=horizon):
        return ReminderKind.DUE_SOON
    return None


def task_reminder(due_date, status, today, horizon=DUE_SOON_DAYS):
    """ "overdue" past the deadline and not done, "due_soon" within the horizon."""
    if due_date is None or status == TaskStatus.DONE:
        return None
    if today > due_date:
        return ReminderKind.OVERDUE
    if due_date <= today + timedelta(days=horizon):
        return ReminderKind.DUE_SOON
    return None


@dataclass
class AgencyReminders:
    agency: object
    indicators: list = field(default_factory=list)  # [(reminder, IndicatorRow)]
    tasks: list = field(default_factory=list)  # [(reminder, TaskRow)]

    @property
    def count(self):
        return len(self.indicators) + len(self.tasks)


def reminders_by_agency(today, agencies=None, horizon=DUE_SOON_DAYS):
    """{agency pk: AgencyReminders} for live indicators and tasks of live areas. Only
    what may be due within the horizon is read (from the stored next due date), so that
    the work follows what is due, not the size of the plan."""
    horizon_end = today + timedelta(days=horizon)
    indicators = Indicator.objects.live().filter(responsible_agency__isnull=False, next_due__lte=horizon_end)
    tasks = (
        Task.objects.live()
        .filter(lead_agency__isnull=False, due_date__lte=horizon_end)
        .exclude(status=TaskStatus.DONE)
        .order_by("area__path", "sort_order")
    )
    if agencies is not None:
        agencies = answered_for(agencies, today)
        indicators = indicators.filter(responsible_agency__in=agencies)
        tasks = tasks.filter(lead_agency__in=agencies)
    grouped, answering = {}, answering_agencies(today)
    for row in rows.indicator_rows(indicators.for_table()):
        reminder = indicator_reminder(row.next_due, rules.is_late(row.next_due, today), today, horizon)
        if reminder:
            agency = answering(row.indicator.responsible_agency)
            grouped.setdefault(agency.pk, AgencyReminders(agency)).indicators.append((reminder, row))
    for row in rows.task_rows(tasks.for_table()):
        reminder = task_reminder(row.task.due_date, row.status.code, today, horizon)
        if reminder:
            agency = answering(row.task.lead_agency)
            grouped.setdefault(agency.pk, AgencyReminders(agency)).tasks.append((reminder, row))
    return grouped
