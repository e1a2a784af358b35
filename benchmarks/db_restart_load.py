"""A bounded load test with a database restart in the middle (issue 11).

    .venv/bin/python benchmarks/db_restart_load.py [--clients 50] [--seconds 30] [--restart-at 10] [--down 3]

Starts a throwaway PostgreSQL cluster (as benchmarks/pgcluster.py does: as the
postgres user when run as root), migrates it, creates the cache table, loads the
2024 plan and its demo figures, collects the static files, then serves the site with
gunicorn on 127.0.0.1 (loopback only) with the production settings (SECRET_KEY set,
SECURE_SSL_REDIRECT=0). `--clients` threads request public pages, the open-data CSV
and the API for `--seconds`; at `--restart-at` seconds the database is stopped,
kept down `--down` seconds and started again. Prints the answers by status, the
errors (connection failures, 200s with a truncated CSV, 503s without Retry-After),
and the time the site took to recover once the database was back. The import worker
runs beside the server (benchmarks/worker_probe.py): the report says whether it still
runs afterwards, whether it then checks a file, how many outage waits it logged, and
how many exports were cut short (a CSV answered 200 with fewer lines than the complete
file, or cut mid-body). Writes the same to benchmarks/results/db_restart_load.md."""

import argparse
import collections
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import worker_probe  # noqa: E402
from pgcluster import as_owner, free_port, postgres_bin  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "db_restart_load.md"
PYTHON = REPO / ".venv" / "bin" / "python"
GUNICORN = REPO / ".venv" / "bin" / "gunicorn"
PATHS = [
    "/",
    "/ke-hoach/cchc-2024/",
    "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/",
    "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/",
    "/ke-hoach/cchc-2024/tien-do/",
    "/du-lieu/ket-qua.csv",
    "/du-lieu/chi-tieu.json",
    "/api/v2/pages/?limit=20",
]


