"""Run the import worker: the tasks of the "imports" backend (plan/results/tasks.py),
one at a time, in this process, under an address-space cap. It outlives a database
outage: it logs it, waits (1, 2, 4 … up to MAX_BACKOFF seconds) and starts again,
and each start closes what a stopped worker left running (plan/results/workers.py)."""

import logging
import resource
from time import monotonic, sleep

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from config.faults import OUTAGE_ERRORS
from plan.results import workers

logger = logging.getLogger(__name__)
MAX_BACKOFF = 30


def cap_memory(megabytes):
    """Lower this process's soft address-space limit (the hard one is left as it is)."""
    if megabytes <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))


class Command(BaseCommand):
    help = (
        "Chạy tiến trình nhập kết quả: kiểm tra và nhập các tệp tải lên trong trang quản trị, "
        "lần lượt từng tệp, với giới hạn bộ nhớ (IMPORT_WORKER_MEMORY_MB) và thời gian (IMPORT_TASK_TIMEOUT)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Chạy hết các việc đang chờ rồi dừng.")
        parser.add_argument(
            "--memory-mb",
            type=int,
            default=None,
            help="Giới hạn bộ nhớ (MB); mặc định IMPORT_WORKER_MEMORY_MB, 0: không.",
        )
        parser.add_argument("--interval", type=float, default=1, help="Số giây chờ giữa hai lần tìm việc mới.")

    def handle(self, *args, batch, memory_mb, interval, verbosity, **options):
        cap_memory(settings.IMPORT_WORKER_MEMORY_MB if memory_mb is None else memory_mb)
        arguments = ["--backend", "imports", "--no-reload", "--interval", str(interval)]
        if batch:
            arguments += ["--batch", "--no-startup-delay"]
        delay = 1
        while True:
            started = monotonic()
            worker_id = workers.new_worker_id()
            try:
                workers.close_stopped_tasks(worker_id)
                call_command("db_worker", *arguments, "--worker-id", worker_id, verbosity=verbosity)
                return
            except OUTAGE_ERRORS as error:
                if monotonic() - started > MAX_BACKOFF:  # it had been running: a new outage
                    delay = 1
                logger.warning(
                    "Tiến trình nhập: không kết nối được cơ sở dữ liệu (%s: %s); thử lại sau %g giây.",
                    error.__class__.__name__,
                    str(error).strip()[:200],
                    delay,
                )
                connections.close_all()
                sleep(delay)
                delay = min(delay * 2, MAX_BACKOFF)
