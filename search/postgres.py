"""Full-text search of tasks and indicators on PostgreSQL, one plain SQL statement
each, read as plain rows.

It asks the index that Wagtail's database backend keeps (its index entries, folded by
the `vietnamese_unaccent` configuration of search/migrations) the question Wagtail's
search API would ask for every word of a query: the same match, the same relevance
order, the same tie-break. Through the search API, building that statement from the
ORM's expressions, reading back the combined vector it selects and making each row a
model object cost as much again as running it (benchmarks/search_latency.py); here
the statement is written once and its rows stay rows.

tests/search/test_postgres_query.py checks, on PostgreSQL, that this and the search
API give the same items in the same order, so that a change of Wagtail's index shows
up there."""

from itertools import combinations
from types import SimpleNamespace

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections

MATCH = "(entry.title || entry.body) @@ to_tsquery(%s::regconfig, %s)"

# Wagtail's relevance: the title's rank scaled by its norm, plus the body's rank.
RANK = (
    "ts_rank(%s::float4[], entry.title, to_tsquery(%s::regconfig, %s)) * entry.title_norm"
    " + ts_rank(%s::float4[], entry.body, to_tsquery(%s::regconfig, %s))"
)

STATEMENT = """
SELECT {columns}
FROM {table}
JOIN wagtailsearch_indexentry AS entry
  ON entry.content_type_id = %s AND entry.object_id = {table}.{pk}::varchar(50)
WHERE {where} AND {match}
ORDER BY {order}
LIMIT %s
"""


def handles(backend):
    """Whether `backend` is Wagtail's database backend on PostgreSQL."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def lexeme(word):
    """A word as a tsquery operand, quoted as Wagtail quotes it."""
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


def tsquery(words, minimum):
    """Every word ("'a' & 'b'"), or any `minimum` of them ("('a' & 'b') | ('a' & 'c')")."""
    if minimum >= len(words):
        return " & ".join(lexeme(word) for word in words)
    return " | ".join("(" + " & ".join(lexeme(word) for word in group) + ")" for group in combinations(words, minimum))


def search(queryset, fields, words, minimum, limit, ranked, config):
    """The rows of `queryset` that have at least `minimum` of the folded `words`: at
    most `limit`, each an object with the model's `fields` (attribute names, such as
    "area_id") and `pk`. The queryset's filters are kept (on its own columns: the
    statement joins no other table), not its ordering. Ordered by Wagtail's
    relevance when `ranked` (for a query of every word; Wagtail ranks an "or"
    otherwise), else newest first, as Wagtail orders them. `config` is the
    text-search configuration of the backend's index."""
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    model, connection = queryset.model, connections[queryset.db]
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    try:
        where, where_params = queryset.query.get_compiler(connection=connection).compile(queryset.query.where)
    except EmptyResultSet:  # a filter no row passes, such as "area in []"
        return []
    except FullResultSet:  # no filter
        where, where_params = "TRUE", []
    query = tsquery(words, minimum)
    order, order_params = f"{table}.{pk} DESC", []
    if ranked:
        weights = get_sql_weights()
        order, order_params = f"{RANK} DESC, {order}", [weights, config, query, weights, config, query]
    pk_name = model._meta.pk.attname
    fields = [pk_name, *[name for name in fields if name != pk_name]]
    columns = [model._meta.get_field(name).column for name in fields]
    sql = STATEMENT.format(
        columns=", ".join(f"{table}.{quote(column)}" for column in columns),
        table=table,
        pk=pk,
        where=where,
        match=MATCH,
        order=order,
    )
    params = [ContentType.objects.get_for_model(model).pk, *where_params, config, query, *order_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [SimpleNamespace(**dict(zip(fields, row, strict=True)), pk=row[0]) for row in rows]
