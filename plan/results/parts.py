"""A file's rows checked in a thread of their own and handed over in parts, so that
PostgreSQL stores and writes one part while the next is checked (the import's thread
waits on the database with Python's lock released). Only for an import that holds its
locks before reading the rows (plan/results/importer.py): a part may then be written as
soon as it is checked.

The checking thread reads no database. What it finds comes with each part (the errors
of the rows read for it, and at the end the number of rows read), for the import's
thread to add to its report: the report is never touched by two threads. At most
QUEUED parts wait in memory; an error raised while checking is raised by the import's
thread, and the checking thread stops when the import does.

While parts are handed over, Python switches threads every SWITCH_SECONDS rather than
every 5 ms: the import's thread takes Python's lock back after each statement, and
waited up to 5 ms each time for the checking thread to let it go (measured in
docs/architecture.md, "A CSV file written part by part")."""

import queue
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from plan.results.report import MAX_ERRORS_LISTED

PART_ROWS = 5_000  # about 0.07 s of checking: small enough to overlap, large enough for set-wise SQL
QUEUED = 2
SWITCH_SECONDS = 0.0005


@dataclass
class Found:
    """What the checking thread found since the last part (checked_rows' `report`): the
    errors come in the file's order, so past the first MAX_ERRORS_LISTED only a count
    (the report lists no more)."""

    errors: list = field(default_factory=list)
    unlisted: int = 0
    rows: int = 0  # rows read, set once the file has been read to its end

    def add_error(self, error):
        if len(self.errors) < MAX_ERRORS_LISTED:
            self.errors.append(error)
        else:
            self.unlisted += 1


@dataclass
class Part:
    valid: int  # how many valid rows it has
    text: str  # they, as render() gives them (the import's thread then only waits on the database)
    errors: list  # the first errors of the rows read for this part
    unlisted: int  # how many more errors they had
    read: int | None = None  # on the last part: how many rows the file had


@dataclass
class Failed:
    error: BaseException


@contextmanager
def checked_parts(check, render):
    """Yields an iterator of Parts. `check(found)` returns the valid rows (an iterator)
    and reports each error to `found`; `render(rows)` makes a part's text. Both run in
    the checking thread."""
    handed, stop = queue.Queue(QUEUED), threading.Event()
    work = (check, render, PART_ROWS, handed, stop)
    thread = threading.Thread(target=produce, args=work, name="import-check", daemon=True)
    with quick_switches():
        thread.start()
        try:
            yield receive(handed)
        finally:
            stop_thread(thread, handed, stop)


def stop_thread(thread, handed, stop):
    stop.set()
    while thread.is_alive():
        try:  # a part put after the import stopped reading: let the thread see `stop`
            handed.get(timeout=0.05)
        except queue.Empty:
            pass
    thread.join()


SWITCHING = {"imports": 0, "default": None}
SWITCHING_LOCK = threading.Lock()


@contextmanager
def quick_switches():
    """Python's switch interval at SWITCH_SECONDS while any import of the process hands
    parts over, then back to what it was."""
    with SWITCHING_LOCK:
        if SWITCHING["imports"] == 0:
            SWITCHING["default"] = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_SECONDS, SWITCHING["default"]))
        SWITCHING["imports"] += 1
    try:
        yield
    finally:
        with SWITCHING_LOCK:
            SWITCHING["imports"] -= 1
            if SWITCHING["imports"] == 0:
                sys.setswitchinterval(SWITCHING["default"])


def receive(handed):
    while True:
        item = handed.get()
        if isinstance(item, Failed):
            raise item.error
        yield item
        if item.read is not None:
            return


def produce(check, render, size, handed, stop):
    found, rows = Found(), None
    try:
        rows = check(found)
        while not stop.is_set():
            chunk = list(islice(rows, size))
            last = len(chunk) < size  # the rows ran out: checked_rows has counted them (found.rows)
            part = Part(len(chunk), render(chunk), found.errors, found.unlisted, found.rows if last else None)
            del chunk  # not kept while the next is read: the rows weigh ten times their text
            found.errors, found.unlisted = [], 0
            if not put(handed, stop, part) or last:
                return
    except BaseException as error:  # noqa: BLE001 (a file past its limits, the deadline, memory: raised by the import)
        put(handed, stop, Failed(error))
    finally:
        if rows is not None:
            rows.close()  # the file, when the import stopped before its end


def put(handed, stop, item):
    while not stop.is_set():
        try:
            handed.put(item, timeout=0.05)
            return True
        except queue.Full:
            continue
    return False
