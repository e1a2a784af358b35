"""What hand-written statements share: a model's quoted table name, and the values
they read as the ORM would give them. Each backend
returns some columns its own way (SQLite: decimals as floats, dates as text where a
subquery hides the column's type, date-times naive, booleans as integers; JSON is text
on both); Django's converters for the model field turn the value into what the field
holds. Build a converter once per statement: working out a field's converters costs
more than applying them."""

import functools

from django.db import connection

QUOTE = connection.ops.quote_name


def table(model):
    """The model's table, quoted for the database."""
    return QUOTE(model._meta.db_table)


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


class Columns:
    """Some fields of a model (all its columns by default; in the model's order,
    whatever the order given) in a hand-written SELECT under the table alias `alias`,
    and the model object they make (`make`) as the ORM would build it, the fields not
    read deferred. `shared`: read_rows makes one object for the rows of one key (an
    agency named on many rows). Build it with columns(): once per process."""

    def __init__(self, model, alias, fields=None, shared=False):
        self.model, self.shared = model, shared
        wanted = None if fields is None else set(fields)
        self.fields = [field for field in model._meta.concrete_fields if wanted is None or field.attname in wanted]
        self.sql = ", ".join(f"{alias}.{QUOTE(field.column)}" for field in self.fields)
        self.attnames = None if fields is None else [field.attname for field in self.fields]
        self.convert = row_converter(self.fields)
        self.key_index = [field.primary_key for field in self.fields].index(True)

    def make(self, values):
        """The object of a row's raw values of these columns, or None where its key is
        NULL (a LEFT JOIN that found nothing)."""
        if values[self.key_index] is None:
            return None
        return self.model.from_db(connection.alias, self.attnames, self.convert(values))


@functools.cache
def columns(model, alias, fields=None, shared=False):
    """Columns(model, alias, fields, shared), built once: working out the converters of
    a model's fields costs more than reading a row. `fields`: a tuple of attribute
    names (for a foreign key, its column's: "area_id"), or None for all."""
    return Columns(model, alias, fields, shared)


def read_rows(sql, params, parts):
    """The rows of a hand-written statement, each as a list with an item per part of
    `parts`, which take its columns in order: Columns (as many columns as its fields)
    gives a model object, a function (value_converter, bool...) one column's value."""
    sizes = [len(part.fields) if isinstance(part, Columns) else 1 for part in parts]
    made = [{} if isinstance(part, Columns) and part.shared else None for part in parts]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    read = []
    for row in rows:
        items, start = [], 0
        for part, size, shared in zip(parts, sizes, made, strict=True):
            if not isinstance(part, Columns):
                items.append(part(row[start]))
            elif shared is None:
                items.append(part.make(row[start : start + size]))
            else:
                key = row[start + part.key_index]
                if key not in shared:
                    shared[key] = part.make(row[start : start + size])
                items.append(shared[key])
            start += size
        read.append(items)
    return read
