"""The import worker outlives a database outage and closes what a stopped worker left
(issue 21, findings 3 and 12). The outage is simulated in this process (the
connection refuses every query, as test_faults does) and ends after the worker's
third wait; the waits are recorded, not slept. A killed worker is a process of this
machine that has exited, whose id is on a RUNNING task record."""

import subprocess
from contextlib import ExitStack
from unittest import mock

import pytest
from django.db import connection, connections
from django.db.utils import OperationalError
from django_tasks_db.models import DBTaskResult

from plan.management.commands import import_worker
from plan.models import ImportBatch
from plan.results import tasks, workers
from tests import builders
from tests.plan.test_import_hostile import STORED
from tests.plan.test_import_worker import queued_batch, reviewer, upload_dir  # noqa: F401 (fixtures)
from tests.plan.worker import run_import_worker

pytestmark = pytest.mark.django_db

OUTAGE_LOGGED = "không kết nối được cơ sở dữ liệu"


class Outage:
    """The database refusing every query until `end()`."""

    def __init__(self):
        self.stack = ExitStack()

    def start(self):
        def refuse(*args, **kwargs):
            raise OperationalError("server closed the connection unexpectedly")

        self.stack.enter_context(mock.patch.object(connection, "cursor", side_effect=refuse))
        self.stack.enter_context(mock.patch.object(connection, "ensure_connection", side_effect=refuse))

    def end(self):
        self.stack.close()


@pytest.fixture
def outage(monkeypatch):
    """(the outage, the waits): the outage ends at the third wait. Connections are not
    really closed: the test's transaction must survive."""
    down, waits = Outage(), []

    def wait(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            down.end()

    monkeypatch.setattr(import_worker, "sleep", wait)
    monkeypatch.setattr(connections, "close_all", lambda: None)
    yield down, waits
    down.end()


def test_an_outage_at_start_is_waited_out_with_backoff_and_logged(outage, upload_dir, tmp_path, reviewer, caplog):  # noqa: F811
    down, waits = outage
    batch = queued_batch(upload_dir, tmp_path, reviewer, [STORED])
    tasks.check_batch.enqueue(batch.pk)
    down.start()
    with caplog.at_level("WARNING", logger=import_worker.__name__):
        run_import_worker()
    assert waits == [1, 2, 4]
    assert sum(OUTAGE_LOGGED in record.getMessage() for record in caplog.records) == 3
    batch.refresh_from_db()
    assert batch.status == "checked" and DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_an_outage_mid_task_closes_that_task_when_the_database_is_back(
    outage,
    upload_dir,  # noqa: F811
    tmp_path,
    django_user_model,
    monkeypatch,
):
    """The database goes while a check runs: the task cannot even be marked failed, the
    worker survives, and once the database is back the batch is closed, not left
    "Đang kiểm tra" with its task RUNNING for ever. Committed as in production (the
    worker's own transactions see the outage, not the test's)."""
    builders.ensure_plan_loaded()  # a transactional test empties every table when it ends
    down, waits = outage
    user = django_user_model.objects.create_superuser("quantri", "quantri@example.org", "mat-khau-thu-nghiem")
    batch = queued_batch(upload_dir, tmp_path, user, [STORED])
    tasks.check_batch.enqueue(batch.pk)

    def database_goes(*args, **kwargs):
        down.start()
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(tasks, "run", database_goes)
    run_import_worker(in_test_transaction=False)
    assert waits == [1, 2, 4]
    batch.refresh_from_db()
    assert (batch.status, batch.message) == ("failed", workers.STOPPED)
    assert not (upload_dir / batch.stored_name).exists()
    assert DBTaskResult.objects.get().status == "FAILED"


def exited_pid():
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def running_task(batch, task, worker_id):
    task.enqueue(batch.pk)
    result = DBTaskResult.objects.get(status="READY")
    result.claim(worker_id)
    return result


def test_a_killed_workers_batch_is_closed_when_a_worker_starts(upload_dir, tmp_path, reviewer):  # noqa: F811
    dead = queued_batch(upload_dir, tmp_path, reviewer, [STORED], status="importing", name="d" * 32)
    dead_task = running_task(dead, tasks.import_batch, f"{workers.HOST}:{exited_pid()}:abcdefgh")
    living_process = subprocess.Popen(["sleep", "60"])
    try:
        alive = queued_batch(upload_dir, tmp_path, reviewer, [STORED], status="checking", name="e" * 32)
        alive_task = running_task(alive, tasks.check_batch, f"{workers.HOST}:{living_process.pid}:abcdefgh")
        elsewhere = queued_batch(upload_dir, tmp_path, reviewer, [STORED], status="checking", name="f" * 32)
        elsewhere_task = running_task(elsewhere, tasks.check_batch, f"another-host:{exited_pid()}:abcdefgh")
        run_import_worker()
    finally:
        living_process.kill()
        living_process.wait()
    for batch in (dead, alive, elsewhere):
        batch.refresh_from_db()
    for task in (dead_task, alive_task, elsewhere_task):
        task.refresh_from_db()
    assert (dead.status, dead.message, dead_task.status) == ("failed", workers.STOPPED, "FAILED")
    assert not (upload_dir / dead.stored_name).exists()
    assert "abcdefgh" in dead_task.traceback
    # A worker still alive, or one on another machine, is left alone.
    assert (alive.status, alive_task.status) == ("checking", "RUNNING")
    assert (elsewhere.status, elsewhere_task.status) == ("checking", "RUNNING")
    assert ImportBatch.objects.filter(status="failed").count() == 1
