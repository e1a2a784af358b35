"""The one outbound fetcher, for `import_results URL` and `sync_results`.

The address is checked once (plan/results/fetch.py) and the connection goes to the
very address that was checked: the TCP socket is opened to it while the host name
is still used for TLS (SNI, certificate) and the Host header, so a second DNS
answer can never redirect the request. One deadline covers the whole exchange,
headers included: a watchdog shuts the socket when it passes, however slowly the
server sends. The body is capped in bytes, compressed bodies are refused, and a
response that is refused (not 200) is never read."""

import socket
import tempfile
import threading
import time

import certifi
import urllib3
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.util import connection as urllib3_connection

from plan.results.fetch import FetchError, check_url

CHUNK = 64 * 1024
USER_AGENT = "cchc-hai-duong-dong-bo/1.0"


class Deadline:
    """Shuts every socket it watches once `seconds` have passed."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self.sockets = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def remaining(self):
        return max(self.ends - time.monotonic(), 0.001)

    def watch(self, sock):
        with self.lock:
            self.sockets.append(sock)
            if self.expired:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def expire(self):
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def check(self):
        if self.expired or time.monotonic() >= self.ends:
            self.expired = True
            raise self.error()

    def error(self):
        return FetchError(
            f"Nguồn không trả lời trong thời hạn cho phép ({self.seconds:g} giây, RESULT_SOURCES_TIMEOUT)."
        )

    def cancel(self):
        self.timer.cancel()


class PinnedMixin:
    """Opens the socket to `pinned_address`, never to what `host` resolves to now."""

    def __init__(self, *args, pinned_address, deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.pinned_address, self.deadline = pinned_address, deadline

    def _new_conn(self):
        sock = urllib3_connection.create_connection(
            (self.pinned_address, self.port), self.deadline.remaining(), socket_options=self.socket_options
        )
        self.deadline.watch(sock)
        return sock


class PinnedHTTPConnection(PinnedMixin, HTTPConnection):
    pass


class PinnedHTTPSConnection(PinnedMixin, HTTPSConnection):
    pass


def open_pool(source, address, deadline):
    timeout = urllib3.Timeout(connect=deadline.remaining(), read=deadline.remaining())
    options = {"port": source.port, "timeout": timeout, "retries": False, "maxsize": 1, "block": False}
    options["pinned_address"], options["deadline"] = address, deadline
    if source.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(source.host, cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(), **options)
        pool.ConnectionCls = PinnedHTTPSConnection
    else:
        pool = urllib3.HTTPConnectionPool(source.host, **options)
        pool.ConnectionCls = PinnedHTTPConnection
    return pool


def fetch_to_file(url, suffix):
    """Download url into a named temporary file (deleted when closed) and return it."""
    source, address = check_url(
        url,
        settings.RESULT_SOURCES_ALLOWED_HOSTS,
        settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES,
        settings.RESULT_SOURCES_ALLOWED_PORTS,
    )
    max_bytes = settings.RESULT_SOURCES_MAX_BYTES
    deadline = Deadline(float(settings.RESULT_SOURCES_TIMEOUT))
    pool = open_pool(source, address, deadline)
    target = tempfile.NamedTemporaryFile(suffix=suffix)
    try:
        response = pool.urlopen(
            "GET",
            source.target,
            headers={"Accept-Encoding": "identity", "User-Agent": USER_AGENT},
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,
        )
        try:
            receive(response, target, deadline, max_bytes)
        finally:
            response.release_conn()
    except FetchError:
        target.close()
        raise
    except (urllib3.exceptions.HTTPError, OSError) as error:
        target.close()
        if deadline.expired or isinstance(error, urllib3.exceptions.TimeoutError):
            raise deadline.error() from error
        raise FetchError(f"Không kết nối được tới nguồn: {error.__class__.__name__}.") from error
    finally:
        deadline.cancel()
        pool.close()
    target.flush()
    return target


def receive(response, target, deadline, max_bytes):
    if response.status != 200:
        raise FetchError(f"Nguồn trả về mã HTTP {response.status}.")  # the body is never read
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise FetchError(f"Nguồn gửi dữ liệu nén ({encoding[:20]}): không nhận.")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big(max_bytes)
    size = 0
    while True:
        deadline.check()
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise too_big(max_bytes)
        target.write(chunk)
    deadline.check()


def too_big(max_bytes):
    return FetchError(
        f"Tệp nguồn lớn hơn giới hạn {max_bytes / (1024 * 1024):g} MB ({max_bytes} byte, RESULT_SOURCES_MAX_BYTES)."
    )
