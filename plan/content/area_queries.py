"""What the page of one area reads about itself besides its tasks and indicators, in
plain SQL: the ORM takes longer to build these small statements than the database to
run them."""

from django.db import connection

from plan.content.provenance_data import area_key
from plan.models import Agency, AreaPage, LoadRecord, PlanPage


def plan_year_and_loaded(area, plan_pk):
    """(the year of the plan `plan_pk`, what load_plan wrote for `area` or None), in one
    statement: the ancestors the router read for the breadcrumbs need no query of their own."""
    plan, record = (connection.ops.quote_name(m._meta.db_table) for m in (PlanPage, LoadRecord))
    sql = f'SELECT (SELECT year FROM {plan} WHERE page_ptr_id = %s), (SELECT "values" FROM {record} WHERE "key" = %s)'
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan_pk, area_key(area)])
        year, loaded = cursor.fetchone()
    # The JSON as the ORM decodes it (Django has both backends return it as text).
    loaded = LoadRecord._meta.get_field("values").from_db_value(loaded, None, connection)
    return year, loaded


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
