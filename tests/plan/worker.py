"""Run the import worker in tests as production does: the `import_worker` command
takes the tasks the admin queued in the database (django-tasks-db) and runs them,
then exits (--batch). No address-space cap: it would apply to the test process."""

import io
from contextlib import nullcontext
from unittest import mock

from django.core.management import call_command


def run_import_worker(in_test_transaction=True):
    """In a test wrapped in a transaction (pytest-django's default), the worker's
    close_old_connections() would close that transaction's connection on PostgreSQL
    (SQLite's in-memory test database ignores it): there it is left open. Transactional
    tests (django_db(transaction=True)) pass False and run the worker untouched."""
    keep_connection = mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections")
    with keep_connection if in_test_transaction else nullcontext():
        call_command("import_worker", "--batch", "--memory-mb", "0", verbosity=0, stdout=io.StringIO())


def upload_and_check(client, upload_url, data):
    """Upload through the admin, run the worker's check, and return the batch page."""
    response = client.post(upload_url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    run_import_worker()
    return client.get(response["Location"])
