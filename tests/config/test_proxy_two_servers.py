"""Varnish in front of two app servers, as production may run it: two gunicorn
processes with production settings on one PostgreSQL database (of this test's own) and
one Redis, Varnish (deploy/varnish/cchc.vcl) forwarding to the second. A change made by
the first side (the `import_results` command, run with the same settings as its server:
the purge leaves from the process that writes) shows through the proxy, served by the
other server, on the very next request, because the writer purged the pages that show it.

Everything runs on 127.0.0.1. It runs in the PostgreSQL pass of the suite (DATABASE_URL);
on SQLite it is skipped."""

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.servers import free_port, missing, start_redis, wait_for_port

REPO = Path(__file__).resolve().parent.parent.parent
INDICATOR = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/chi-tieu/3-a-2/"
AREA = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


@pytest.fixture
def database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("the proxy test runs in the PostgreSQL pass")
    import psycopg2

    parts = urlsplit(url)
    name = f"proxy_{secrets.token_hex(4)}"
    server = parts._replace(path="/postgres").geturl()

    def run(statement):
        connection = psycopg2.connect(server)
        connection.autocommit = True  # CREATE and DROP DATABASE refuse a transaction
        connection.cursor().execute(statement)
        connection.close()

    run(f"CREATE DATABASE {name}")
    yield parts._replace(path=f"/{name}").geturl()
    run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout + result.stderr


def get(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        return response.headers.get("X-Cache"), response.read().decode()


def test_a_change_written_beside_one_server_shows_through_the_proxy_from_the_other(database_url, tmp_path):
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
    if varnishd is None:
        missing("varnishd", "REQUIRE_REDIS")
    redis_url, redis = start_redis(tmp_path)
    proxy, first, second = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{proxy}",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{proxy}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    manage(env, "collectstatic", "--no-input", "-v", "0")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_plan", "-v", "0")
    manage(env, "set_site_address")
    vcl = (REPO / "deploy" / "varnish" / "cchc.vcl").read_text()
    (tmp_path / "cchc.vcl").write_text(vcl.replace('.port = "8000"', f'.port = "{second}"'))
    logs = open(tmp_path / "servers.log", "w")  # noqa: SIM115
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "1", "--env", "PYTHONUNBUFFERED=1"]
    processes = [redis]
    try:
        for port in (first, second):
            command = [*gunicorn, "-b", f"127.0.0.1:{port}"]
            processes.append(subprocess.Popen(command, cwd=REPO, env=env, stdout=logs, stderr=subprocess.STDOUT))
        processes.append(
            subprocess.Popen(
                [varnishd, "-F", "-a", f"127.0.0.1:{proxy}", "-f", str(tmp_path / "cchc.vcl"),
                 "-n", str(tmp_path / "varnish"), "-p", "http_gzip_support=off", "-s", "malloc,32m"]
                + ["-j", "none"],  # no privilege drop: the test's folder is private to its user
                stdout=logs, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
        for port, process in zip((first, second, proxy), processes[1:], strict=True):
            wait_for_port(port, process, seconds=60)

        assert get(first, INDICATOR)[0] is None  # the app servers answer (no proxy header)
        assert get(proxy, INDICATOR)[0] == "MISS"
        cached, page = get(proxy, INDICATOR)
        assert cached == "HIT" and "77,7%" not in page
        assert get(proxy, AREA)[0] == "MISS" and get(proxy, AREA)[0] == "HIT"

        figures = tmp_path / "so-lieu.csv"
        figures.write_text(
            'ma_chi_tieu,ky,gia_tri,nguon,ngay_thu_thap\n3.a.2,2024-Q3,"77,7",Sở Nội vụ,15/10/2024\n', encoding="utf-8"
        )
        written = manage(env, "import_results", str(figures), "--no-progress")
        assert "Couldn't purge" not in written, written

        cached, page = get(proxy, INDICATOR)
        assert cached == "MISS" and "77,7%" in page  # purged, then served by the second server
        assert get(proxy, AREA)[0] == "MISS"  # the area's table shows the figure: purged too
        assert get(proxy, "/robots.txt")[0] in ("MISS", "HIT")
        served = (tmp_path / "servers.log").read_text()
        assert not re.search(r"Traceback", served), served[-3000:]
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        logs.close()
        time.sleep(0.2)
