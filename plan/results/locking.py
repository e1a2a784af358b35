"""One import writes at a time. A second import of the same rows waits for the first
to commit, then finds its rows stored (unchanged: no duplicate history), or is
refused cleanly after IMPORT_LOCK_TIMEOUT seconds.

Within a process a lock serialises threads; across processes, PostgreSQL takes a
transaction-level advisory lock and SQLite its write lock (whose busy timeout waits)."""

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection

from plan.results.bulk import table
from plan.results.errors import ReadError

ADVISORY_KEY = 0x43434843  # "CCHC": the results import
PROCESS_LOCK = threading.Lock()


class ImportBusy(ReadError):
    """Another import holds the lock; the message is in Vietnamese."""


def lock_timeout():
    return float(getattr(settings, "IMPORT_LOCK_TIMEOUT", 30))


def busy(timeout):
    return ImportBusy(
        f"Một lần nhập khác đang ghi số liệu; đã chờ {timeout:g} giây (IMPORT_LOCK_TIMEOUT). "
        "Không ghi dòng nào: hãy thử lại sau ít phút."
    )


@contextmanager
def process_lock():
    timeout = lock_timeout()
    if not PROCESS_LOCK.acquire(timeout=timeout):
        raise busy(timeout)
    try:
        yield
    finally:
        PROCESS_LOCK.release()


def lock_database():
    """Call inside the import's transaction: held until it commits or rolls back."""
    timeout = lock_timeout()
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            while True:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ADVISORY_KEY])
                if cursor.fetchone()[0]:
                    return
                if time.monotonic() > deadline:
                    raise busy(timeout)
                time.sleep(0.2)
        elif connection.vendor == "sqlite":
            # A write statement takes SQLite's write lock now, not at the first insert.
            try:
                cursor.execute(f"UPDATE {table('Result')} SET id = id WHERE 0 = 1")
            except OperationalError as error:
                if "locked" in str(error):
                    raise busy(timeout) from error
                raise
