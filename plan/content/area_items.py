"""The area page's tasks and indicators as light rows (plan/content/area_queries.py
reads them): what the tables and the provenance marks show, without a model object
per row, and the values of raw columns as the ORM would give them on SQLite and
PostgreSQL alike."""

from datetime import date
from decimal import Context, Decimal
from types import SimpleNamespace
from typing import NamedTuple

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from plan.models import Agency
from plan.progress.periods import parse_period
from plan.progress.targets import describe_target
from plan.vocabulary import AdministrativeLevel

LEVELS = dict(AdministrativeLevel.choices)
SQLITE_DIGITS = Context(prec=15)  # SQLite keeps 15 significant digits (as Django reads them)


def decimal(value, places):
    """A DecimalField's value as the ORM gives it: PostgreSQL gives a Decimal, SQLite a
    number that Django rounds to the field's decimal places."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return Decimal(value).quantize(Decimal(1).scaleb(-places))
    return SQLITE_DIGITS.create_decimal_from_float(value).quantize(Decimal(1).scaleb(-places))


def day(value):
    """A date column: SQLite gives text where it does not know the column's type."""
    return value if value is None or isinstance(value, date) else parse_date(value)


def moment(value):
    """A date and time column as the ORM gives it: aware (SQLite gives it naive, or as text)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)
    return value


class Related(list):
    """A task's coordinating agencies or topics, read as its related manager would be."""

    def all(self):
        return self


class AreaTask(SimpleNamespace):
    """A task as the area's table shows it: code, group, text, lead agency, coordinating
    agencies and topics (Related), deadline, `detail_url`, and the facts its provenance
    compares with what load_plan wrote."""


class AreaIndicator(SimpleNamespace):
    """An indicator as the area's table shows it, with the facts of its provenance and
    the status rule's inputs."""

    @property
    def target_display(self):
        return describe_target(self.comparator, self.target_value, self.target_value_max, self.unit)

    def get_level_display(self):
        return LEVELS.get(self.level, self.level)


class LatestResult(SimpleNamespace):
    """A result of an indicator's latest period, with what the figure cell shows."""

    @property
    def period_label(self):
        period = parse_period(self.period)
        return period.label if period else self.period

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
