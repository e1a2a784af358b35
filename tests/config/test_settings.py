import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings.base import search_backends

REPO = Path(__file__).resolve().parent.parent.parent


def run_settings(module, env):
    code = (
        f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='{module}'; from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.LANGUAGE_CODE, settings.TIME_ZONE)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**clean, **env}, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("config.settings.production", {})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    "key",
    ["x" * 50, "short-but-varied-key-0123", "django-insecure-" + "0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGH"],
)
def test_production_refuses_to_start_with_a_weak_secret_key(key):
    result = run_settings("config.settings.production", {"SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY is weak" in result.stderr


def test_production_reads_the_database_url():
    result = run_settings(
        "config.settings.production",
        {
            "SECRET_KEY": "test-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": "postgres://u:p@db:5432/cchc",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "vi", "Asia/Ho_Chi_Minh"]


def test_sqlite_is_the_embedded_default():
    result = run_settings("config.settings.dev", {})
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"


def test_search_backend_follows_elasticsearch_url():
    assert search_backends("")["default"]["BACKEND"] == "wagtail.search.backends.database"
    backend = search_backends("http://es.internal:9200")["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["http://es.internal:9200"]


def test_models_and_migrations_agree():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def production_page_cache(env):
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.production'; "
        "import django; django.setup(); from django.conf import settings; from plan.public import page_cache; "
        "print(settings.CACHES.get('pages', {}).get('LOCATION', '-'), type(page_cache.store()).__name__)"
    )
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PAGE_CACHE_DIR")}
    env = {**base, "SECRET_KEY": "test-production-key-0123456789-abcdefghijklmnopqrstuvwxyz", **env}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)


def test_production_keeps_pages_in_files_unless_told_otherwise(tmp_path):
    files = production_page_cache({"PAGE_CACHE_DIR": str(tmp_path)})
    assert files.returncode == 0, files.stderr
    assert files.stdout.split() == [str(tmp_path), "FileBasedCache"]
    default = production_page_cache({})
    assert default.stdout.split() == [str(REPO / "var" / "page-cache"), "FileBasedCache"]
    database = production_page_cache({"PAGE_CACHE_DIR": ""})
    assert database.stdout.split() == ["-", "SharedDatabaseCache"]
