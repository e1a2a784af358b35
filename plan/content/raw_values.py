"""What hand-written statements share: a model's quoted table name, and the values
they read as the ORM would give them. Each backend
returns some columns its own way (SQLite: decimals as floats, dates as text where a
subquery hides the column's type, date-times naive, booleans as integers; JSON is text
on both); Django's converters for the model field turn the value into what the field
holds. Build a converter once per statement: working out a field's converters costs
more than applying them."""

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
    read deferred."""

    def __init__(self, model, alias, fields=None):
        self.model = model
        wanted = None if fields is None else {field.attname for field in fields}
        self.fields = [field for field in model._meta.concrete_fields if wanted is None or field.attname in wanted]
        self.sql = ", ".join(f"{alias}.{QUOTE(field.column)}" for field in self.fields)
        self.attnames = None if fields is None else [field.attname for field in self.fields]
        self.convert = row_converter(self.fields)
        self.key_index = [field.primary_key for field in self.fields].index(True)

    def make(self, values):
        """The object of a row's raw values of these columns, or None where its key is
        NULL (a LEFT JOIN that found nothing)."""
        values = self.convert(values)
        key = values[self.key_index]
        return None if key is None else self.model.from_db(connection.alias, self.attnames, values)


def read_rows(sql, params, parts):
    """The rows of a hand-written statement, each as a list with an item per part of
    `parts`, which take its columns in order: Columns (as many columns as its fields)
    gives a model object, a function (value_converter, bool...) one column's value."""
    sizes = [len(part.fields) if isinstance(part, Columns) else 1 for part in parts]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    read = []
    for row in rows:
        items, start = [], 0
        for part, size in zip(parts, sizes, strict=True):
            if isinstance(part, Columns):
                items.append(part.make(row[start : start + size]))
            else:
                items.append(part(row[start]))
            start += size
        read.append(items)
    return read
