"""A GIN index on the expression Wagtail's PostgreSQL backend matches against
(title || body), so that a search reads the index instead of every entry of the
model's content type: 37 ms → 8 ms for a 4-word query over 10,000 tasks and
indicators (benchmarks/search_latency.py). Nothing to do on SQLite, where Wagtail
searches its own FTS5 table."""

from django.db import migrations

INDEX = "site_search_indexentry_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ((title || body))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_vietnamese_unaccent"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
