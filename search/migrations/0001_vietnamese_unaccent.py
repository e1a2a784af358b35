"""A PostgreSQL text-search configuration that folds diacritics, for Wagtail's
database search backend (SEARCH_CONFIG in config/settings/base.py): the `simple`
configuration (no stemming, which Vietnamese syllables do not want) with the
`unaccent` dictionary in front, so "Thủ tục", "thu tuc" and "THỦ TỤC" give the same
lexemes. Nothing to do on SQLite, whose index gets the same effect from the folded
copy of each item's text (search/folding.py).

After this migration on a database that already has a search index, rebuild it:
`manage.py update_index`."""

from django.db import migrations

CONFIG = "vietnamese_unaccent"
TOKEN_TYPES = "word, hword, hword_part, numword, numhword, hword_numpart"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(
        f"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
                CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple);
            END IF;
        END
        $$
        """
    )
    schema_editor.execute(f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {TOKEN_TYPES} WITH unaccent, simple")


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