class Cluster:
    def __init__(self):
        self.binaries = postgres_bin()
        self.folder = tempfile.mkdtemp(prefix="bench-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.data, self.port = os.path.join(self.folder, "data"), free_port()
        initdb = [f"{self.binaries}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        as_owner([*initdb, "--locale=C.UTF-8"], self.folder)
        self.start()
        createdb = [f"{self.binaries}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "bench"]
        as_owner(createdb, self.folder)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/bench"

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        log = os.path.join(self.folder, "server.log")
        as_owner([f"{self.binaries}/pg_ctl", "-D", self.data, "-l", log, "-w", "-o", options, "start"], self.folder)

    def stop(self):
        as_owner([f"{self.binaries}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"], self.folder)

    def remove(self):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def site_environment(database_url, folder):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "RESULT_UPLOAD_DIR": os.path.join(folder, "imports"),
        "PAGE_CACHE_DIR": os.path.join(folder, "page-cache"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "CRITICAL",
    }


def prepare(env):
    # Production settings refuse demo figures; this throwaway database loads them with
    # the development settings, then the server runs with the production ones.
    demo_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    for command, command_env in (
        (["migrate", "--no-input", "-v0"], env),
        (["createcachetable"], env),
        (["load_plan", "-v0"], env),
        (["load_demo_results"], demo_env),
        (["collectstatic", "--no-input", "-v0"], env),
    ):
        subprocess.run(
            [str(PYTHON), "manage.py", *command], cwd=REPO, env=command_env, check=True, stdout=subprocess.DEVNULL
        )


COMPLETE_LINES = {}  # path → the line count of the complete CSV, read before the load


def fetch(url):
    """(status, problem or None, seconds) for one request."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        problem = None
        if error.code == 503 and not error.headers.get("Retry-After"):
            problem = "503 without Retry-After"
        return error.code, problem, time.monotonic() - started
    except Exception as error:  # noqa: BLE001 (every failure is a figure)
        name = type(error).__name__
        if url.endswith(".csv") and name in ("IncompleteRead", "ProtocolError", "RemoteDisconnected"):
            name = "export cut short"
        return 0, name, time.monotonic() - started
    problem = None
    complete = COMPLETE_LINES.get(url.split("/", 3)[-1])
    if url.endswith(".csv") and (body.count(b"\n") < 2 or (complete and body.count(b"\n") != complete)):
        problem = "export cut short"
    return status, problem, time.monotonic() - started


def run_clients(base, clients, seconds, start):
    records, lock = [], threading.Lock()

    def client(number):
        index = number
        while time.monotonic() - start < seconds:
            path = PATHS[index % len(PATHS)]
            index += 1
            sent = time.monotonic() - start
            status, problem, took = fetch(base + path)
            with lock:
                records.append((sent, sent + took, path, status, problem))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return records


def wait_until_up(base, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fetch(base + "/")[0] == 200:
            return
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer")


def percentile(values, share):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(len(values) * share / 100))]


def summarise(records, events, args, worker):
    statuses = collections.Counter(status for _s, _e, _p, status, _x in records)
    problems = collections.Counter(problem for *_r, problem in records if problem)
    back = events["started"]
    failures = sorted(end for _s, end, _p, status, _x in records if status != 200)
    first_ok_after = min((end for _s, end, _p, status, _x in records if end >= back and status == 200), default=None)
    latencies = sorted(end - sent for sent, end, _p, status, _x in records if status == 200)
    outage = f"{failures[0]:.1f} s to {failures[-1]:.1f} s" if failures else "none"
    recovered = max(failures[-1] - back, 0) if failures else 0
    lines = [
        "# Load with a database restart",
        "",
        f"`benchmarks/db_restart_load.py --clients {args.clients} --seconds {args.seconds:g} "
        f"--restart-at {args.restart_at:g} --down {args.down:g}`: gunicorn ({args.workers} workers, production "
        "settings, PostgreSQL on loopback) on 127.0.0.1; the database is stopped (`pg_ctl stop -m fast`), "
        "kept down, then started again.",
        "",
        f"- requests: {len(records)} in {args.seconds:g} s ({len(records) / args.seconds:.0f}/s); "
        f"200 latency median {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s",
        f"- database: stop asked at {events['stopping']:.1f} s, down at {events['stopped']:.1f} s, "
        f"up again at {back:.1f} s",
        "- answers: " + ", ".join(f"{status or 'no answer'}: {count}" for status, count in sorted(statuses.items())),
        "- errors: "
        + (
            ", ".join(f"{name}: {count}" for name, count in problems.items())
            or "no truncated CSV, no 503 without Retry-After"
        )
        + f"; 500s: {statuses.get(500, 0)}; connection failures: {statuses.get(0, 0)}",
        f"- non-200 answers seen from {outage}",
        f"- exports cut short (a CSV 200 shorter than the complete file, or cut mid-body): "
        f"{problems.get('export cut short', 0)}",
        f"- import worker: {'still running' if worker['alive'] else 'NOT running'} after the load; "
        f"{worker['outage_lines']} outage waits logged; a file queued afterwards was "
        f"“{worker['check'][0]}” after {worker['check'][1]:.2f} s",
        f"- time to recover once the database was up: {recovered:.2f} s (last non-200 answer "
        + (f"at {failures[-1] - back:+.2f} s" if failures else "none")
        + "); first 200 completed "
        + (f"{first_ok_after - back:.2f} s after" if first_ok_after is not None else "never"),
        "",
        "| path | 200 | 503 | other |",
        "| --- | --- | --- | --- |",
    ]
    for path in PATHS:
        mine = collections.Counter(status for _s, _e, p, status, _x in records if p == path)
        other = sum(count for status, count in mine.items() if status not in (200, 503))
        lines.append(f"| `{path}` | {mine.get(200, 0)} | {mine.get(503, 0)} | {other} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--restart-at", type=float, default=10)
    parser.add_argument("--down", type=float, default=3)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    cluster = Cluster()
    server = worker = None
    try:
        env = site_environment(cluster.url, cluster.folder)
        prepare(env)
        worker_log = os.path.join(cluster.folder, "worker.log")
        worker, _log = worker_probe.start_worker(PYTHON, REPO, env, worker_log)
        port = free_port()
        server_log = open(os.path.join(cluster.folder, "gunicorn.log"), "w")  # noqa: SIM115 (closed with the cluster)
        server = subprocess.Popen(
            [
                str(GUNICORN),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--timeout",
                "30",
                "--log-level",
                "critical",
            ],
            cwd=REPO,
            env=env,
            start_new_session=True,
            stderr=server_log,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        for path in PATHS:
            if path.endswith(".csv"):
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    COMPLETE_LINES[path.lstrip("/")] = response.read().count(b"\n")
        start, events = time.monotonic(), {}

        def restart():
            time.sleep(args.restart_at)
            events["stopping"] = time.monotonic() - start
            cluster.stop()
            events["stopped"] = time.monotonic() - start
            time.sleep(args.down)
            cluster.start()
            events["started"] = time.monotonic() - start

        restarter = threading.Thread(target=restart)
        restarter.start()
        records = run_clients(base, args.clients, args.seconds, start)
        restarter.join()
        alive = worker.poll() is None
        check = worker_probe.check_one_file(PYTHON, REPO, env) if alive else ("not run: the worker had exited", 0.0)
        worker_state = {"alive": alive, "check": check, "outage_lines": worker_probe.outage_lines(worker_log)}
        report = summarise(records, events, args, worker_state)
        print(report)
        RESULTS.write_text(report, encoding="utf-8")
    finally:
        for process in (server, worker):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=60)
        cluster.remove()


if __name__ == "__main__":
    main()
