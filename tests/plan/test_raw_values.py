"""Hand-written statements read model objects as the ORM would build them
(plan/content/raw_values.py), on SQLite and PostgreSQL alike."""

from decimal import Decimal

import pytest

from plan.content.raw_values import columns, read_rows, table, value_converter
from plan.models import Agency, Indicator, LoadRecord, Result
from tests.builders import unsaved_result

pytestmark = pytest.mark.django_db


def read_indicator(code, fields=None):
    indicator, agency = columns(Indicator, "i", fields), columns(Agency, "a", shared=True)
    sql = (
        f"SELECT {indicator.sql}, {agency.sql}, i.code || '!' FROM {table(Indicator)} i "
        f"LEFT JOIN {table(Agency)} a ON a.id = i.responsible_agency_id WHERE i.code = %s"
    )
    return read_rows(sql, [code], [indicator, agency, str.upper])


def test_objects_and_values_are_those_the_orm_gives():
    expected = Indicator.objects.select_related("responsible_agency").get(code="3.a.2")
    unsaved_result(indicator=expected, value=Decimal("96.4")).save()
    [[indicator, agency, shouted]] = read_indicator("3.a.2")
    for field in Indicator._meta.concrete_fields:
        assert getattr(indicator, field.attname) == getattr(expected, field.attname), field.name
    assert agency == expected.responsible_agency and agency.name == expected.responsible_agency.name
    assert shouted == "3.A.2!"
    assert isinstance(indicator.target_value, (Decimal, type(None))) and not indicator._state.adding
    figure, day = (value_converter(Result._meta.get_field(name)) for name in ("value", "captured_on"))
    # SQLite gives a float and a text date here, PostgreSQL a Decimal and a date
    assert read_rows(f"SELECT value, captured_on FROM {table(Result)}", [], [figure, day]) == [
        [Decimal("96.4000"), unsaved_result().captured_on]
    ]


def test_a_row_a_left_join_did_not_find_is_none_and_fields_not_read_are_deferred():
    indicator = Indicator.objects.get(code="3.a.2")
    Indicator.objects.filter(pk=indicator.pk).update(responsible_agency=None)
    [[read, agency, _]] = read_indicator("3.a.2", ("statement", "id"))
    assert agency is None
    assert read.statement == indicator.statement
    assert "target_value" in read.get_deferred_fields() and "statement" not in read.get_deferred_fields()


def test_json_is_decoded_as_the_orm_decodes_it():
    LoadRecord.objects.create(key="thu", values={"chỉ tiêu": ["96%", 1]})
    decode = value_converter(LoadRecord._meta.get_field("values"))
    assert read_rows(f'SELECT "values" FROM {table(LoadRecord)} WHERE "key" = %s', ["thu"], [decode]) == [
        [{"chỉ tiêu": ["96%", 1]}]
    ]


def test_a_shared_part_makes_one_object_per_key():
    agency = columns(Agency, "a", shared=True)
    sql = f"SELECT {agency.sql} FROM {table(Indicator)} i JOIN {table(Agency)} a ON a.id = i.responsible_agency_id"
    made = [row[0] for row in read_rows(sql, [], [agency])]
    by_key = {}
    for item in made:
        by_key.setdefault(item.pk, set()).add(id(item))
    assert len(made) > len(by_key) and all(len(ids) == 1 for ids in by_key.values())
    assert len(by_key) == Agency.objects.filter(indicators__isnull=False).distinct().count()
