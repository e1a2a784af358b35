"""Requests per second over HTTP: the framework's floor, the site's floor, a static file
and cached pages, as browsers ask for them.

    .venv/bin/python benchmarks/http_load.py [--rounds 3] [--seconds 3] [--connections 1,8,32]
        [--baseline DIR]

A throwaway PostgreSQL cluster, the 2024 plan, production settings (`collectstatic`, the
database cache, pages cached in files), gunicorn with 2 workers on 127.0.0.1, and `wrk`
(Debian's) with `Accept-Encoding: gzip, br`, one target at a time, the targets interleaved
in each round; medians of the rounds. Two servers: the site's, and the same settings
with no middleware at all (`benchmarks/http_floor/settings.py`, BARE=1), which serves
the framework's floor view `/__floor__/` (two bytes, no template, no query).

--baseline DIR: the code of another commit, exported there (`git archive REF | tar -x -C
DIR`), served by a third gunicorn on the same database with its own page cache: its
site floor and cached pages run in the same rounds, as "before: …", and the report
adds each page's figure after ÷ before (a change measured on a shared machine).

Targets (issue 27): a cached page ≥ 0.8× the site's floor view; the site's floor ≥ 0.7×
the no-middleware floor; a static file ≥ 0.9× the site's floor. Figures go to stdout and
benchmarks/results/http.md."""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from pgcluster import free_port, throwaway_cluster  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "http.md"
SITE_FLOOR = "floor, the site's stack"
BARE_FLOOR = "floor, no middleware"
PLAN = "/ke-hoach/cchc-2024/"
PAGES = {
    "home (cached)": "/",
    "plan (cached)": PLAN,
    "indicator (cached)": PLAN + "cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/",
    "dashboard (cached)": PLAN + "tien-do/",
}
HEADERS = {"Accept-Encoding": "gzip, br"}
BEFORE = "before: "


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)


def wait(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/__floor__/", timeout=2)  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn không trả lời trên cổng {port}")


def static_path(port):
    html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode()  # noqa: S310
    return re.search(r'href="(/static/[^"]+\.css)"', html).group(1)


def wrk(port, path, connections, seconds):
    command = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += [arg for name, value in HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{path}: non-2xx answers\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--connections", default="1,8,32")
    parser.add_argument("--baseline", type=Path, help="an export of the code to compare with")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("Thiếu wrk: apt-get install wrk")
    levels = [int(c) for c in args.connections.split(",")]
    started = time.monotonic()
    servers = []
    with throwaway_cluster() as database_url, tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "PYTHONPATH": f"{REPO}:{REPO / 'benchmarks'}",
            "DJANGO_SETTINGS_MODULE": "http_floor.settings",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": f"{folder}/static",
            "PAGE_CACHE_DIR": f"{folder}/pages",
        }
        for step in (["collectstatic", "--no-input"], ["migrate", "--no-input"], ["createcachetable"], ["load_plan"]):
            manage(env, *step)
        site, bare, before = free_port(), free_port(), free_port()
        runs = [(site, REPO, {}), (bare, REPO, {"BARE": "1"})]
        if args.baseline:
            code = args.baseline.resolve()
            path = {"PYTHONPATH": f"{code}:{code / 'benchmarks'}", "PAGE_CACHE_DIR": f"{folder}/pages-before"}
            runs.append((before, code, path))
        try:
            for port, code, extra in runs:
                command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
                servers.append(subprocess.Popen(command, cwd=code, env={**env, **extra}, stderr=subprocess.DEVNULL))
            for port, _code, _extra in runs:
                wait(port)
            targets = {BARE_FLOOR: (bare, "/__floor__/"), SITE_FLOOR: (site, "/__floor__/")}
            targets["static file"] = (site, static_path(site))
            targets.update({name: (site, path) for name, path in PAGES.items()})
            if args.baseline:
                targets[BEFORE + SITE_FLOOR] = (before, "/__floor__/")
                targets.update({BEFORE + name: (before, path) for name, path in PAGES.items()})
            for port, path in targets.values():  # fill the page cache
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()  # noqa: S310
            figures = {(name, c): [] for name in targets for c in levels}
            for round_number in range(args.rounds):
                for connections in levels:
                    for name, (port, path) in targets.items():
                        figures[name, connections].append(wrk(port, path, connections, args.seconds))
                print(f"vòng {round_number + 1}/{args.rounds} xong", flush=True)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
    text = report(figures, targets, levels, args)
    text += f"\nRun time: {time.monotonic() - started:.0f} s (`.venv/bin/python benchmarks/http_load.py`).\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


def report(figures, targets, levels, args):
    median = {key: statistics.median(values) for key, values in figures.items()}
    lines = [
        "# HTTP: requests per second",
        "",
        f"gunicorn (2 workers, production settings, PostgreSQL) on 127.0.0.1; wrk, `Accept-Encoding: gzip, br`, "
        f"{args.seconds} s per target, targets interleaved, median of {args.rounds} rounds. "
        f"Machine: {os.cpu_count()} cores, shared.",
        "",
        "| target | "
        + " | ".join(f"c={c} req/s" for c in levels)
        + " | "
        + " | ".join(f"c={c} ÷ site floor" for c in levels)
        + " |",  # noqa: E501
        "| --- | " + " | ".join("---:" for _ in levels * 2) + " |",
    ]
    for name in targets:
        floor = BEFORE + SITE_FLOOR if name.startswith(BEFORE) else SITE_FLOOR  # its own stack's floor
        cells = [f"{median[name, c]:.0f}" for c in levels]
        ratios = [f"{median[name, c] / median[floor, c]:.2f}" for c in levels]
        lines.append(f"| {name} | " + " | ".join(cells + ratios) + " |")
    if BEFORE + SITE_FLOOR in targets:
        lines += ["", "| after ÷ before | " + " | ".join(f"c={c}" for c in levels) + " |"]
        lines.append("| --- | " + " | ".join("---:" for _ in levels) + " |")
        for name in (SITE_FLOOR, *PAGES):
            ratios = [f"{median[name, c] / median[BEFORE + name, c]:.2f}" for c in levels]
            lines.append(f"| {name} | " + " | ".join(ratios) + " |")
    checks = []
    for c in levels:
        floor = median[SITE_FLOOR, c]
        checks.append((f"site floor ÷ no-middleware floor at c={c} ≥ 0.7", floor / median[BARE_FLOOR, c]))
        checks.append((f"static file ÷ site floor at c={c} ≥ 0.9", median["static file", c] / floor))
        for name in PAGES:
            checks.append((f"{name} ÷ site floor at c={c} ≥ 0.8", median[name, c] / floor))
    lines += ["", "| target | ratio | verdict |", "| --- | ---: | --- |"]
    for label, ratio in checks:
        wanted = float(label.rsplit("≥ ", 1)[1])
        lines.append(f"| {label} | {ratio:.2f} | {'met' if ratio >= wanted else 'NOT met'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
