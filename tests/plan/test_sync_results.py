"""Scheduled sync from public sources. The public internet cannot be reached here, so
a real HTTP server on 127.0.0.1 plays the public source; internal addresses are
admitted only where a test says so through RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES."""

import io
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from plan.models import Indicator, Result, ResultSource
from plan.results.fetch import FetchError, address_is_public, check_url, host_allowed
from plan.results.sync import sync_source

pytestmark = pytest.mark.django_db

SOURCE_CSV = (
    "Ky;Chi so;Gia tri;Tinh\n"
    "2024-Q1;dung han;96,4;Hải Dương\n"
    "2024-Q2;dung han;97,1;Hải Dương\n"
    "2024-Q2;dung han;80;Hà Nội\n"
)


class Handler(BaseHTTPRequestHandler):
    routes = {}
    seen = []  # (path, Host header) of every request the server received

    def do_GET(self):
        Handler.seen.append((self.path, self.headers.get("Host")))
        if self.path.startswith("/drip"):
            return self.drip()
        status, body, delay = self.routes.get(self.path, (404, b"", 0))
        time.sleep(delay)
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def drip(self):
        """One byte every 0.2 s: in the body (/drip.csv) or in the headers (/drip-headers.csv)."""
        try:
            if self.path == "/drip-headers.csv":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(100):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.2)
                return
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def source_server(settings):
    yield from serve_sources(settings)


def serve_sources(settings):
    """Start the test source server; yields its base URL (tests/plan/test_fetch_sources.py shares it)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.RESULT_SOURCES_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = True
    settings.RESULT_SOURCES_ALLOWED_PORTS = [server.server_port]
    # Generous, so that a busy machine never fails a good fetch; the tests of the
    # deadline itself set it to 1 s (SLOW_SOURCE_TIMEOUT).
    settings.RESULT_SOURCES_TIMEOUT = 10
    settings.RESULT_SOURCES_MAX_BYTES = 10_000
    Handler.routes = {
        "/good.csv": (200, SOURCE_CSV.encode("utf-8"), 0),
        "/bad.csv": (200, "Ky;Gia tri;Tinh\n2024-Q1;nhiều;Hải Dương\n2024-Q2;97;Hải Dương\n".encode(), 0),
        "/big.csv": (200, b"Ky;Gia tri\n" + b"2024-Q1;1\n" * 5000, 0),
        "/slow.csv": (200, SOURCE_CSV.encode(), 2),
        "/moved.csv": (302, b"", 0),
        "/secret.csv": (500, b"SECRET-INTERNAL-RESPONSE", 0),
    }
    Handler.seen = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


SLOW_SOURCE_TIMEOUT = 1  # seconds; /slow.csv answers after 2 s, /drip*.csv after 20 s


def make_source(base, path):
    return ResultSource.objects.create(
        indicator=Indicator.objects.get(code="3.a.2"),
        name="Bộ chỉ số phục vụ người dân (thử)",
        url=base + path if path is not None else base,
        format="csv",
        period_field="Ky",
        value_field="Gia tri",
        filter_field="Tinh",
        filter_value="Hải Dương",
    )


def run_sync(expect_failure=None):
    """(stdout, stderr); the command exits non-zero (CommandError) when a source failed."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("sync_results", stdout=out, stderr=err)
        failed = False
    except CommandError as error:
        assert error.returncode == 2 and "nguồn lỗi" in str(error)
        failed = True
    if expect_failure is not None:
        assert failed is expect_failure
    return out.getvalue(), err.getvalue()


def test_a_due_source_is_fetched_filtered_and_imported(source_server):
    source = make_source(source_server, "/good.csv")
    out, err = run_sync()
    assert "2 mới" in out and err == "", (out, err)
    results = Result.objects.filter(indicator__code="3.a.2").order_by("period")
    assert [(r.period, str(r.value)) for r in results] == [("2024-Q1", "96.4000"), ("2024-Q2", "97.1000")]
    assert {r.origin for r in results} == {"sync"} and {r.source_url for r in results} == {source.url}
    source.refresh_from_db()
    assert source.last_success_at and source.next_run_at > timezone.now() and source.last_error == ""
    assert run_sync()[0] == "Không có nguồn nào đến hạn.\n"


def test_a_source_read_without_its_indicator_is_imported(source_server):
    """The rows are read while COPY runs (PostgreSQL), when no query can: the indicator's
    code is read before."""
    source = ResultSource.objects.get(pk=make_source(source_server, "/good.csv").pk)
    assert sync_source(source).new == 2
    assert Result.objects.filter(indicator__code="3.a.2").count() == 2


@pytest.mark.parametrize(
    "path, message",
    [
        ("/bad.csv", "không phải là số"),
        ("/big.csv", "lớn hơn giới hạn"),
        ("/slow.csv", "không trả lời"),
        ("/moved.csv", "mã HTTP 302"),
        ("/missing.csv", "mã HTTP 404"),
    ],
)
def test_a_failing_source_records_why_and_writes_nothing(source_server, settings, path, message):
    settings.RESULT_SOURCES_TIMEOUT = SLOW_SOURCE_TIMEOUT
    source = make_source(source_server, path)
    out, err = run_sync()
    assert message in err
    assert not Result.objects.exists()
    source.refresh_from_db()
    assert source.last_failure_at and message in source.last_error and source.last_success_at is None


def test_a_source_not_yet_due_is_left_alone(source_server):
    source = make_source(source_server, "/good.csv")
    source.next_run_at = timezone.now() + timedelta(days=3)
    source.save()
    run_sync()
    assert not Result.objects.exists()


def test_internal_addresses_are_refused_by_default(source_server, settings):
    settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = False
    make_source(source_server, "/good.csv")
    out, err = run_sync()
    assert "địa chỉ nội bộ" in err
    assert not Result.objects.exists()


def test_hosts_outside_the_allow_list_are_refused():
    with pytest.raises(FetchError, match="không nằm trong danh sách"):
        check_url("https://evil.example/data.csv", ["dichvucong.gov.vn"])
    with pytest.raises(FetchError, match="http:// hoặc https://"):
        check_url("file:///etc/passwd", ["dichvucong.gov.vn"])
    with pytest.raises(FetchError, match="địa chỉ nội bộ"):
        check_url("http://localhost:8000/x.csv", ["localhost"], allowed_ports=[8000])


@pytest.mark.parametrize(
    "host, allowed",
    [
        ("dichvucong.gov.vn", True),
        ("DICHVUCONG.GOV.VN", True),
        ("api.dichvucong.gov.vn", True),
        ("dichvucong.gov.vn.evil.example", False),
        ("evildichvucong.gov.vn", False),
        ("haiduong.gov.vn", True),
        ("sonoivu.haiduong.gov.vn", True),
        ("", False),
    ],
)
def test_host_allow_list(host, allowed):
    assert host_allowed(host, ["dichvucong.gov.vn", ".dichvucong.gov.vn", ".haiduong.gov.vn"]) is allowed


@pytest.mark.parametrize(
    "address, public",
    [
        ("8.8.8.8", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fd00::1", False),
        ("0.0.0.0", False),
    ],
)
def test_address_classes(address, public):
    assert address_is_public(address) is public
