"""Run the import worker in tests as production does: the `import_worker` command
takes the tasks the admin queued in the database (django-tasks-db) and runs them,
then exits (--batch). No address-space cap: it would apply to the test process."""

import io

from django.core.management import call_command


def run_import_worker():
    call_command("import_worker", "--batch", "--memory-mb", "0", verbosity=0, stdout=io.StringIO())


def upload_and_check(client, upload_url, data):
    """Upload through the admin, run the worker's check, and return the batch page."""
    response = client.post(upload_url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    run_import_worker()
    return client.get(response["Location"])
