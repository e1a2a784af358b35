"""One import at a time per set of indicators. An import holds the indicators its file
touches: a second import of any of them waits for the first to commit, then finds
its rows stored (unchanged: no duplicate history), or is refused cleanly after
IMPORT_LOCK_TIMEOUT seconds; imports of other indicators go on.

Within a process, threads wait on the codes they share. Across processes,
PostgreSQL takes a transaction-level advisory lock per indicator code (hashed into
ADVISORY_KEYS keys), always in ascending order, so two imports never deadlock.
SQLite has one write lock for the whole database: there an import of other
indicators waits too (threads of one process on the process lock, processes at most
SQLite's busy timeout)."""

import threading
import time
import zlib
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection

from plan.models import Result
from plan.results.errors import ReadError

ADVISORY_CLASS = 0x43434843  # "CCHC": the results import; the second key is the indicator code's


class ImportBusy(ReadError):
    """Another import holds some of the same indicators; the message is in Vietnamese."""


def table(model):
    """The model's table, quoted for the database."""
    return connection.ops.quote_name(model._meta.db_table)


def lock_timeout():
    return float(getattr(settings, "IMPORT_LOCK_TIMEOUT", 30))


def busy(timeout):
    return ImportBusy(
        f"Một lần nhập khác đang ghi số liệu của cùng chỉ tiêu; đã chờ {timeout:g} giây (IMPORT_LOCK_TIMEOUT). "
        "Không ghi dòng nào: hãy thử lại sau ít phút."
    )


class CodeLocks:
    """The indicator codes that imports of this process hold; a set is taken whole or
    not at all, so two imports never hold part of each other's set."""

    def __init__(self):
        self.held = set()
        self.changed = threading.Condition()

    @contextmanager
    def hold(self, codes, timeout):
        codes = frozenset(codes)
        deadline = time.monotonic() + timeout
        with self.changed:
            while self.held & codes:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise busy(timeout)
                self.changed.wait(remaining)
            self.held |= codes
        try:
            yield
        finally:
            with self.changed:
                self.held -= codes
                self.changed.notify_all()


PROCESS_LOCKS = CodeLocks()


@contextmanager
def process_lock(codes):
    # SQLite writes one transaction at a time for the whole database: there, hold them all.
    with PROCESS_LOCKS.hold({"*"} if connection.vendor == "sqlite" else codes, lock_timeout()):
        yield


# PostgreSQL's shared lock table holds max_locks_per_transaction × max_connections
# locks (6,400 by default): a file of thousands of indicators takes at most this many.
ADVISORY_KEYS = 1024


def advisory_key(code):
    """The code's key among ADVISORY_KEYS (two codes sharing one only make two imports take turns)."""
    return zlib.crc32(code.encode("utf-8")) % ADVISORY_KEYS


def lock_database(codes):
    """Call inside the import's transaction: held until it commits or rolls back."""
    timeout = lock_timeout()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            keys = sorted({advisory_key(code) for code in codes})
            try:
                cursor.execute("SET LOCAL lock_timeout = %s", [f"{int(timeout * 1000)}ms"])
                # unnest keeps the array's order: every import locks its keys in ascending order.
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s, k) FROM unnest(%s::int[]) AS k", [ADVISORY_CLASS, keys]
                )
                cursor.fetchall()
                cursor.execute("SET LOCAL lock_timeout = DEFAULT")
            except OperationalError as error:  # lock_timeout: another import held a key too long
                raise busy(timeout) from error
        elif connection.vendor == "sqlite":
            # A write statement takes SQLite's write lock now, not at the first insert.
            try:
                cursor.execute(f"UPDATE {table(Result)} SET id = id WHERE 0 = 1")  # noqa: S608 (SQLite's write lock; a quoted model name)
            except OperationalError as error:
                if "locked" in str(error):
                    raise busy(timeout) from error
                raise
