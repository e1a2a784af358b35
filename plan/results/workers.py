"""Import workers' identities, and what a worker that stopped mid-task leaves behind.

A worker's id names its host and process ("host:pid:token", a new token at each
start). A task still RUNNING under the id of a process of this host that no longer
exists (killed: memory, kill -9, a crash), or under an earlier run of this very
process (a database outage cut that run), runs no more: nothing of it was written
(its transaction was rolled back), so its batch is closed as failed, its upload
deleted and its task record marked failed. A worker does this when it starts, so one
restarted by systemd or scripts/run.sh closes its predecessor's batch at once. A task
of a worker on another host is left to tasks.expire_stale_batches (after
IMPORT_TASK_TIMEOUT + 60 s)."""

import logging
import os
import socket

from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from plan.models import ImportBatch
from plan.results import tasks
from plan.vocabulary import ImportBatchStatus as Status

logger = logging.getLogger(__name__)
BACKEND = "imports"
HOST = socket.gethostname()[:40]
STOPPED = (
    "Tiến trình nhập đã dừng giữa chừng (hết bộ nhớ, bị dừng hoặc mất kết nối cơ sở dữ liệu): "
    f"{tasks.NOTHING_WRITTEN}. Hãy tải tệp lên lại."
)


class WorkerStopped(Exception):
    """Recorded on the task record of a worker that stopped while running it."""


def new_worker_id():
    return f"{HOST}:{os.getpid()}:{get_random_string(8)}"


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def has_stopped(worker_id, current_id):
    """True when `worker_id` is surely not running its task any more; False when it
    may be, or cannot be told (another host, an id of another form)."""
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host != HOST or not pid.isascii() or not pid.isdigit() or worker_id == current_id:
        return False
    return int(pid) == os.getpid() or not process_exists(int(pid))


def close_stopped_tasks(current_id):
    """Close what workers that stopped mid-task left running; the number closed."""
    closed = 0
    for result in DBTaskResult.objects.running().filter(backend_name=BACKEND):
        worker_id = result.worker_ids[-1] if result.worker_ids else ""
        if not has_stopped(worker_id, current_id):
            continue
        batch_ids = (result.args_kwargs or {}).get("args") or []
        for batch in ImportBatch.objects.filter(pk__in=batch_ids[:1], status__in=[Status.CHECKING, Status.IMPORTING]):
            tasks.fail(batch, STOPPED)
        result.set_failed(WorkerStopped(f"Tiến trình nhập {worker_id} đã dừng khi đang chạy việc này."))
        logger.warning("Tiến trình nhập %s đã dừng giữa chừng: đóng việc %s (tệp %s).", worker_id, result.pk, batch_ids)
        closed += 1
    return closed
