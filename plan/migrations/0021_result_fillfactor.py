"""On PostgreSQL, the results' pages are filled to 45 %: an import that corrects every
figure writes each result's new version beside the old one on its page, without a new
entry in its indexes (a "HOT" update: none of the columns it writes is indexed but
updated_by, the same when the editor who wrote the figures corrects them). At 70 % only
the first third of a page's rows found room. Rows written from now on are placed so;
those already stored move when they are next changed (or at once with VACUUM FULL).
Measured in docs/architecture.md ("Imports"). SQLite has no such setting."""

from django.db import migrations

FILLFACTOR = 45


def alter(apps, schema_editor, setting):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(apps.get_model("plan", "Result")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} {setting}")


def leave_room(apps, schema_editor):
    alter(apps, schema_editor, f"SET (fillfactor = {FILLFACTOR})")


def fill_pages(apps, schema_editor):
    alter(apps, schema_editor, "RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0020_result_indicator_no_own_index"),
    ]

    operations = [
        migrations.RunPython(leave_room, fill_pages),
    ]
