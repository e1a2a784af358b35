"""The import worker beside the server in benchmarks/db_restart_load.py: started with
the site's settings, its log kept, and after the load a file checked through it, to
show it outlived the database restart (issue 21)."""

import subprocess

OUTAGE_LOGGED = "không kết nối được cơ sở dữ liệu"

# Run by `manage.py shell -c`: an upload of one row, queued for the worker's check,
# then waited for (at most 60 s). Prints the batch's status and the seconds it took.
CHECK_ONE_FILE = """
import time, uuid
from django.contrib.auth import get_user_model
from plan.models import ImportBatch
from plan.results import tasks
from plan.results.uploads import upload_dir
user, _ = get_user_model().objects.get_or_create(username="do-tai-benchmark", defaults={"is_superuser": True})
name = uuid.uuid4().hex
rows = "ma_chi_tieu,ky,gia_tri,nguon,ngay_thu_thap\\n3.a.2,2024-Q1,95,Benchmark,15/04/2024\\n"
(upload_dir() / f"{name}.csv").write_text(rows, encoding="utf-8")
batch = ImportBatch.objects.create(
    file_name="benchmark.csv", stored_name=f"{name}.csv", file_format="csv", submitted_by=user, status="queued"
)
tasks.check_batch.enqueue(batch.pk)
started = time.monotonic()
while time.monotonic() - started < 60:
    batch.refresh_from_db()
    if batch.status not in ("queued", "checking"):
        break
    time.sleep(0.25)
print(batch.status, f"{time.monotonic() - started:.2f}")
"""


def start_worker(python, repo, env, log_path):
    log = open(log_path, "w")  # noqa: SIM115 (closed by stop_worker)
    worker_env = {**env, "LOG_LEVEL": "WARNING"}  # its outage lines are the figure
    process = subprocess.Popen(
        [str(python), "manage.py", "import_worker", "--interval", "0.5"],
        cwd=repo,
        env=worker_env,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process, log


def check_one_file(python, repo, env):
    """(status, seconds) of a file checked by the running worker."""
    result = subprocess.run(
        [str(python), "manage.py", "shell", "-c", CHECK_ONE_FILE],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.strip().splitlines()  # Django 5.2's shell may first say what it imported
    words = lines[-1].split() if lines else []
    if len(words) == 2:
        return words[0], float(words[1])
    return "error: " + (result.stderr or result.stdout)[-300:], 0.0


def outage_lines(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        return sum(OUTAGE_LOGGED in line for line in log)
