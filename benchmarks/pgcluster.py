"""A throwaway PostgreSQL cluster in a temporary folder, for benchmarks. As root the
cluster runs as the `postgres` user (initdb refuses root)."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile


def postgres_bin():
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(os.path.realpath(initdb))
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not candidates:
        raise SystemExit("PostgreSQL (initdb) không có trên máy.")
    return candidates[-1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_owner(command, folder):
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, cwd=folder, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def throwaway_cluster():
    """Yield a DATABASE_URL for a fresh cluster; stop and delete it afterwards."""
    binaries = postgres_bin()
    folder = tempfile.mkdtemp(prefix="bench-pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data, port = os.path.join(folder, "data"), free_port()
    as_owner(
        [f"{binaries}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], folder
    )
    as_owner(
        [
            f"{binaries}/pg_ctl",
            "-D",
            data,
            "-l",
            os.path.join(folder, "server.log"),
            "-w",
            "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
            "start",
        ],
        folder,
    )
    try:
        as_owner([f"{binaries}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "bench"], folder)
        yield f"postgres://postgres@127.0.0.1:{port}/bench"
    finally:
        as_owner([f"{binaries}/pg_ctl", "-D", data, "-m", "fast", "stop"], folder)
        shutil.rmtree(folder, ignore_errors=True)
