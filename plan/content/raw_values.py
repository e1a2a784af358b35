"""What hand-written statements share: a model's quoted table name, and the values
they read as the ORM would give them. Each backend
returns some columns its own way (SQLite: decimals as floats, dates as text where a
subquery hides the column's type, date-times naive, booleans as integers; JSON is text
on both); Django's converters for the model field turn the value into what the field
holds. Build a converter once per statement: working out a field's converters costs
more than applying them."""

from django.db import connection


def table(model):
    """The model's table, quoted for the database."""
    return connection.ops.quote_name(model._meta.db_table)


def value_converter(field):
    """A function: a raw value of the column of `field` (a model field) -> the ORM's."""
    column = field.get_col(field.model._meta.db_table)
    steps = connection.ops.get_db_converters(column) + column.get_db_converters(connection)

    def convert(value):
        for step in steps:
            value = step(value, column, connection)
        return value

    return convert


def row_converter(fields):
    """A function: a raw row whose columns are those of `fields`, in order -> the ORM's values."""
    converters = [value_converter(field) for field in fields]

    def convert(row):
        return [convert_value(value) for convert_value, value in zip(converters, row, strict=True)]

    return convert
