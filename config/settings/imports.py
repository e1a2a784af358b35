"""Settings of the results import and sync: which public sources may be fetched, and
the limits every imported file is held to (docs/operations.md, "Configuration")."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Public sources of results (manage.py sync_results / import_results URL): only these
# hosts, never internal addresses, at most this many bytes and seconds.
RESULT_SOURCES_ALLOWED_HOSTS = env_list(
    "RESULT_SOURCES_ALLOWED_HOSTS", "dichvucong.gov.vn,.dichvucong.gov.vn,.haiduong.gov.vn"
)
RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = False
RESULT_SOURCES_MAX_BYTES = int(os.environ.get("RESULT_SOURCES_MAX_BYTES", str(20 * 1024 * 1024)))
RESULT_SOURCES_TIMEOUT = float(os.environ.get("RESULT_SOURCES_TIMEOUT", "20"))
RESULT_UPLOAD_DIR = os.environ.get("RESULT_UPLOAD_DIR", str(BASE_DIR / "var" / "imports"))
RESULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024

# Hardened imports (docs/operations.md, "Configuration"): outbound fetches, limits on every
# imported file, one import writing at a time, retention of uploaded files.
RESULT_SOURCES_ALLOWED_PORTS = [int(p) for p in env_list("RESULT_SOURCES_ALLOWED_PORTS", "80,443")]
RESULT_UPLOAD_RETENTION_DAYS = int(os.environ.get("RESULT_UPLOAD_RETENTION_DAYS", "7"))
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", str(50 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "200000"))
IMPORT_MAX_COLUMNS = int(os.environ.get("IMPORT_MAX_COLUMNS", "50"))
IMPORT_MAX_FIELD_CHARS = int(os.environ.get("IMPORT_MAX_FIELD_CHARS", "2000"))
IMPORT_JSON_MAX_DEPTH = int(os.environ.get("IMPORT_JSON_MAX_DEPTH", "10"))
IMPORT_JSON_MAX_NUMBER_CHARS = int(os.environ.get("IMPORT_JSON_MAX_NUMBER_CHARS", "40"))
IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES = int(os.environ.get("IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES", str(200 * 1024 * 1024)))
IMPORT_XLSX_MAX_RATIO = int(os.environ.get("IMPORT_XLSX_MAX_RATIO", "100"))
IMPORT_XLSX_MAX_SHARED_STRINGS_BYTES = int(
    os.environ.get("IMPORT_XLSX_MAX_SHARED_STRINGS_BYTES", str(20 * 1024 * 1024))
)
IMPORT_XLSX_MAX_MEMBERS = int(os.environ.get("IMPORT_XLSX_MAX_MEMBERS", "100"))
IMPORT_LOCK_TIMEOUT = float(os.environ.get("IMPORT_LOCK_TIMEOUT", "30"))

# The import worker (docs/operations.md, "The import worker"): uploads are checked and imported
# by `manage.py import_worker`, which runs the tasks django-tasks-db keeps in the
# database (backend "imports"). Wagtail's own tasks keep the default backend, run at once.
IMPORT_WORKER_APPS = ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# A check or an import that runs longer is stopped, writes nothing and is recorded as
# failed; the worker's address space is capped at IMPORT_WORKER_MEMORY_MB (0: no cap).
IMPORT_TASK_TIMEOUT = float(os.environ.get("IMPORT_TASK_TIMEOUT", "300"))
IMPORT_WORKER_MEMORY_MB = int(os.environ.get("IMPORT_WORKER_MEMORY_MB", "1500"))
