"""The reminders (the admin's "Việc cần cập nhật" and remind_due) read only what may be
due, in a number of queries that does not grow with what is due, and find the same items
as the rules applied to every live indicator and task."""

from datetime import date

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from plan.editorial.admin.reports import reminder_rows
from plan.editorial.reminders import DUE_SOON_DAYS, indicator_reminder, reminders_by_agency, task_reminder
from plan.models import Indicator, Task
from plan.progress import rules

pytestmark = pytest.mark.django_db

DAYS = [date(2024, 1, 2), date(2024, 7, 15), date(2025, 3, 1), date(2030, 1, 1)]


def every_item(today):
    """The rules over every live indicator and task, nothing left out by the query."""
    found = set()
    for indicator in Indicator.objects.live().filter(responsible_agency__isnull=False):
        late = rules.is_late(indicator.next_due, today)
        if indicator_reminder(indicator.next_due, late, today, DUE_SOON_DAYS):
            found.add(("chi-tieu", indicator.code))
    for task in Task.objects.live().filter(lead_agency__isnull=False):
        if task_reminder(task.due_date, task.status, today, DUE_SOON_DAYS):
            found.add(("nhiem-vu", task.code))
    return found


@pytest.mark.parametrize("today", DAYS)
def test_the_reminders_are_those_the_rules_give_for_every_item(today):
    grouped = reminders_by_agency(today)
    found = {("chi-tieu", row.indicator.code) for r in grouped.values() for _kind, row in r.indicators}
    found |= {("nhiem-vu", row.task.code) for r in grouped.values() for _kind, row in r.tasks}
    assert found == every_item(today)


def test_the_report_costs_the_same_queries_however_much_is_due(admin_user):
    request = RequestFactory().get("/admin/bao-cao/viec-can-cap-nhat/")
    reminder_rows(admin_user, DAYS[-1], request)  # the site's root paths, read once and kept in the cache
    counts = {}
    for today in (DAYS[1], DAYS[-1]):
        with CaptureQueriesContext(connection) as queries:
            rows = reminder_rows(admin_user, today, request)
        counts[today] = (len(queries), len(rows))
    (few_queries, few_rows), (many_queries, many_rows) = counts[DAYS[1]], counts[DAYS[-1]]
    assert many_rows > few_rows + 10
    # the queries and the prefetches of each kind of row, not one per row (the addresses included)
    assert few_queries <= many_queries <= 6 < many_rows
