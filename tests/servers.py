"""Real servers started for a test session in a temporary folder, on 127.0.0.1 and a
free port: Redis (Debian's redis-server). Missing server: the tests that need it are
skipped, or fail when REQUIRE_REDIS=1 (CI)."""

import os
import shutil
import socket
import subprocess
import time

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing(program, variable):
    if os.environ.get(variable) == "1":
        pytest.fail(f"{program} không có trên máy: bắt buộc khi {variable}=1.")
    pytest.skip(f"{program} không có trên máy")


def wait_for_port(port, process, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start ({process.returncode})")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


def start_redis(folder):
    """(url, process) of a redis-server that keeps nothing on disk."""
    program = shutil.which("redis-server")
    if program is None:
        missing("redis-server", "REQUIRE_REDIS")
    port = free_port()
    process = subprocess.Popen(
        [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return f"redis://127.0.0.1:{port}/0", process
