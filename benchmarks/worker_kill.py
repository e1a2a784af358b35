"""A worker killed mid-check, on a throwaway PostgreSQL cluster (issue 21, finding 12).

    .venv/bin/python benchmarks/worker_kill.py [--rows 190000]

Prepares the site as benchmarks/db_restart_load.py does, starts the import worker,
queues the check of a file of `--rows` rows, kills the worker (SIGKILL) while it
checks, starts a new one as systemd or scripts/run.sh would, and measures how long
after the kill the batch was closed and its task record marked failed. Prints the
figures; loopback only."""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import worker_probe  # noqa: E402
from db_restart_load import PYTHON, Cluster, prepare, site_environment  # noqa: E402

QUEUE = """
import uuid
from django.contrib.auth import get_user_model
from plan.models import ImportBatch
from plan.results import tasks
from plan.results.uploads import upload_dir
user, _ = get_user_model().objects.get_or_create(username="do-tai-benchmark", defaults={"is_superuser": True})
name = uuid.uuid4().hex
row = "3.a.2,2024-Q1,95,Benchmark,15/04/2024\\n"
(upload_dir() / f"{name}.csv").write_text("ma_chi_tieu,ky,gia_tri,nguon,ngay_thu_thap\\n" + row * ROWS, "utf-8")
batch = ImportBatch.objects.create(
    file_name="lon.csv", stored_name=f"{name}.csv", file_format="csv", submitted_by=user, status="queued"
)
tasks.check_batch.enqueue(batch.pk)
print(batch.pk, name)
"""
STATE = """
from django_tasks_db.models import DBTaskResult
from plan.models import ImportBatch
batch = ImportBatch.objects.get(pk=PK)
print(batch.status, ",".join(DBTaskResult.objects.values_list("status", flat=True)))
"""


def shell(env, code):
    result = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1].split()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=190_000)
    args = parser.parse_args()
    cluster = Cluster()
    worker = None
    try:
        env = {**site_environment(cluster.url, cluster.folder), "IMPORT_MAX_ROWS": str(args.rows + 10)}
        prepare(env)
        log = os.path.join(cluster.folder, "worker.log")
        worker, _log = worker_probe.start_worker(PYTHON, REPO, env, log)
        pk, name = shell(env, QUEUE.replace("ROWS", str(args.rows)))
        state = STATE.replace("PK", pk)
        waited = time.monotonic()
        while (seen := shell(env, state))[0] != "checking":
            if seen[0] != "queued" or time.monotonic() - waited > 120:
                raise SystemExit(f"the check was not seen running: {seen}")
            time.sleep(0.2)
        os.killpg(worker.pid, signal.SIGKILL)
        killed = time.monotonic()
        worker.wait()
        print("killed while checking:", shell(env, state))
        worker, _log = worker_probe.start_worker(PYTHON, REPO, env, log + ".2")
        while (found := shell(env, state))[0] in ("checking", "queued"):
            if time.monotonic() - killed > 120:
                break
            time.sleep(0.2)
        upload = Path(cluster.folder, "imports", f"{name}.csv")
        print(
            f"after a new worker started: {found}, closed {time.monotonic() - killed:.2f} s after the kill, "
            f"upload {'still there' if upload.exists() else 'deleted'}"
        )
    finally:
        if worker is not None and worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)
        cluster.remove()


if __name__ == "__main__":
    main()
