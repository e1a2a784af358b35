"""What the page of one area reads about itself besides its tasks and indicators, in
plain SQL: the ORM takes longer to build these small statements than the database to
run them."""

from django.db import connection

from plan.content.provenance_data import area_key
from plan.models import Agency, AreaPage, Indicator, LoadRecord, PlanPage, Task, UpdatePage


def area_facts(area, plan_pk):
    """(the year of the plan `plan_pk`, what load_plan wrote for `area` or None, whether
    some update is linked to a task or an indicator of the area), in one statement: the
    ancestors the router read for the breadcrumbs need no query of their own, and most
    areas have no linked update, whose listing query then need not run (as on the pages
    of a task or an indicator, only the link tables are read here)."""
    quoted = (connection.ops.quote_name(m._meta.db_table) for m in (PlanPage, LoadRecord, Task, Indicator))
    plan, record, task, indicator = quoted
    task_links, indicator_links = (
        connection.ops.quote_name(f.remote_field.through._meta.db_table)
        for f in (UpdatePage._meta.get_field("tasks"), UpdatePage._meta.get_field("indicators"))
    )
    sql = (
        f"SELECT (SELECT year FROM {plan} WHERE page_ptr_id = %s), "
        f'(SELECT "values" FROM {record} WHERE "key" = %s), '
        f"EXISTS (SELECT 1 FROM {task_links} l JOIN {task} t ON t.id = l.task_id WHERE t.area_id = %s) "
        f"OR EXISTS (SELECT 1 FROM {indicator_links} l JOIN {indicator} i ON i.id = l.indicator_id "
        "WHERE i.area_id = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan_pk, area_key(area), area.pk, area.pk])
        year, loaded, has_updates = cursor.fetchone()
    # The JSON as the ORM decodes it (Django has both backends return it as text).
    loaded = LoadRecord._meta.get_field("values").from_db_value(loaded, None, connection)
    return year, loaded, bool(has_updates)


def area_agencies(area):
    """{"answerable_agencies": [...], "supporting_agencies": [...]} of an area (section IV),
    by name, in one statement: what queries.area_agencies gives, as Agency objects with
    the code and name that the page shows."""
    agency = connection.ops.quote_name(Agency._meta.db_table)
    answerable = connection.ops.quote_name(AreaPage.answerable_agencies.through._meta.db_table)
    supporting = connection.ops.quote_name(AreaPage.supporting_agencies.through._meta.db_table)
    sql = (
        f"SELECT a.id, a.code, a.name, a.id IN (SELECT agency_id FROM {answerable} WHERE areapage_id = %s) "
        f"FROM {agency} a WHERE a.id IN (SELECT agency_id FROM {answerable} WHERE areapage_id = %s) "
        f"OR a.id IN (SELECT agency_id FROM {supporting} WHERE areapage_id = %s) ORDER BY a.name, a.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [area.pk] * 3)
        rows = cursor.fetchall()
    found = {"answerable_agencies": [], "supporting_agencies": []}
    for pk, code, name, is_answerable in rows:
        found["answerable_agencies" if is_answerable else "supporting_agencies"].append(
            Agency(pk=pk, code=code, name=name)
        )
    return found
