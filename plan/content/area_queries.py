"""What the page of one area reads about itself besides its tasks and indicators, in
plain SQL: the ORM takes longer to build these small statements than the database to
run them."""

from typing import NamedTuple

from django.db import connection
from wagtail.models import PageLogEntry, Revision

from plan.content import history
from plan.content.area_items import (
    AreaIndicator,
    AreaTask,
    LatestReport,
    LatestResult,
    Related,
    SharedAgencies,
)
from plan.content.codes import INDICATOR_KEY
from plan.content.history_data import LIMIT, PUBLISH, agency_names
from plan.content.provenance_data import area_key
from plan.content.raw_values import table, value_converter
from plan.models import (
    Agency,
    AreaPage,
    Indicator,
    LoadRecord,
    PlanPage,
    Result,
    Task,
    TaskProgress,
    Topic,
    UpdatePage,
)


def link_table(model, field):
    return table(model._meta.get_field(field).remote_field.through)


def rows_of(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def area_tasks(area):
    """The area's tasks as AreaTask, in order, each with its lead agency and `report`
    (LatestReport of its latest progress report, or None), in one statement; area_facts
    adds their coordinating agencies and topics."""
    task, agency, report = table(Task), table(Agency), table(TaskProgress)
    found = rows_of(
        f'SELECT t.id, t.code, t."group", t.text, t.lead_agency_derived, t.coordinating_derived, t.deadline_text, '
        f"t.due_date, a.id, a.code, a.name, r.status, r.percent, r.is_demo FROM {task} t "
        f"LEFT JOIN {agency} a ON a.id = t.lead_agency_id LEFT JOIN {report} r ON r.id = ("
        f"SELECT l.id FROM {report} l WHERE l.task_id = t.id ORDER BY l.reported_on DESC, l.created_at DESC LIMIT 1) "
        "WHERE t.area_id = %s ORDER BY t.sort_order, t.id",
        [area.pk],
    )
    agencies, area_url = SharedAgencies(), area.url if found else ""
    day = value_converter(Task._meta.get_field("due_date"))
    return [
        AreaTask(
            pk=pk,
            code=code,
            group=group,
            text=text,
            lead_agency=agencies.get_or_make(*lead),
            lead_agency_derived=bool(derived),
            coordinating_derived=bool(coordinating),
            deadline_text=deadline,
            due_date=day(due),
            area=area,
            area_id=area.pk,
            area_url=area_url,
            report=LatestReport(status, percent, bool(demo)) if status is not None else None,
            coordinating_agencies=Related(),
            topics=Related(),
        )
        for pk, code, group, text, derived, coordinating, deadline, due, *lead, status, percent, demo in found
    ]


class AreaFacts(NamedTuple):
    year: int  # of the plan: the progress rules' deadline
    loaded: dict | None  # what load_plan wrote for the area
    has_updates: bool  # whether some update is linked to a task or an indicator of the area
    versions: list  # [(published_at, content)] oldest first: the area's published revisions
    agencies: dict  # {"answerable_agencies": [...], "supporting_agencies": [...]} (section IV), by name


def area_facts(area, plan_pk, tasks=()):
    """AreaFacts of `area` in the plan `plan_pk`, and each of `tasks` (area_tasks) given
    its coordinating agencies and topics (by name, then pk: as queries.with_links orders
    them): all the page reads besides the rows of its tasks and indicators, in one
    statement, a row per fact (`kind`): the plan's year, what load_plan wrote and
    whether an update is linked (the ancestors the router read need no query of their
    own; most areas have no linked update, whose listing query then need not run), each
    published version (decoded only when there are two to compare: most areas have
    one), each link. Columns a kind does not use are NULL: the first two rows give
    PostgreSQL the columns' types."""
    plan, record, task, indicator = (table(m) for m in (PlanPage, LoadRecord, Task, Indicator))
    task_updates, indicator_updates = link_table(UpdatePage, "tasks"), link_table(UpdatePage, "indicators")
    revision, log, agency, topic = table(Revision), table(PageLogEntry), table(Agency), table(Topic)
    coordinating, topics = link_table(Task, "coordinating_agencies"), link_table(Task, "topics")
    answerable, supporting = link_table(AreaPage, "answerable_agencies"), link_table(AreaPage, "supporting_agencies")
    sql = (
        f"SELECT 0, CASE WHEN EXISTS (SELECT 1 FROM {task_updates} l JOIN {task} t ON t.id = l.task_id "
        f"WHERE t.area_id = %s) OR EXISTS (SELECT 1 FROM {indicator_updates} l JOIN {indicator} i "
        "ON i.id = l.indicator_id WHERE i.area_id = %s) THEN 1 ELSE 0 END, "
        f"(SELECT year FROM {plan} WHERE page_ptr_id = %s), "
        f'(SELECT CAST("values" AS TEXT) FROM {record} WHERE "key" = %s), NULL, NULL, NULL '
        f"UNION ALL SELECT 1, r.id, NULL, NULL, NULL, r.created_at, r.content FROM {revision} r WHERE r.id IN ("
        f"SELECT l.revision_id FROM {log} l WHERE l.page_id = %s AND l.action = %s AND l.revision_id IS NOT NULL) "
        f"UNION ALL SELECT 2, l.task_id, a.id, a.code, a.name, NULL, NULL FROM {coordinating} l "
        f"JOIN {agency} a ON a.id = l.agency_id JOIN {task} t ON t.id = l.task_id WHERE t.area_id = %s "
        f"UNION ALL SELECT 3, l.task_id, c.id, c.slug, c.name, NULL, NULL FROM {topics} l "
        f"JOIN {topic} c ON c.id = l.topic_id JOIN {task} t ON t.id = l.task_id WHERE t.area_id = %s "
        f"UNION ALL SELECT 4, NULL, a.id, a.code, a.name, NULL, NULL FROM {answerable} l "
        f"JOIN {agency} a ON a.id = l.agency_id WHERE l.areapage_id = %s "
        f"UNION ALL SELECT 5, NULL, a.id, a.code, a.name, NULL, NULL FROM {supporting} l "
        f"JOIN {agency} a ON a.id = l.agency_id WHERE l.areapage_id = %s "
        "ORDER BY 1, 6, 5, 3, 2"
    )
    params = [area.pk, area.pk, plan_pk, area_key(area), area.pk, PUBLISH, *[area.pk] * 4]
    (_, has_updates, year, loaded, *_), *found = rows_of(sql, params)
    versions, agencies, by_pk = [], SharedAgencies(), {t.pk: t for t in tasks}
    moment = value_converter(Revision._meta.get_field("created_at"))
    answerable_agencies, supporting_agencies = [], []
    for kind, owner, pk, key, name, when, content in found:
        if kind == 1:
            versions.append((moment(when), content))
        elif kind == 2:
            by_pk[owner].coordinating_agencies.append(agencies.get_or_make(pk, key, name))
        elif kind == 3:
            by_pk[owner].topics.append(Topic(pk=pk, slug=key, name=name))
        else:
            (answerable_agencies if kind == 4 else supporting_agencies).append(agencies.get_or_make(pk, key, name))
    if len(versions) > 1:
        decode = value_converter(Revision._meta.get_field("content"))
        versions = [(when, decode(content)) for when, content in versions]
    else:
        versions = [(when, None) for when, _content in versions]
    answerable_pks = {a.pk for a in answerable_agencies}
    return AreaFacts(
        year,
        value_converter(LoadRecord._meta.get_field("values"))(loaded),
        bool(has_updates),
        versions,
        {
            "answerable_agencies": answerable_agencies,
            "supporting_agencies": [a for a in supporting_agencies if a.pk not in answerable_pks],
        },
    )


def area_indicators(area):
    """(the area's live indicators as AreaIndicator, in order, each with what load_plan
    wrote (`loaded_values`); {indicator pk: [LatestResult]}: its results of its own
    level and their latest period end, all that its status rests on), in one statement."""
    indicator, agency, result, record = table(Indicator), table(Agency), table(Result), table(LoadRecord)
    found = rows_of(
        "SELECT i.id, i.code, i.original_wording, i.statement, i.metric, i.unit, i.comparator, i.target_value, "
        "i.target_value_max, i.level, i.frequency, i.public_source, i.public_source_url, i.live_revision_id, "
        f'a.id, a.code, a.name, (SELECT "values" FROM {record} WHERE "key" = %s || i.code), '
        "r.period, r.scope, r.value, r.source_name, r.source_url, r.captured_on, r.is_demo "
        f"FROM {indicator} i LEFT JOIN {agency} a ON a.id = i.responsible_agency_id "
        # The results of each indicator's level, with the latest end among them (a window
        # over the area's results rather than a subquery per indicator).
        "LEFT JOIN (SELECT m.*, MAX(m.period_end) OVER (PARTITION BY m.indicator_id) AS latest_end "
        f"FROM {result} m JOIN {indicator} j ON j.id = m.indicator_id "
        "WHERE j.area_id = %s AND j.live AND m.scope = j.level) r "
        "ON r.indicator_id = i.id AND r.period_end = r.latest_end "
        "WHERE i.area_id = %s AND i.live ORDER BY i.sort_order, i.code",
        [INDICATOR_KEY, area.pk, area.pk],
    )
    agencies, area_url = SharedAgencies(), area.url if found else ""
    target, target_upper, figure, day, record_values = (
        value_converter(model._meta.get_field(name))
        for model, name in (
            (Indicator, "target_value"),
            (Indicator, "target_value_max"),
            (Result, "value"),
            (Result, "captured_on"),
            (LoadRecord, "values"),
        )
    )
    indicators, results = {}, {}
    for row in found:
        pk, code, wording, statement, metric, unit, comparator, target_value, target_max, level, frequency = row[:11]
        if pk not in indicators:
            indicators[pk] = AreaIndicator(
                pk=pk,
                code=code,
                original_wording=wording,
                statement=statement,
                metric=metric,
                unit=unit,
                comparator=comparator,
                target_value=target(target_value),
                target_value_max=target_upper(target_max),
                level=level,
                frequency=frequency,
                public_source=row[11],
                public_source_url=row[12],
                live_revision_id=row[13],
                responsible_agency=agencies.get_or_make(*row[14:17]),
                loaded_values=record_values(row[17]),
                area=area,
                area_id=area.pk,
                area_url=area_url,
            )
        period, scope, value, source, source_url, captured, demo = row[18:]
        if period is not None:
            results.setdefault(pk, []).append(
                LatestResult(
                    indicator_id=pk,
                    period=period,
                    scope=scope,
                    value=figure(value),
                    source_name=source,
                    source_url=source_url,
                    captured_on=day(captured),
                    is_demo=bool(demo),
                )
            )
    return list(indicators.values()), results


def area_history(facts):
    """What history_data.page_history(area, history.AREA_FIELDS) gives, from the area's
    AreaFacts: the changes between its published versions, newest first."""
    return history.versions(facts.versions, history.AREA_FIELDS, agency_names())[:LIMIT]
