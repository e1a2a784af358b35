"""Run the import worker: the tasks of the "imports" backend (plan/results/tasks.py),
one at a time, in this process, under an address-space cap."""

import resource

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


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
        call_command("db_worker", *arguments, verbosity=verbosity)
